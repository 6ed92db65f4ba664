// Writing a message: Enter sends, Shift+Enter starts a new line; a counter appears near the limit;
// a reply shows what it answers. The text stays until the server has taken the message.
import { useEffect, useRef, useState } from 'preact/hooks'
import { useIsland } from './island-context.ts'
import type { Message } from './messages.ts'
import type { Chat } from './use-chat.ts'

/** The counter shows once this few characters are left. */
const WARN_AT = 100

const length = (text: string) => Array.from(text.trim()).length

export function Composer(props: {
  chat: Chat
  replyTo: Message | null
  onCancelReply: () => void
}) {
  const { chat, replyTo } = props
  const { t, config } = useIsland()
  const [text, setText] = useState('')
  const [problem, setProblem] = useState('')
  const [sending, setSending] = useState(false)
  const field = useRef<HTMLTextAreaElement>(null)
  const left = config.maxLength - length(text)

  useEffect(() => {
    if (replyTo) field.current?.focus()
  }, [replyTo])

  const submit = async () => {
    if (sending) return
    if (length(text) === 0) return setProblem(t('chat.island.emptyText'))
    if (left < 0) return setProblem(t('chat.island.charsOver', { n: -left }))
    setProblem('')
    setSending(true)
    const outcome = await chat.post(text, replyTo?.id)
    setSending(false)
    if (outcome === 'failed') setProblem(t('chat.island.error'))
    if (outcome !== 'sent') return
    setText('')
    props.onCancelReply()
    field.current?.focus()
  }

  return (
    <form
      class="chat-composer"
      onSubmit={(event) => {
        event.preventDefault()
        void submit()
      }}
    >
      {replyTo && (
        <div class="chat-composer__reply">
          <p>
            <span>
              {t('chat.island.replyingTo', {
                name: replyTo.author.name || t('island.deletedUser'),
              })}
            </span>{' '}
            <q dir="auto">{excerpt(replyTo.text)}</q>
          </p>
          <button
            type="button"
            class="chat-action"
            onClick={() => {
              props.onCancelReply()
              field.current?.focus()
            }}
          >
            {t('chat.island.cancelReply')}
          </button>
        </div>
      )}
      <label class="chat-composer__label" for="chat-text">
        {t('chat.island.yourMessage')}
      </label>
      <div class="chat-composer__row">
        <textarea
          id="chat-text"
          ref={field}
          rows={2}
          dir="auto"
          value={text}
          aria-describedby="chat-hint chat-count"
          aria-invalid={problem !== '' || left < 0}
          onInput={(event) => {
            setText(event.currentTarget.value)
            if (problem) setProblem('')
            if (chat.state.error) chat.clearError()
          }}
          onKeyDown={(event) => {
            if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return
            event.preventDefault()
            void submit()
          }}
        />
        <button type="submit" class="chat-button chat-button--primary" disabled={sending}>
          {t('chat.island.send')}
        </button>
      </div>
      <div class="chat-composer__meta">
        <p id="chat-hint">
          {t('chat.island.hint')}{' '}
          {chat.state.me && t('chat.island.signedInAs', { name: chat.state.me.name })}
        </p>
        <p
          id="chat-count"
          class={
            left < 0 ? 'chat-composer__count chat-composer__count--over' : 'chat-composer__count'
          }
          aria-live="polite"
        >
          {left < 0
            ? t('chat.island.charsOver', { n: -left })
            : left <= WARN_AT
              ? t('chat.island.charsLeft', { n: left })
              : ''}
        </p>
      </div>
      {problem && (
        <p class="chat__error" role="alert">
          {problem}
        </p>
      )}
    </form>
  )
}

/** The start of a message, as a reply quotes it. */
export const excerpt = (text: string) => {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim())
  return chars.length > 120 ? `${chars.slice(0, 120).join('')}…` : chars.join('')
}
