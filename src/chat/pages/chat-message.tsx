// One message as the room page renders it, read-only: the island shows the same markup, live.
import type { PageContext } from '../../site/page-context.ts'
import { type ChatMessageJson, REACTIONS } from '../chat.types.ts'
import { messageTime } from './chat-words.ts'

export function ChatMessage({ ctx, message }: { ctx: PageContext; message: ChatMessageJson }) {
  const { t } = ctx
  const at = new Date(message.createdAt)
  const head = `chat-m${message.id}`
  const reactions = REACTIONS.filter((emoji) => (message.reactions[emoji] ?? 0) > 0)
  return (
    <li class="chat-message" id={`m${message.id}`}>
      <article aria-labelledby={head}>
        <header class="chat-message__head" id={head}>
          <bdi class="chat-message__author">{message.author.name || t('island.deletedUser')}</bdi>{' '}
          <time
            class="chat-message__time"
            datetime={message.createdAt}
            title={ctx.formats.dateTime(at)}
          >
            {messageTime(ctx, at)}
          </time>
        </header>
        {message.replyTo && <Quote ctx={ctx} reply={message.replyTo} />}
        <p class="chat-message__text" dir="auto">
          {message.text}
        </p>
        {reactions.length > 0 && (
          // biome-ignore lint/a11y/useSemanticElements: a label for the counts, not a form's fieldset
          <div class="chat-reactions" role="group" aria-label={t('chat.reactions')}>
            {reactions.map((emoji) => (
              <span class="chat-reaction">
                {emoji}{' '}
                <span class="chat-reaction__count">
                  {ctx.formats.number(message.reactions[emoji]!)}
                </span>
              </span>
            ))}
          </div>
        )}
      </article>
    </li>
  )
}

/** The message a reply answers; the author's name and words are gone once it is deleted. */
function Quote({
  ctx,
  reply,
}: {
  ctx: PageContext
  reply: NonNullable<ChatMessageJson['replyTo']>
}) {
  const { t } = ctx
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
