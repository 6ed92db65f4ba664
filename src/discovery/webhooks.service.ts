// Webhooks: admins register receivers for story and comment events; each change enqueues its
// deliveries in its own transaction (the outbox), so every instance hears the change on the bus
// but each hook gets it once.
import { randomBytes } from 'node:crypto'
import type { Catalogue } from '../content/catalogue.ts'
import type { NewsfeedItem } from '../content/content.types.ts'
import type { StoryEvent, StoryEventKind } from '../live/events.ts'
import type { Clock } from '../platform/clock.ts'
import type { Db } from '../platform/db/database.ts'
import { DomainError, invalidInput, notFound } from '../platform/errors.ts'
import { hostOf, refusal, resolveHost, urlProblem } from './webhook-address.ts'
import { createWebhookDelivery, DELIVERIES_KEPT, type WebhookLog } from './webhook-delivery.ts'
import {
  createWebhookRepository,
  type DeliveryRow,
  type WebhookRow,
} from './webhooks.repository.ts'

export const WEBHOOK_EVENTS = [
  'story.published',
  'story.updated',
  'story.unpublished',
  'comment.posted',
] as const
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number]

/** A story newly flagged breaking is an update to its receivers. */
const STORY_EVENT: Record<StoryEventKind, WebhookEvent> = {
  published: 'story.published',
  updated: 'story.updated',
  breaking: 'story.updated',
  unpublished: 'story.unpublished',
}

/** How long saving a hook waits for its host's DNS answer before taking the URL unchecked. */
const SAVE_LOOKUP_MS = 5_000

export interface WebhookJson {
  id: number
  url: string
  events: string[]
  /** Shown to admins only, who hand it to the receiver to check signatures with. */
  secret: string
  disabled: boolean
  createdAt: string
  lastDelivery: DeliveryJson | null
}

export interface DeliveryJson {
  id: number
  /** The payload's id, the same on every attempt of one delivery. */
  deliveryId: string | null
  event: string
  attempt: number
  statusCode: number | null
  error: string | null
  durationMs: number | null
  at: string
  payload: unknown
}

/** What the article and comment services call in the transaction of a change. */
export interface WebhookOutbox {
  storyChanged(trx: Db, event: StoryEvent): Promise<void>
  commentPosted(trx: Db, commentId: number): Promise<void>
}

const newSecret = () => `whsec_${randomBytes(24).toString('base64url')}`

const deliveryJson = (row: DeliveryRow): DeliveryJson => {
  const id = (row.payload as { id?: unknown } | null)?.id
  return {
    id: row.id,
    deliveryId: typeof id === 'string' ? id : null,
    event: row.event,
    attempt: row.attempt,
    statusCode: row.statusCode,
    error: row.error,
    durationMs: row.durationMs,
    at: row.at.toISOString(),
    payload: row.payload,
  }
}

const hookJson = (hook: WebhookRow, last: DeliveryRow | undefined): WebhookJson => ({
  id: hook.id,
  url: hook.url,
  events: hook.events,
  secret: hook.secret,
  disabled: hook.disabledAt !== null,
  createdAt: hook.createdAt.toISOString(),
  lastDelivery: last ? deliveryJson(last) : null,
})

function checkEvents(events: readonly string[]): WebhookEvent[] {
  const chosen = [...new Set(events)]
  const unknown = chosen.find((e) => !(WEBHOOK_EVENTS as readonly string[]).includes(e))
  if (unknown !== undefined)
    throw invalidInput(
      'events',
      `"${unknown}" is not an event; choose from ${WEBHOOK_EVENTS.join(', ')}.`,
    )
  if (chosen.length === 0) throw invalidInput('events', 'Choose at least one event.')
  return WEBHOOK_EVENTS.filter((e) => chosen.includes(e))
}

/** The URL, normalised, when it may receive webhooks; else a 400 that says why. */
async function checkUrl(text: string, allowPrivate: boolean): Promise<string> {
  const trimmed = text.trim()
  const problem = urlProblem(trimmed)
  if (problem) throw invalidInput('url', problem)
  const url = new URL(trimmed)
  if (!allowPrivate) {
    const host = hostOf(url)
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<undefined>((resolve) => {
      timer = setTimeout(resolve, SAVE_LOOKUP_MS, undefined)
    })
    // A host that does not resolve (yet) is taken: every delivery checks it again.
    const addresses = await Promise.race([resolveHost(host).catch(() => undefined), timeout])
    clearTimeout(timer)
    const refused = addresses && addresses.length > 0 ? refusal(host, addresses) : undefined
    if (refused) throw invalidInput('url', refused)
  }
  return url.href
}

export function createWebhookService(deps: {
  db: Db
  clock: Clock
  log: WebhookLog
  catalogue: Pick<Catalogue, 'editionById' | 'sectionById'>
  /** The story's public address, as in feeds and the API. */
  articleUrl: (story: NewsfeedItem) => string
}) {
  const { db, clock, catalogue } = deps
  const repository = createWebhookRepository(db)
  const delivery = createWebhookDelivery({ db, repository, clock, log: deps.log })

  const existing = async (id: number) => {
    const hook = await repository.byId(id)
    if (!hook) throw notFound('webhook')
    return hook
  }
  const current = async (id: number) =>
    hookJson(await existing(id), (await repository.deliveries(id, 1))[0])

  /** The enabled hooks that receive `event`; none, and the caller builds no payload. */
  const receivers = async (trx: Db, event: WebhookEvent) =>
    (await repository.enabled(trx)).filter((hook) => hook.events.includes(event))

  const outbox: WebhookOutbox = {
    async storyChanged(trx, event) {
      const name = STORY_EVENT[event.kind]
      const hooks = await receivers(trx, name)
      if (hooks.length === 0) return
      const story = await repository.story(trx, event.articleId)
      if (!story) return
      const publishedAt = story.publishedAt ?? story.updatedAt
      const article = {
        id: story.id,
        edition: catalogue.editionById(story.editionId)?.code ?? null,
        section: catalogue.sectionById(story.sectionId)?.slug ?? null,
        headline: story.headline,
        url: deps.articleUrl({ ...story, publishedAt }),
        publishedAt: story.publishedAt?.toISOString() ?? null,
        updatedAt: story.updatedAt.toISOString(),
      }
      await delivery.enqueue(trx, hooks, name, { article })
    },

    async commentPosted(trx, commentId) {
      const hooks = await receivers(trx, 'comment.posted')
      if (hooks.length === 0) return
      const comment = await repository.comment(trx, commentId)
      if (!comment) return
      await delivery.enqueue(trx, hooks, 'comment.posted', {
        comment: { ...comment, createdAt: comment.createdAt.toISOString() },
      })
    },
  }

  return {
    outbox,
    handlers: delivery.handlers,

    async list(): Promise<WebhookJson[]> {
      const [hooks, last] = await Promise.all([repository.list(), repository.lastDeliveries()])
      return hooks.map((hook) => hookJson(hook, last.get(hook.id)))
    },

    async create(
      by: { staffId: number | null },
      input: { url: string; events: readonly string[] },
    ): Promise<WebhookJson> {
      const events = checkEvents(input.events)
      const url = await checkUrl(input.url, await repository.allowPrivate())
      const id = await repository.insert({
        url,
        events,
        secret: newSecret(),
        createdBy: by.staffId,
        at: clock.now(),
      })
      return current(id)
    },

    async update(
      id: number,
      changes: { url?: string; events?: readonly string[]; disabled?: boolean },
    ): Promise<WebhookJson> {
      const hook = await existing(id)
      const events = changes.events === undefined ? undefined : checkEvents(changes.events)
      const url =
        changes.url === undefined || changes.url.trim() === hook.url
          ? undefined
          : await checkUrl(changes.url, await repository.allowPrivate())
      const disabledAt =
        changes.disabled === undefined || changes.disabled === (hook.disabledAt !== null)
          ? undefined
          : changes.disabled
            ? clock.now()
            : null
      await repository.update(id, { url, events, disabledAt })
      return current(id)
    },

    /** Deletes the hook, its log and its pending deliveries. */
    async remove(id: number): Promise<void> {
      const removed = await db.transaction().execute(async (trx) => {
        await delivery.cancelPending(trx, id)
        return repository.remove(trx, id)
      })
      if (!removed) throw notFound('webhook')
    },

    /** A new secret; deliveries still pending are signed with it. */
    async rotate(id: number): Promise<WebhookJson> {
      await existing(id)
      await repository.update(id, { secret: newSecret() })
      return current(id)
    },

    /** The hook's newest attempts first, at most DELIVERIES_KEPT. */
    async deliveries(id: number): Promise<DeliveryJson[]> {
      await existing(id)
      return (await repository.deliveries(id, DELIVERIES_KEPT)).map(deliveryJson)
    },

    /** Queues a `ping` delivery, so an admin sees the receiver answer in the log. */
    async ping(id: number): Promise<{ deliveryId: string }> {
      const hook = await existing(id)
      if (hook.disabledAt)
        throw new DomainError('conflict', 'The webhook is disabled: enable it to send a test.')
      const [deliveryId] = await db.transaction().execute((trx) =>
        delivery.enqueue(trx, [hook], 'ping', {
          webhook: { id: hook.id, url: hook.url, events: hook.events },
        }),
      )
      return { deliveryId: deliveryId ?? '' }
    },

    async settings(): Promise<{ allowPrivate: boolean }> {
      return { allowPrivate: await repository.allowPrivate() }
    },

    async saveSettings(settings: { allowPrivate: boolean }): Promise<{ allowPrivate: boolean }> {
      await repository.setAllowPrivate(settings.allowPrivate)
      return { allowPrivate: settings.allowPrivate }
    },
  }
}

export type WebhookService = ReturnType<typeof createWebhookService>
