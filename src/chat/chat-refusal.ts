// Why the chat refused something: a domain error with the chat protocol's code, so the Admin API
// answers it like any other error and the socket sends it as an error frame.
import { DomainError, type ErrorCode } from '../platform/errors.ts'
import type { ChatErrorCode } from './protocol.ts'

const DOMAIN_CODE: Record<ChatErrorCode, ErrorCode> = {
  invalid: 'invalid_input',
  too_long: 'invalid_input',
  rate_limited: 'rate_limited',
  slow_mode: 'rate_limited',
  duplicate: 'conflict',
  muted: 'forbidden',
  banned: 'forbidden',
  not_allowed: 'forbidden',
  not_found: 'not_found',
  held: 'unprocessable',
  refused_words: 'unprocessable',
  failed: 'unprocessable',
}

/** What a refusal tells the reader beyond its code. */
export interface RefusalDetail {
  retryAfter?: number
  /** For muted: when it ends (null: until lifted). */
  until?: Date | null
  /** For muted and banned: what the moderator wrote. */
  reason?: string
  /** A finer cause for the wording: 'signed_out', 'not_approved', 'archived', 'empty', ... */
  why?: string
}

export class ChatRefusal extends DomainError {
  constructor(
    readonly chatCode: ChatErrorCode,
    /** In English, for the Admin API and the logs; readers get the edition's wording. */
    message: string,
    readonly detail: RefusalDetail = {},
  ) {
    super(DOMAIN_CODE[chatCode], message, undefined, detail.retryAfter)
    this.name = 'ChatRefusal'
  }
}

/** The chat code of any error the services throw. */
export function chatCodeOf(error: unknown): ChatErrorCode {
  if (error instanceof ChatRefusal) return error.chatCode
  if (!(error instanceof DomainError)) return 'failed'
  switch (error.code) {
    case 'not_found':
      return 'not_found'
    case 'forbidden':
    case 'unauthenticated':
      return 'not_allowed'
    case 'rate_limited':
      return 'rate_limited'
    default:
      return 'invalid'
  }
}
