// A message's reactions: the counts, toggles for a signed-in reader, and the fixed set to pick from.
import { useState } from 'preact/hooks'
import { useIsland } from './island-context.ts'
import type { Message } from './messages.ts'

export function Reactions(props: {
  message: Message
  /** Signed in and connected: the reader may react. */
  canReact: boolean
  reacted: (emoji: string) => boolean
  onToggle: (emoji: string) => void
}) {
  const { t, config } = useIsland()
  const [picking, setPicking] = useState(false)
  const counted = config.reactions.filter((emoji) => (props.message.reactions[emoji] ?? 0) > 0)
  if (counted.length === 0 && !props.canReact) return null
  const pickerId = `chat-picker-${props.message.id}`
  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of toggles, not a form's fieldset
    <div class="chat-reactions" role="group" aria-label={t('chat.reactions')}>
      {counted.map((emoji) =>
        props.canReact ? (
          <button
            type="button"
            class="chat-reaction"
            aria-pressed={props.reacted(emoji)}
            onClick={() => props.onToggle(emoji)}
          >
            {emoji} <span class="chat-reaction__count">{props.message.reactions[emoji]}</span>
          </button>
        ) : (
          <span class="chat-reaction">
            {emoji} <span class="chat-reaction__count">{props.message.reactions[emoji]}</span>
          </span>
        ),
      )}
      {props.canReact && (
        <button
          type="button"
          class="chat-action"
          aria-expanded={picking}
          aria-controls={pickerId}
          onClick={() => setPicking(!picking)}
        >
          {t('chat.island.react')}
        </button>
      )}
      {picking && (
        <span class="chat-picker" id={pickerId}>
          {config.reactions.map((emoji) => (
            <button
              type="button"
              class="chat-picker__emoji"
              aria-label={t('chat.island.reactWith', { emoji })}
              aria-pressed={props.reacted(emoji)}
              onClick={() => {
                props.onToggle(emoji)
                setPicking(false)
              }}
            >
              {emoji}
            </button>
          ))}
        </span>
      )}
    </div>
  )
}
