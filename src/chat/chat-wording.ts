// Chat refusals worded for readers in their edition's language, as the socket's error frames.
import type { Edition } from '../content/content.types.ts'
import { formatsFor } from '../site/format.ts'
import { hasCatalogue, type MessageKey, translator } from '../site/i18n/messages.ts'
import { MAX_MESSAGE_LENGTH } from './chat.types.ts'
import { ChatRefusal, chatCodeOf } from './chat-refusal.ts'
import type { ChatErrorCode, ServerFrame } from './protocol.ts'

const KEYS: Record<ChatErrorCode, MessageKey> = {
  invalid: 'chat.error.invalid',
  too_long: 'chat.error.tooLong',
  rate_limited: 'chat.error.rateLimited',
  slow_mode: 'chat.error.slowMode',
  duplicate: 'chat.error.duplicate',
  muted: 'chat.error.muted',
  banned: 'chat.error.banned',
  not_allowed: 'chat.error.notAllowed',
  not_found: 'chat.error.notFound',
  held: 'chat.error.held',
  refused_words: 'chat.error.refusedWords',
  failed: 'chat.error.failed',
}

/** Finer causes that have their own wording. */
const WHY: Record<string, MessageKey> = {
  empty: 'chat.error.empty',
  signed_out: 'chat.error.signedOut',
  not_approved: 'chat.error.notApproved',
  archived: 'chat.error.archived',
}

export function chatErrorFrame(
  error: unknown,
  edition: Edition | undefined,
  nonce?: string,
): Extract<ServerFrame, { type: 'error' }> {
  const locale = edition?.locale ?? 'en'
  const t = translator(hasCatalogue(locale) ? locale : 'en')
  const code = chatCodeOf(error)
  const detail = error instanceof ChatRefusal ? error.detail : {}
  const retryAfter = detail.retryAfter
  let message: string
  if (code === 'muted') {
    const until = detail.until
    message =
      until && edition
        ? t('chat.error.muted', { time: formatsFor(edition).dateTime(until) })
        : t(until ? 'chat.error.muted' : 'chat.error.mutedForever', {
            time: until?.toISOString() ?? '',
          })
    if (detail.reason) message += ` ${t('chat.error.reason', { reason: detail.reason })}`
  } else {
    const key = (detail.why && WHY[detail.why]) || KEYS[code]
    message = t(key, { max: MAX_MESSAGE_LENGTH, seconds: retryAfter ?? 1 })
  }
  return {
    type: 'error',
    code,
    message,
    ...(nonce !== undefined && { nonce }),
    ...(retryAfter !== undefined && { retryAfter }),
  }
}
