// One message: author and time, the quoted message it replies to, the text (always as text),
// reactions, and the actions this reader may take on it.
import { useRef, useState } from 'preact/hooks'
import { useIsland } from './island-context.ts'
import { BanPanel, DeletePanel, MutePanel } from './message-panels.tsx'
import type { Message } from './messages.ts'
import { Reactions } from './reactions.tsx'
import type { Chat } from './use-chat.ts'

type PanelName = 'delete' | 'mute' | 'ban'

/** The message a reply answers; the author's name and words are gone once it is deleted. */
export function Quote({ reply }: { reply: NonNullable<Message['replyTo']> }) {
  const { t } = useIsland()
  return (
    <blockquote class="chat-quote">
      {reply.deleted ? (
        <em>{t('chat.message.deleted')}</em>
      ) : (
        <>
          <span class="chat-quote__who">
            {t('chat.message.replyTo', { name: reply.author || t('island.deletedUser') })}
          </span>{' '}
          <q dir="auto">{reply.excerpt}</q>
        </>
      )}
    </blockquote>
  )
}

export function MessageItem(props: {
  message: Message
  chat: Chat
  canWrite: boolean
  onReply: (message: Message) => void
}) {
  const { message, chat } = props
  const { t, time } = useIsland()
  const [panel, setPanel] = useState<PanelName | null>(null)
  const trigger = useRef<HTMLElement | null>(null)
  const { me, connection } = chat.state
  const connected = connection === 'open'
  const own = me !== null && message.author.id === me.id
  const moderator = me?.moderator === true
  const authorId = message.author.id
  const headId = `chat-m${message.id}`
  const author = message.author.name || t('island.deletedUser')

  const open = (name: PanelName) => (event: Event) => {
    trigger.current = event.currentTarget as HTMLElement
    setPanel(name)
  }
  const close = () => {
    setPanel(null)
    requestAnimationFrame(() => trigger.current?.focus())
  }
  const act = (sent: boolean) => sent && setPanel(null)

  return (
    <li class={own ? 'chat-message chat-message--own' : 'chat-message'} data-id={message.id}>
      <article aria-labelledby={headId}>
        <header class="chat-message__head" id={headId}>
          <bdi class="chat-message__author">{author}</bdi>{' '}
          <time
            class="chat-message__time"
            dateTime={message.createdAt}
            title={time.full(message.createdAt)}
          >
            {time.short(message.createdAt)}
          </time>
        </header>
        {message.replyTo && <Quote reply={message.replyTo} />}
        <p class="chat-message__text" dir="auto">
          {message.text}
        </p>
        <div class="chat-message__foot">
          <Reactions
            message={message}
            canReact={me !== null && connected}
            reacted={(emoji) => chat.reacted(message.id, emoji)}
            onToggle={(emoji) => chat.toggleReaction(message.id, emoji)}
          />
          {connected && (
            <div class="chat-message__actions">
              {props.canWrite && (
                <button type="button" class="chat-action" onClick={() => props.onReply(message)}>
                  {t('chat.island.reply')}
                </button>
              )}
              {(own || moderator) && (
                <button type="button" class="chat-action" onClick={open('delete')}>
                  {t('chat.island.delete')}
                </button>
              )}
              {moderator && !own && authorId !== null && (
                <>
                  <button type="button" class="chat-action" onClick={open('mute')}>
                    {t('chat.island.mute')}
                  </button>
                  <button type="button" class="chat-action" onClick={open('ban')}>
                    {t('chat.island.ban')}
                  </button>
                </>
              )}
            </div>
          )}
        </div>
        {panel === 'delete' && (
          <DeletePanel onDelete={() => act(chat.remove(message.id))} onCancel={close} />
        )}
        {panel === 'mute' && authorId !== null && (
          <MutePanel
            id={message.id}
            name={author}
            onMute={(minutes, reason) => act(chat.mute(authorId, minutes, reason))}
            onCancel={close}
          />
        )}
        {panel === 'ban' && authorId !== null && (
          <BanPanel
            id={message.id}
            name={author}
            onBan={(reason) => act(chat.ban(authorId, reason))}
            onCancel={close}
          />
        )}
      </article>
    </li>
  )
}
