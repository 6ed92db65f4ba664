// Web push: a browser subscribes to an edition's breaking news and, if it likes, to every new
// story of chosen sections and tags. A story going public (or flagged breaking) enqueues its alert
// in that transaction, once per story; the alert job cuts the audience into batches, each sent
// after its own job commits.
import type { FastifyBaseLogger } from 'fastify'
import type { StoryOutbox } from '../content/article.service.ts'
import type { Catalogue } from '../content/catalogue.ts'
import type { NewsfeedItem } from '../content/content.types.ts'
import type { Clock } from '../platform/clock.ts'
import type { Db } from '../platform/db/database.ts'
import { DomainError, invalidInput } from '../platform/errors.ts'
import { backoffMs, type JobHandler } from '../platform/jobs/job-runner.ts'
import { cancel, enqueue, type JobPayload, replace } from '../platform/jobs/jobs.repository.ts'
import type { Limit, RateLimiter } from '../platform/security/rate-limit.ts'
import type { Audience, PushRepository } from './push.repository.ts'
import type { PushAudience } from './push.table.ts'
import type { PushSender } from './push-sender.ts'
import {
  checkEndpoint,
  checkKeys,
  type PushKeys,
  parseTopics,
  topicName,
} from './push-subscription.ts'

export const PUSH_ALERT = 'push.alert'
export const PUSH_SEND = 'push.send'

/** Subscribing and unsubscribing, counted per address: a reader changes topics a few times at most. */
export const PUSH_LIMIT: Limit = { max: 30, windowMs: 60 * 60_000 }
/** Subscriptions per send job. */
export const PUSH_BATCH = 1_000
/** Sends of one batch before the pushes still failing are given up. */
export const PUSH_ATTEMPTS = 5
/** Longer than a batch can take to send (each push waits 10 s at most, 50 at a time). */
export const SENDING_LEASE_MS = 5 * 60_000
/** News an hour old is not worth waking a phone for. */
export const PUSH_TTL_SECONDS = 60 * 60
const DEK_MAX = 240

export type PushLog = Pick<FastifyBaseLogger, 'warn' | 'error'>

export interface PushNotification {
  title: string
  body: string
  url: string
  /** One per story: a second push for it replaces the first on the reader's screen. */
  tag: string
  icon: string
  lang: string
  dir: string
}

interface SendJob {
  articleId: number
  /** Breaking news (sent urgently), or a story of the topics the browser follows. */
  alert: PushAudience
  audience: Audience
  /** The notification as JSON text, the same bytes for every batch and attempt. */
  notification: string
  /** The batch's id range; names its jobs. */
  from: number
  to: number
  /** Set on a retry: only the subscriptions whose push failed. */
  ids?: number[]
  attempt: number
}

const sendKey = (job: SendJob, attempt = job.attempt) =>
  `${job.alert}:${job.articleId}:${job.from}:${attempt}`
const payloadOf = (job: SendJob): JobPayload => ({ ...job })

function sendJobOf(payload: JobPayload): SendJob {
  const { articleId, alert, audience, notification, from, to, ids, attempt } =
    payload as Partial<SendJob>
  if (
    typeof articleId !== 'number' ||
    (alert !== 'breaking' && alert !== 'topics') ||
    typeof notification !== 'string' ||
    typeof from !== 'number' ||
    typeof to !== 'number' ||
    typeof audience?.editionId !== 'number' ||
    !Array.isArray(audience.topics)
  )
    throw new Error('push.send job without articleId, audience, notification and range')
  return {
    articleId,
    alert,
    audience,
    notification,
    from,
    to,
    ...(Array.isArray(ids) && { ids }),
    attempt: typeof attempt === 'number' ? attempt : 1,
  }
}

const shorten = (text: string, max: number) =>
  text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`

/*
 * Why sending waits for the commit, and what a crash or a failure leaves behind:
 * - Pushes are never sent inside the job's transaction (on SQLite every other query would wait
 *   for it). The claiming transaction reads the batch and enqueues a standby job for the next
 *   attempt, due after SENDING_LEASE_MS; after the commit the batch is sent, and one transaction
 *   then deletes the subscriptions answered 404/410 and replaces the standby by a retry of only the
 *   pushes that failed for now (5xx, 429, no answer), due after the backoff, or cancels it.
 * - So a push the service accepted is not sent again by a retry. Only if the process dies in the
 *   middle of a batch does the standby send that whole batch again: at least once, and the
 *   repeat carries the same notification tag (and push Topic), so the reader's screen shows one.
 */
export function createPushService(deps: {
  db: Db
  repository: PushRepository
  catalogue: Pick<Catalogue, 'edition' | 'editionById' | 'sectionById'>
  clock: Clock
  log: PushLog
  limits: RateLimiter
  sender: PushSender
  /** The VAPID public key browsers subscribe with. */
  publicKey: string
  /** The story's public address. */
  articleUrl: (story: NewsfeedItem) => string
  /** The notification's icon, an absolute URL. */
  iconUrl: string
  allowLoopback: boolean
  batchSize?: number
}) {
  const { db, repository, catalogue, clock, log, limits, sender } = deps
  const batchSize = deps.batchSize ?? PUSH_BATCH
  const later = (ms: number) => new Date(clock.now().getTime() + ms)

  const limited = async (ip: string) => {
    const key = `push:address:${ip}`
    const wait = await limits.refusal([[key, PUSH_LIMIT]])
    if (wait !== undefined)
      throw new DomainError(
        'rate_limited',
        `Too many subscription changes from your address: try again in ${Math.ceil(wait / 60)} min.`,
        undefined,
        wait,
      )
    await limits.hit(key, PUSH_LIMIT)
  }

  /** The topics, each a section or tag of the edition. */
  const editionTopics = async (editionId: number, code: string, raw: readonly string[]) => {
    const topics = parseTopics(raw)
    const tags = await repository.editionTags(
      editionId,
      topics.filter((t) => t.kind === 'tag').map((t) => t.id),
    )
    for (const topic of topics) {
      const ours =
        topic.kind === 'section'
          ? catalogue.sectionById(topic.id)?.editionId === editionId
          : tags.has(topic.id)
      if (!ours)
        throw invalidInput(
          'topics',
          `${topicName(topic)} is not a ${topic.kind} of the ${code} edition.`,
        )
    }
    return topics.map(topicName)
  }

  /** "section:{id}" of the story's section and its parent, and "tag:{id}" of each tag. */
  const topicsOf = (sectionId: number, tagIds: readonly number[]) => {
    const parentId = catalogue.sectionById(sectionId)?.parentId
    return [
      `section:${sectionId}`,
      ...(parentId ? [`section:${parentId}`] : []),
      ...tagIds.map((id) => `tag:${id}`),
    ]
  }

  /*
   * Breaking news goes to every subscription of the edition, once per story; a story that goes
   * public without the flag goes to the browsers following its section or tags, once. A story
   * flagged after its topic push skips those who had it.
   */
  const outbox: StoryOutbox = {
    async storyChanged(trx, event) {
      const breaking = event.breaking && (event.kind === 'published' || event.kind === 'breaking')
      if (!breaking && event.kind !== 'published') return
      const topics = topicsOf(event.sectionId, event.tagIds)
      if (!breaking && !(await repository.followed(trx, event.editionId, topics))) return
      const had = await repository.alerts(trx, event.articleId)
      if (had.has('breaking') || (!breaking && had.has('topics'))) return
      const audience: PushAudience = breaking ? 'breaking' : 'topics'
      const now = clock.now()
      if (!(await repository.recordAlert(trx, event.articleId, audience, now))) return
      await enqueue(trx, {
        kind: PUSH_ALERT,
        key: `${audience}:${event.articleId}`,
        payload: { articleId: event.articleId, audience, skipFollowers: had.has('topics') },
        runAt: now,
        now,
      })
    },
  }

  /** Reads the story as it is now and enqueues one send job per batch of its audience. */
  const alert: JobHandler = async (trx, payload) => {
    const articleId = Number(payload.articleId)
    const breaking = payload.audience === 'breaking'
    const story = await repository.alertStory(trx, articleId)
    // Withdrawn before the alert went out: nobody is woken for it.
    if (!story?.published || !story.publishedAt) return
    const edition = catalogue.editionById(story.editionId)
    const notification: PushNotification = {
      title: story.headline,
      body: shorten(story.dek, DEK_MAX),
      url: deps.articleUrl({ ...story, breaking: true, publishedAt: story.publishedAt }),
      tag: `story-${story.id}`,
      icon: deps.iconUrl,
      lang: edition?.locale ?? '',
      dir: edition?.direction ?? 'auto',
    }
    const audience: Audience = {
      editionId: story.editionId,
      topics: topicsOf(story.sectionId, story.tagIds),
      reach: !breaking ? 'followers' : payload.skipFollowers ? 'others' : 'all',
    }
    const text = JSON.stringify(notification)
    const now = clock.now()
    let after = 0
    for (;;) {
      const ids = await repository.audienceIds(trx, audience, after, batchSize)
      const from = ids[0]
      const to = ids.at(-1)
      if (from === undefined || to === undefined) break
      const job: SendJob = {
        articleId,
        alert: breaking ? 'breaking' : 'topics',
        audience,
        notification: text,
        from,
        to,
        attempt: 1,
      }
      await enqueue(trx, {
        kind: PUSH_SEND,
        key: sendKey(job),
        payload: payloadOf(job),
        runAt: now,
        now,
      })
      if (ids.length < batchSize) break
      after = to
    }
  }

  const settle = async (job: SendJob, results: Awaited<ReturnType<PushSender['send']>>) => {
    const retry = results.retry.length > 0 && job.attempt < PUSH_ATTEMPTS
    const next: SendJob = { ...job, ids: results.retry, attempt: job.attempt + 1 }
    await db.transaction().execute(async (trx) => {
      await repository.remove(trx, results.gone)
      if (retry)
        await replace(trx, {
          kind: PUSH_SEND,
          key: sendKey(next),
          payload: payloadOf(next),
          runAt: later(backoffMs(job.attempt)),
          now: clock.now(),
        })
      else await cancel(trx, PUSH_SEND, sendKey(next))
    })
    const context = {
      articleId: job.articleId,
      batch: job.from,
      attempt: job.attempt,
      sent: results.sent.length,
      gone: results.gone.length,
      retry: results.retry.length,
      failed: results.failed.length,
    }
    if (results.failed.length > 0)
      log.warn({ ...context, first: results.failed[0] }, 'push not accepted by the push service')
    if (results.retry.length > 0 && !retry)
      log.error(context, `pushes still failing after ${PUSH_ATTEMPTS} attempts; given up`)
  }

  const send: JobHandler = async (trx, payload) => {
    const job = sendJobOf(payload)
    const targets = job.ids
      ? await repository.targetsById(trx, job.ids)
      : await repository.targetsInRange(trx, job.audience, job.from, job.to)
    if (targets.length === 0) return
    if (job.attempt < PUSH_ATTEMPTS) {
      const standby: SendJob = { ...job, attempt: job.attempt + 1 }
      await enqueue(trx, {
        kind: PUSH_SEND,
        key: sendKey(standby),
        payload: payloadOf(standby),
        runAt: later(SENDING_LEASE_MS),
        now: clock.now(),
      })
    }
    return async () => {
      const results = await sender.send(targets, job.notification, {
        ttl: PUSH_TTL_SECONDS,
        urgency: job.alert === 'breaking' ? 'high' : 'normal',
        topic: `story-${job.articleId}`,
      })
      try {
        await settle(job, results)
      } catch (error) {
        log.error(
          { err: error, articleId: job.articleId, batch: job.from },
          'push batch sent, but its outcome not recorded; the standby job sends it again later',
        )
      }
    }
  }

  return {
    publicKey: deps.publicKey,
    outbox,
    handlers: { [PUSH_ALERT]: alert, [PUSH_SEND]: send } as Record<string, JobHandler>,

    /** Keeps the browser's subscription (a new one, or new keys and topics for its endpoint). */
    async subscribe(
      input: {
        edition: string
        subscription: { endpoint: string; keys?: Partial<PushKeys> }
        topics?: readonly string[]
      },
      meta: { ip: string },
    ): Promise<{ created: boolean; edition: string; topics: string[] }> {
      await limited(meta.ip)
      const edition = catalogue.edition(input.edition)
      if (!edition)
        throw invalidInput('edition', `There is no edition "${input.edition.slice(0, 20)}".`)
      const endpoint = checkEndpoint(input.subscription.endpoint, deps.allowLoopback)
      const keys = checkKeys(input.subscription.keys)
      const topics = await editionTopics(edition.id, edition.code, input.topics ?? [])
      const created = await db.transaction().execute((trx) =>
        repository.save(trx, {
          editionId: edition.id,
          endpoint,
          ...keys,
          topics,
          at: clock.now(),
        }),
      )
      return { created, edition: edition.code, topics }
    },

    /** Forgets the subscription; nothing to forget is no error (the push service may have said 410). */
    async unsubscribe(input: { endpoint: string }, meta: { ip: string }): Promise<void> {
      await limited(meta.ip)
      let endpoint = input.endpoint
      try {
        endpoint = new URL(endpoint).href
      } catch {}
      await repository.removeByEndpoint(endpoint)
    },
  }
}

export type PushService = ReturnType<typeof createPushService>
