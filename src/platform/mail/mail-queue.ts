// Mail as rows in the jobs table: enqueued with the write that causes it, sent after its job commits.
import { randomUUID } from 'node:crypto'
import type { Clock } from '../clock.ts'
import type { Db } from '../db/database.ts'
import { backoffMs, type JobHandler } from '../jobs/job-runner.ts'
import { cancel, enqueue as enqueueJob, type JobPayload, replace } from '../jobs/jobs.repository.ts'
import type { Mail, MailLog } from './mail.types.ts'
import type { Mailer } from './mailer.ts'

export const MAIL_SEND = 'mail.send'
/** Sends tried before a mail is given up. */
export const MAIL_ATTEMPTS = 8
/** Longer than a send can take (every wait of the mailer is bounded at 15-20 s). */
export const SENDING_LEASE_MS = 15 * 60_000

type MailJob = Mail & { attempt: number }

/** Only the mail's own fields go into the job, whatever else the caller's object holds. */
const payloadOf = ({ to, subject, text, html, headers }: Mail, attempt: number): JobPayload => ({
  to,
  subject,
  text,
  ...(html !== undefined && { html }),
  ...(headers !== undefined && { headers }),
  attempt,
})

/** The mail in a job's payload; a payload that is not one fails the job. */
function mailJobOf(payload: JobPayload): MailJob {
  const { to, subject, text, html, headers, attempt } = payload
  if (typeof to !== 'string' || typeof subject !== 'string' || typeof text !== 'string')
    throw new Error('mail.send job without to, subject and text')
  return {
    to,
    subject,
    text,
    ...(typeof html === 'string' && { html }),
    ...(headers !== null &&
      typeof headers === 'object' && {
        headers: headers as Record<string, string>,
      }),
    attempt: typeof attempt === 'number' && Number.isInteger(attempt) ? attempt : 1,
  }
}

/*
 * Why sending waits for the commit, and what a crash leaves behind:
 * - The SMTP conversation never runs inside the job's transaction: on SQLite every other query of
 *   the process waits for that transaction, and on PostgreSQL it would hold a row lock and a
 *   connection for as long as a slow mail server takes.
 * - Delivery is at least once. The claiming transaction, besides marking the job done, enqueues a
 *   standby job for the next attempt, due only after SENDING_LEASE_MS. After the commit the mail
 *   is sent; on success the standby is cancelled; on failure it is replaced by a retry due after
 *   the backoff. If the process dies between the commit and the SMTP server's answer, the standby
 *   sends the mail later. A crash between that answer and the cancel sends it twice, which is the
 *   price of never losing one.
 */
export function createMailQueue(deps: {
  db: Db
  mailer: Pick<Mailer, 'send'>
  clock: Clock
  log: MailLog
}) {
  const { db, mailer, clock, log } = deps

  const later = (ms: number) => new Date(clock.now().getTime() + ms)

  const failed = async (mail: MailJob, standby: string, error: unknown): Promise<void> => {
    const context = { err: error, to: mail.to, subject: mail.subject, attempt: mail.attempt }
    if (mail.attempt >= MAIL_ATTEMPTS) {
      log.error(context, `mail not sent after ${MAIL_ATTEMPTS} attempts; given up`)
      return
    }
    const retryAt = later(backoffMs(mail.attempt))
    try {
      await db.transaction().execute((trx) =>
        replace(trx, {
          kind: MAIL_SEND,
          key: standby,
          payload: payloadOf(mail, mail.attempt + 1),
          runAt: retryAt,
          now: clock.now(),
        }),
      )
      log.warn({ ...context, retryAt }, 'mail not sent; will retry')
    } catch (retryError) {
      log.error(
        { ...context, err: retryError, sendError: String(error) },
        'mail not sent, and its retry not rescheduled; the standby job sends it later',
      )
    }
  }

  const send: JobHandler = async (trx, payload) => {
    const mail = mailJobOf(payload)
    const standby = `mail:${randomUUID()}`
    if (mail.attempt < MAIL_ATTEMPTS)
      await enqueueJob(trx, {
        kind: MAIL_SEND,
        key: standby,
        payload: payloadOf(mail, mail.attempt + 1),
        runAt: later(SENDING_LEASE_MS),
        now: clock.now(),
      })
    const { attempt: _attempt, ...message } = mail
    return async () => {
      try {
        await mailer.send(message)
      } catch (error) {
        return failed(mail, standby, error)
      }
      await db
        .transaction()
        .execute((trx) => cancel(trx, MAIL_SEND, standby))
        .catch((error: unknown) =>
          log.warn(
            { err: error, to: mail.to },
            'mail sent, but its standby job remains; it may arrive twice',
          ),
        )
    }
  }

  const handlers: Record<string, JobHandler> = { [MAIL_SEND]: send }
  return {
    /** Writes the mail in the caller's transaction: it is sent only if that commits. */
    async enqueue(trx: Db, mail: Mail): Promise<void> {
      const now = clock.now()
      await enqueueJob(trx, { kind: MAIL_SEND, payload: payloadOf(mail, 1), runAt: now, now })
    },
    handlers,
  }
}

export type MailQueue = ReturnType<typeof createMailQueue>
