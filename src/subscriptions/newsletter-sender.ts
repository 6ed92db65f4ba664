// Sends one batch of an issue: the subscribers of an id range, through the mailer (SMTP, or the
// file outbox without it), at most NEWSLETTER_RATE mails a second from this instance.
import { randomUUID } from 'node:crypto'
import type { Catalogue } from '../content/catalogue.ts'
import type { Clock } from '../platform/clock.ts'
import type { Db } from '../platform/db/database.ts'
import { backoffMs, type JobHandler, type JobLog } from '../platform/jobs/job-runner.ts'
import { cancel, enqueue, type JobPayload, replace } from '../platform/jobs/jobs.repository.ts'
import type { Mail } from '../platform/mail/mail.types.ts'
import type { Mailer } from '../platform/mail/mailer.ts'
import { randomToken } from '../platform/security/tokens.ts'
import type { NewsletterList } from './newsletter.table.ts'
import { createIssueRepository, type Recipient } from './newsletter-issues.repository.ts'
import { BATCH_JOB } from './newsletter-issues.ts'
import type { NewsletterLinks } from './newsletter-links.ts'
import { issueMail } from './newsletter-mail.tsx'

/** Runs of a batch before it is given up. */
export const BATCH_ATTEMPTS = 8
/** Recipients claimed together: the most a crash can leave claimed but never mailed. */
const CHUNK = 50
/** Mails handed to the mailer at once; its pool sends them over a few connections. */
const CONCURRENCY = 8

interface Batch {
  issueId: number
  fromId: number
  toId: number
  attempt: number
}

function batchOf(payload: JobPayload): Batch {
  const [issueId, fromId, toId, attempt] = [
    payload.issueId,
    payload.fromId,
    payload.toId,
    payload.attempt,
  ].map(Number)
  if (![issueId, fromId, toId].every(Number.isSafeInteger))
    throw new Error('newsletter.batch job without issueId, fromId and toId')
  return {
    issueId: issueId!,
    fromId: fromId!,
    toId: toId!,
    attempt: Number.isSafeInteger(attempt) && attempt! > 0 ? attempt! : 1,
  }
}

/** Spaces sends at `rate` a second across every batch of this process; 0 lets them all go. */
export function createPacer(rate: number) {
  let next = 0
  return async (): Promise<void> => {
    if (rate <= 0) return
    const now = performance.now()
    const at = Math.max(next, now)
    next = at + 1000 / rate
    if (at > now) await new Promise((resolve) => setTimeout(resolve, at - now))
  }
}

/** A refusal the mail server gave for good (5xx): retrying would be refused again. */
const permanent = (error: unknown) => {
  const code = (error as { responseCode?: unknown }).responseCode
  return typeof code === 'number' && code >= 500 && code < 600
}

const escapeAttribute = (text: string) => text.replaceAll('&', '&amp;').replaceAll('"', '&quot;')

class SendFailed extends Error {}

/*
 * Why nobody gets one issue twice, and what a crash costs:
 * - Each batch is a job. The transaction that claims it also enqueues a standby copy due after a
 *   lease (longer than a batch takes at the configured rate); the batch then sends after the
 *   commit, outside any transaction, and cancels the standby when done. A process that dies
 *   mid-batch leaves the standby, which finishes the batch later, on any instance.
 * - Every mail is marked before it leaves: a row in newsletter_sends, unique per issue and
 *   subscriber, inserted by the sender that then mails. A retried batch, the standby, or another
 *   instance skips whoever has a row. Marking after sending would mail twice whoever was sent
 *   just before a crash; marking before means a crash between the mark and the server's answer
 *   loses that mail (at most one chunk's, left as 'sending' for anyone to see). For a newsletter,
 *   one missed issue is the better failure than a duplicate.
 * - When the mail server refuses for now or cannot be reached, the claims of the mails that
 *   surely did not leave are given back and the batch is retried with backoff.
 */
export function createNewsletterSender(deps: {
  db: Db
  clock: Clock
  log: JobLog
  mailer: Pick<Mailer, 'send'>
  catalogue: Pick<Catalogue, 'editionById'>
  links: NewsletterLinks
  siteName: string
  publicUrl: string
  /** Mails per second from this instance; 0: no limit. */
  rate: number
  batchSize: number
}) {
  const { db, clock, log, mailer, links } = deps
  const issues = createIssueRepository(db)
  const pace = createPacer(deps.rate)
  const leaseMs =
    15 * 60_000 + (deps.rate > 0 ? Math.ceil((3 * deps.batchSize * 1000) / deps.rate) : 0)

  const later = (ms: number) => new Date(clock.now().getTime() + ms)

  /** Runs `work` over `items`, CONCURRENCY at a time. */
  const each = async <T>(items: T[], work: (item: T) => Promise<void>) => {
    let next = 0
    const worker = async () => {
      while (next < items.length) await work(items[next++] as T)
    }
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, worker))
  }

  const retry = async (batch: Batch, standby: string, error: unknown) => {
    const context = { err: error, ...batch }
    if (batch.attempt >= BATCH_ATTEMPTS) {
      log.error(context, `newsletter batch not sent after ${BATCH_ATTEMPTS} attempts; given up`)
      return
    }
    const retryAt = later(backoffMs(batch.attempt))
    await db
      .transaction()
      .execute((trx) =>
        replace(trx, {
          kind: BATCH_JOB,
          key: standby,
          payload: { ...batch, attempt: batch.attempt + 1 },
          runAt: retryAt,
          now: clock.now(),
        }),
      )
      .then(
        () => log.warn({ ...context, retryAt }, 'newsletter batch stopped; will retry'),
        (retryError: unknown) =>
          log.error(
            { ...context, err: retryError },
            'newsletter batch stopped, and its retry not rescheduled; its standby job goes on later',
          ),
      )
  }

  const sendBatch = async (
    batch: Batch,
    issue: NonNullable<Awaited<ReturnType<typeof issues.byId>>>,
    standby: string,
  ) => {
    const edition = deps.catalogue.editionById(issue.editionId)
    if (!edition || !issue.content) return
    const list: NewsletterList = issue.list
    const tokenFor = await links.tokenMaker()
    // Rendered once per batch with a marker where the link goes; each mail gets its own link.
    const marker = randomToken()
    const template = issueMail({
      edition,
      list,
      content: issue.content,
      siteName: deps.siteName,
      siteUrl: `${deps.publicUrl}/${edition.code}`,
      unsubscribeUrl: marker,
    })
    const listId = `<${list}.${edition.code}.${new URL(deps.publicUrl).hostname}>`
    const mailFor = (recipient: Recipient): Mail => {
      const url = links.unsubscribeUrl(edition.code, tokenFor(recipient.id, list))
      return {
        to: recipient.email,
        subject: template.subject,
        text: template.text.replaceAll(marker, url),
        html: template.html.replaceAll(marker, escapeAttribute(url)),
        headers: {
          'List-Unsubscribe': `<${url}>`,
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          'List-Id': listId,
        },
      }
    }

    let afterId = 0
    for (;;) {
      const chunk = await issues.recipients({
        issueId: issue.id,
        editionId: issue.editionId,
        list,
        fromId: batch.fromId,
        toId: batch.toId,
        afterId,
        limit: CHUNK,
      })
      if (chunk.length === 0) break
      afterId = chunk.at(-1)?.id ?? afterId
      const claimed = await issues.claim(
        issue.id,
        chunk.map((r) => r.id),
        clock.now().toISOString(),
      )
      const sent: number[] = []
      const unsent: number[] = []
      let failure: unknown
      await each(
        chunk.filter((r) => claimed.has(r.id)),
        async (recipient) => {
          if (failure !== undefined) return void unsent.push(recipient.id)
          await pace()
          try {
            await mailer.send(mailFor(recipient))
            sent.push(recipient.id)
          } catch (error) {
            if (permanent(error)) {
              await issues.markFailed(issue.id, recipient.id, String(error))
              log.warn({ err: error, issueId: issue.id, to: recipient.email }, 'newsletter refused')
            } else {
              failure ??= error
              unsent.push(recipient.id)
            }
          }
        },
      )
      await issues.markSent(issue.id, sent, clock.now().toISOString())
      if (failure !== undefined) {
        await issues.release(issue.id, unsent)
        throw new SendFailed(String(failure), { cause: failure })
      }
    }
    await db.transaction().execute((trx) => cancel(trx, BATCH_JOB, standby))
  }

  const send: JobHandler = async (trx, payload) => {
    const batch = batchOf(payload)
    const issue = await issues.byId(trx, batch.issueId)
    if (!issue?.content) return
    const standby = `newsletter:${randomUUID()}`
    if (batch.attempt < BATCH_ATTEMPTS)
      await enqueue(trx, {
        kind: BATCH_JOB,
        key: standby,
        payload: { ...batch, attempt: batch.attempt + 1 },
        runAt: later(leaseMs),
        now: clock.now(),
      })
    return async () => {
      try {
        await sendBatch(batch, issue, standby)
      } catch (error) {
        await retry(batch, standby, error instanceof SendFailed ? error.cause : error)
      }
    }
  }

  return { handlers: { [BATCH_JOB]: send } as Record<string, JobHandler> }
}
