// The room's log: scrolls itself to the newest message while the reader is at the bottom; when
// they have scrolled up to read, it keeps their place, counts what came since and marks where it
// starts. Older pages load at the top without moving what the reader is looking at.
import { Fragment } from 'preact'
import { useLayoutEffect, useRef, useState } from 'preact/hooks'
import { useIsland } from './island-context.ts'
import { MessageItem } from './message-item.tsx'
import { lastId, type Message } from './messages.ts'
import type { Chat } from './use-chat.ts'

/** Closer than this to the end counts as being at the bottom. */
const BOTTOM_PX = 48
/** Scrolled this close to the top, the older page loads. */
const TOP_PX = 80

export function MessageList(props: {
  chat: Chat
  canWrite: boolean
  onReply: (message: Message) => void
}) {
  const { chat } = props
  const { messages, olderBefore, me } = chat.state
  const { t } = useIsland()
  const box = useRef<HTMLDivElement>(null)
  const atBottom = useRef(true)
  /** scrollHeight - scrollTop: stays the same when older messages are put above. */
  const fromBottom = useRef(0)
  const seen = useRef({ first: messages[0]?.id, last: lastId(messages) })
  const [unread, setUnread] = useState(0)
  const [marker, setMarker] = useState<number | null>(null)

  const toBottom = () => {
    const el = box.current
    if (el) el.scrollTop = el.scrollHeight
  }

  // Whatever grows the log (the actions that appear once connected, a reaction, a panel), a
  // reader at the bottom stays there.
  useLayoutEffect(() => {
    if (atBottom.current) toBottom()
  })

  useLayoutEffect(() => {
    const el = box.current
    if (!el) return
    const before = seen.current
    const first = messages[0]?.id
    const last = lastId(messages)
    if (first !== undefined && before.first !== undefined && first < before.first)
      el.scrollTop = el.scrollHeight - fromBottom.current
    if (last !== undefined && (before.last === undefined || last > before.last)) {
      const fresh = messages.filter((m) => m.id > (before.last ?? 0))
      const mine = fresh.every((m) => me !== null && m.author.id === me.id)
      if (atBottom.current || mine) {
        toBottom()
        setMarker(null)
        setUnread(0)
      } else {
        setUnread((n) => n + fresh.length)
        setMarker((id) => id ?? fresh[0]?.id ?? null)
      }
    }
    seen.current = { first, last }
    fromBottom.current = el.scrollHeight - el.scrollTop
  }, [messages, me])

  const onScroll = () => {
    const el = box.current
    if (!el) return
    fromBottom.current = el.scrollHeight - el.scrollTop
    atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < BOTTOM_PX
    if (atBottom.current && unread > 0) setUnread(0)
    if (el.scrollTop < TOP_PX && olderBefore !== null) void chat.loadOlder()
  }

  const showNew = () => {
    toBottom()
    setUnread(0)
    box.current?.focus({ preventScroll: true })
  }

  return (
    <div class="chat-log-wrap">
      <div
        class="chat-log"
        ref={box}
        role="log"
        aria-live="polite"
        aria-label={t('chat.room.messages')}
        aria-busy={chat.olderState === 'loading'}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to scroll by keyboard
        tabIndex={0}
        onScroll={onScroll}
      >
        <div class="chat-log__top">
          {olderBefore === null ? (
            messages.length > 0 && <p class="chat-log__start">{t('chat.island.start')}</p>
          ) : chat.olderState === 'loading' ? (
            <p class="chat-log__start">{t('chat.island.loading')}</p>
          ) : (
            <>
              {chat.olderState === 'failed' && (
                <p class="chat-log__error">{t('chat.island.loadError')}</p>
              )}
              <button type="button" class="chat-button" onClick={() => void chat.loadOlder()}>
                {t('chat.island.loadOlder')}
              </button>
            </>
          )}
        </div>
        {messages.length === 0 ? (
          <p class="chat-log__empty">{t('chat.room.empty')}</p>
        ) : (
          <ol class="chat-log__list">
            {messages.map((message) => (
              <Fragment key={message.id}>
                {message.id === marker && (
                  <li class="chat-log__marker" aria-hidden="true">
                    <span>{t('chat.island.unread')}</span>
                  </li>
                )}
                <MessageItem
                  message={message}
                  chat={chat}
                  canWrite={props.canWrite}
                  onReply={props.onReply}
                />
              </Fragment>
            ))}
          </ol>
        )}
      </div>
      {unread > 0 && (
        <button type="button" class="chat-unread" onClick={showNew}>
          {t('chat.island.newMessages', { n: unread })}
        </button>
      )}
    </div>
  )
}
