// What the rest of Dateline hands to the mailer: one message to one address, plain text first.
import type { FastifyBaseLogger } from 'fastify'

export interface Mail {
  to: string
  subject: string
  text: string
  html?: string
  headers?: Record<string, string>
}

/** A mail kept in the outbox; `id` is its file name without the extension. */
export interface OutboxMail {
  id: string
  to: string
  subject: string
  /** ISO 8601, UTC. */
  createdAt: string
  text: string
}

export interface OutboxPage {
  items: OutboxMail[]
  /** Pass as `before` for the next (older) page; null on the last one. */
  nextBefore: string | null
}

export type MailLog = Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>
