// Webhook deliveries as rows in the jobs table: enqueued in the transaction of the change, one per
// hook, each sent after its job commits, logged, and retried with backoff until a 2xx answer.
import { randomUUID } from 'node:crypto'
import type { FastifyBaseLogger } from 'fastify'
import type { Clock } from '../platform/clock.ts'
import type { Db } from '../platform/db/database.ts'
import { backoffMs, type JobHandler } from '../platform/jobs/job-runner.ts'
import { cancel, enqueue, type JobPayload, replace } from '../platform/jobs/jobs.repository.ts'
import { type SendResult, sendWebhook, sign, USER_AGENT } from './webhook-sender.ts'
import type { WebhookRepository, WebhookRow } from './webhooks.repository.ts'

export const WEBHOOK_DELIVER = 'webhook.deliver'
/** Attempts before a delivery is given up: with backoffMs, the last about ten minutes after the first. */
export const WEBHOOK_ATTEMPTS = 8
/** Longer than an attempt can take (every wait of the sender is bounded at 10 s). */
export const SENDING_LEASE_MS = 5 * 60_000
/** Attempts kept in each hook's delivery log. */
export const DELIVERIES_KEPT = 100

export type WebhookLog = Pick<FastifyBaseLogger, 'warn' | 'error'>

interface DeliveryJob {
  webhookId: number
  /** The payload's id and the x-dateline-delivery header: the same on every attempt. */
  deliveryId: string
  event: string
  /** The JSON text sent, kept as text so every attempt sends (and signs) the same bytes. */
  body: string
  attempt: number
}

/** The keys of a hook's jobs start with this, so a deleted hook's pending ones are found. */
export const hookKeyPrefix = (webhookId: number) => `webhook:${webhookId}:`
/** One key per attempt: the standby for the next is written while this one's row is pending. */
const keyOf = (job: DeliveryJob) =>
  `${hookKeyPrefix(job.webhookId)}${job.deliveryId}:${job.attempt}`
const nextOf = (job: DeliveryJob): DeliveryJob => ({ ...job, attempt: job.attempt + 1 })

const payloadOf = (job: DeliveryJob): JobPayload => ({ ...job })

function deliveryJobOf(payload: JobPayload): DeliveryJob {
  const { webhookId, deliveryId, event, body, attempt } = payload
  if (
    typeof webhookId !== 'number' ||
    typeof deliveryId !== 'string' ||
    typeof event !== 'string' ||
    typeof body !== 'string'
  )
    throw new Error('webhook.deliver job without webhookId, deliveryId, event and body')
  return {
    webhookId,
    deliveryId,
    event,
    body,
    attempt: typeof attempt === 'number' && Number.isInteger(attempt) ? attempt : 1,
  }
}

/*
 * Why sending waits for the commit, and what a crash leaves behind (as for mail):
 * - The request never runs inside the job's transaction: on SQLite every other query of the
 *   process waits for that transaction, and on PostgreSQL it would hold a row lock and a
 *   connection for as long as a slow receiver takes.
 * - Delivery is at least once. The claiming transaction, besides marking the job done, enqueues a
 *   standby job for the next attempt, due only after SENDING_LEASE_MS. After the commit the
 *   request is sent; the attempt is logged and, in the same transaction, the standby is cancelled
 *   (a 2xx answer, or an address that is refused) or replaced by a retry due after the backoff.
 *   If the process dies before that, the standby sends the delivery later. Receivers tell a
 *   repeated delivery by its x-dateline-delivery id.
 * - The hook is read when the job runs: a hook disabled or deleted since sends nothing, and a
 *   rotated secret signs the deliveries still pending.
 */
export function createWebhookDelivery(deps: {
  db: Db
  repository: WebhookRepository
  clock: Clock
  log: WebhookLog
}) {
  const { db, repository, clock, log } = deps
  const later = (ms: number) => new Date(clock.now().getTime() + ms)

  const attempt = async (hook: WebhookRow, job: DeliveryJob, allowPrivate: boolean) => {
    const timestamp = Math.floor(clock.now().getTime() / 1000)
    const started = performance.now()
    const result: SendResult = await sendWebhook({
      url: hook.url,
      body: job.body,
      allowPrivate,
      headers: {
        'content-type': 'application/json',
        'user-agent': USER_AGENT,
        'x-dateline-event': job.event,
        'x-dateline-delivery': job.deliveryId,
        'x-dateline-timestamp': String(timestamp),
        'x-dateline-signature': sign(hook.secret, timestamp, job.body),
      },
    })
    return { result, durationMs: Math.round(performance.now() - started) }
  }

  const settle = async (job: DeliveryJob, result: SendResult, durationMs: number) => {
    const statusCode = 'statusCode' in result ? result.statusCode : null
    const ok = statusCode !== null && statusCode >= 200 && statusCode < 300
    const error =
      'error' in result
        ? result.error
        : statusCode !== null && statusCode >= 300 && statusCode < 400
          ? 'redirects are not followed: give the hook its final address'
          : null
    const refused = 'refused' in result && result.refused
    const retryAt =
      ok || refused || job.attempt >= WEBHOOK_ATTEMPTS ? null : later(backoffMs(job.attempt))
    await db.transaction().execute(async (trx) => {
      // Deleted while the request was on its way: its log went with it.
      if (!(await repository.byId(job.webhookId, trx))) return
      await repository.recordDelivery(
        trx,
        { ...job, statusCode, error, durationMs, at: clock.now() },
        DELIVERIES_KEPT,
      )
      const next = nextOf(job)
      if (retryAt)
        await replace(trx, {
          kind: WEBHOOK_DELIVER,
          key: keyOf(next),
          payload: payloadOf(next),
          runAt: retryAt,
          now: clock.now(),
        })
      else await cancel(trx, WEBHOOK_DELIVER, keyOf(next))
    })
    const context = { webhookId: job.webhookId, deliveryId: job.deliveryId, attempt: job.attempt }
    if (ok) return
    const answer = { ...context, statusCode, error }
    if (retryAt) log.warn({ ...answer, retryAt }, 'webhook not delivered; will retry')
    else if (refused) log.warn(answer, 'webhook refused: its address is not allowed')
    else log.error(answer, `webhook not delivered after ${WEBHOOK_ATTEMPTS} attempts; given up`)
  }

  const deliver: JobHandler = async (trx, payload) => {
    const job = deliveryJobOf(payload)
    const hook = await repository.byId(job.webhookId, trx)
    if (!hook || hook.disabledAt) return
    const allowPrivate = await repository.allowPrivate(trx)
    if (job.attempt < WEBHOOK_ATTEMPTS) {
      const standby = nextOf(job)
      await enqueue(trx, {
        kind: WEBHOOK_DELIVER,
        key: keyOf(standby),
        payload: payloadOf(standby),
        runAt: later(SENDING_LEASE_MS),
        now: clock.now(),
      })
    }
    return async () => {
      const { result, durationMs } = await attempt(hook, job, allowPrivate)
      try {
        await settle(job, result, durationMs)
      } catch (error) {
        log.error(
          { err: error, webhookId: job.webhookId, deliveryId: job.deliveryId },
          'webhook attempt not logged, nor its retry scheduled; the standby job tries again later',
        )
      }
    }
  }

  return {
    handlers: { [WEBHOOK_DELIVER]: deliver } as Record<string, JobHandler>,

    /**
     * Writes one delivery job per hook in the caller's transaction; each payload gets its own id.
     * Returns the ids, in the order of the hooks.
     */
    async enqueue(trx: Db, hooks: WebhookRow[], event: string, data: unknown): Promise<string[]> {
      const now = clock.now()
      const ids: string[] = []
      for (const hook of hooks) {
        const deliveryId = randomUUID()
        const body = JSON.stringify({ id: deliveryId, event, createdAt: now.toISOString(), data })
        const job: DeliveryJob = { webhookId: hook.id, deliveryId, event, body, attempt: 1 }
        await enqueue(trx, {
          kind: WEBHOOK_DELIVER,
          key: keyOf(job),
          payload: payloadOf(job),
          runAt: now,
          now,
        })
        ids.push(deliveryId)
      }
      return ids
    },

    /** Cancels the hook's pending deliveries, in the transaction that deletes it. */
    cancelPending: (trx: Db, webhookId: number) =>
      repository.cancelJobs(trx, WEBHOOK_DELIVER, hookKeyPrefix(webhookId)),
  }
}

export type WebhookDelivery = ReturnType<typeof createWebhookDelivery>
