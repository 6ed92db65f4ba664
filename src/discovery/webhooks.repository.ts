// Queries for webhooks: the hooks, the log of their deliveries, the private-address setting, and
// the rows a delivery's payload is built from (read in the transaction of the change).
import { sql } from 'kysely'
import type { Db } from '../platform/db/database.ts'
import { fromJson, toDate } from '../platform/db/dialect.ts'

export const ALLOW_PRIVATE_SETTING = 'webhooks.allow_private'

export interface WebhookRow {
  id: number
  url: string
  events: string[]
  secret: string
  createdBy: number | null
  createdAt: Date
  disabledAt: Date | null
}

/** One attempt to deliver one payload: the answer's status code, or the error that stopped it. */
export interface DeliveryRow {
  id: number
  webhookId: number
  event: string
  payload: unknown
  attempt: number
  statusCode: number | null
  error: string | null
  durationMs: number | null
  at: Date
}

export interface NewDelivery {
  webhookId: number
  event: string
  /** The body as sent: JSON text. */
  body: string
  attempt: number
  statusCode: number | null
  error: string | null
  durationMs: number
  at: Date
}

const HOOK_COLUMNS = [
  'id',
  'url',
  'events',
  'secret',
  'created_by',
  'created_at',
  'disabled_at',
] as const
const DELIVERY_COLUMNS = [
  'id',
  'webhook_id',
  'event',
  'payload',
  'attempt',
  'status_code',
  'error',
  'duration_ms',
  'created_at',
] as const

type HookRecord = {
  id: number
  url: string
  events: unknown
  secret: string
  created_by: number | null
  created_at: Date | string
  disabled_at: Date | string | null
}

const hookOf = (row: HookRecord): WebhookRow => ({
  id: row.id,
  url: row.url,
  events: fromJson<string[]>(row.events),
  secret: row.secret,
  createdBy: row.created_by,
  createdAt: toDate(row.created_at),
  disabledAt: toDate(row.disabled_at),
})

type DeliveryRecord = {
  id: number
  webhook_id: number
  event: string
  payload: unknown
  attempt: number
  status_code: number | null
  error: string | null
  duration_ms: number | null
  created_at: Date | string
}

const deliveryOf = (row: DeliveryRecord): DeliveryRow => ({
  id: row.id,
  webhookId: row.webhook_id,
  event: row.event,
  payload: fromJson(row.payload),
  attempt: row.attempt,
  statusCode: row.status_code,
  error: row.error,
  durationMs: row.duration_ms,
  at: toDate(row.created_at),
})

export function createWebhookRepository(db: Db) {
  return {
    async list(): Promise<WebhookRow[]> {
      const rows = await db.selectFrom('webhooks').select(HOOK_COLUMNS).orderBy('id').execute()
      return rows.map(hookOf)
    },

    async byId(id: number, trx: Db = db): Promise<WebhookRow | undefined> {
      const row = await trx
        .selectFrom('webhooks')
        .select(HOOK_COLUMNS)
        .where('id', '=', id)
        .executeTakeFirst()
      return row && hookOf(row)
    },

    /** The hooks that are not disabled: those a change may be delivered to. */
    async enabled(trx: Db): Promise<WebhookRow[]> {
      const rows = await trx
        .selectFrom('webhooks')
        .select(HOOK_COLUMNS)
        .where('disabled_at', 'is', null)
        .orderBy('id')
        .execute()
      return rows.map(hookOf)
    },

    async insert(values: {
      url: string
      events: string[]
      secret: string
      createdBy: number | null
      at: Date
    }): Promise<number> {
      const { id } = await db
        .insertInto('webhooks')
        .values({
          url: values.url,
          events: JSON.stringify(values.events),
          secret: values.secret,
          created_by: values.createdBy,
          created_at: values.at.toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      return id
    },

    /** False when there is no such hook. */
    async update(
      id: number,
      changes: { url?: string; events?: string[]; secret?: string; disabledAt?: Date | null },
    ): Promise<boolean> {
      const result = await db
        .updateTable('webhooks')
        .set({
          ...(changes.url !== undefined && { url: changes.url }),
          ...(changes.events !== undefined && { events: JSON.stringify(changes.events) }),
          ...(changes.secret !== undefined && { secret: changes.secret }),
          ...(changes.disabledAt !== undefined && {
            disabled_at: changes.disabledAt?.toISOString() ?? null,
          }),
        })
        .where('id', '=', id)
        .executeTakeFirst()
      return Number(result.numUpdatedRows) === 1
    },

    /** Deletes the hook and, by the foreign key, its deliveries; false when there was none. */
    async remove(trx: Db, id: number): Promise<boolean> {
      const result = await trx.deleteFrom('webhooks').where('id', '=', id).executeTakeFirst()
      return Number(result.numDeletedRows) === 1
    },

    /**
     * Deletes the pending jobs of this kind whose key starts with `keyPrefix`. A job another
     * instance is running holds its row lock: on PostgreSQL this waits for it, then finds it done.
     */
    async cancelJobs(trx: Db, kind: string, keyPrefix: string): Promise<number> {
      const result = await trx
        .deleteFrom('jobs')
        .where('kind', '=', kind)
        .where('done_at', 'is', null)
        .where(
          sql<string>`substr(${sql.ref('key')}, 1, ${sql.lit(keyPrefix.length)})`,
          '=',
          keyPrefix,
        )
        .executeTakeFirst()
      return Number(result.numDeletedRows)
    },

    /** The newest attempts of a hook first. */
    async deliveries(webhookId: number, limit: number): Promise<DeliveryRow[]> {
      const rows = await db
        .selectFrom('webhook_deliveries')
        .select(DELIVERY_COLUMNS)
        .where('webhook_id', '=', webhookId)
        .orderBy('id', 'desc')
        .limit(limit)
        .execute()
      return rows.map(deliveryOf)
    },

    /** Each hook's newest attempt, by hook id: one query for the whole list. */
    async lastDeliveries(): Promise<Map<number, DeliveryRow>> {
      const rows = await db
        .selectFrom('webhook_deliveries')
        .select(DELIVERY_COLUMNS)
        .where('id', 'in', (eb) =>
          eb
            .selectFrom('webhook_deliveries')
            .select((inner) => inner.fn.max('id').as('id'))
            .groupBy('webhook_id'),
        )
        .execute()
      return new Map(rows.map((row) => [row.webhook_id, deliveryOf(row)]))
    },

    /** Logs an attempt and keeps only the hook's newest `keep` attempts. */
    async recordDelivery(trx: Db, delivery: NewDelivery, keep: number): Promise<void> {
      await trx
        .insertInto('webhook_deliveries')
        .values({
          webhook_id: delivery.webhookId,
          event: delivery.event,
          payload: delivery.body,
          attempt: delivery.attempt,
          status_code: delivery.statusCode,
          error: delivery.error,
          duration_ms: delivery.durationMs,
          created_at: delivery.at.toISOString(),
        })
        .execute()
      const oldest = await trx
        .selectFrom('webhook_deliveries')
        .select('id')
        .where('webhook_id', '=', delivery.webhookId)
        .orderBy('id', 'desc')
        .limit(1)
        .offset(keep)
        .executeTakeFirst()
      if (oldest)
        await trx
          .deleteFrom('webhook_deliveries')
          .where('webhook_id', '=', delivery.webhookId)
          .where('id', '<=', oldest.id)
          .execute()
    },

    async allowPrivate(trx: Db = db): Promise<boolean> {
      const row = await trx
        .selectFrom('settings')
        .select('value')
        .where('key', '=', ALLOW_PRIVATE_SETTING)
        .executeTakeFirst()
      return row?.value === 'true'
    },

    async setAllowPrivate(allow: boolean): Promise<void> {
      const value = allow ? 'true' : 'false'
      await db
        .insertInto('settings')
        .values({ key: ALLOW_PRIVATE_SETTING, value })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
        .execute()
    },

    /** What a story event's payload says about the story, read in the change's transaction. */
    async story(trx: Db, articleId: number) {
      const row = await trx
        .selectFrom('articles')
        .select([
          'id',
          'edition_id',
          'section_id',
          'slug',
          'headline',
          'breaking',
          'published_at',
          'updated_at',
        ])
        .where('id', '=', articleId)
        .executeTakeFirst()
      return (
        row && {
          id: row.id,
          editionId: row.edition_id,
          sectionId: row.section_id,
          slug: row.slug,
          headline: row.headline,
          breaking: Boolean(row.breaking),
          publishedAt: toDate(row.published_at),
          updatedAt: toDate(row.updated_at),
        }
      )
    },

    /** What a comment event's payload says about the comment and its author. */
    async comment(trx: Db, commentId: number) {
      const row = await trx
        .selectFrom('comments')
        .leftJoin('readers', 'readers.id', 'comments.reader_id')
        .select([
          'comments.id',
          'comments.article_id',
          'comments.parent_id',
          'comments.body',
          'comments.created_at',
          'comments.reader_id',
          'readers.display_name',
        ])
        .where('comments.id', '=', commentId)
        .executeTakeFirst()
      return (
        row && {
          id: row.id,
          articleId: row.article_id,
          parentId: row.parent_id,
          text: row.body,
          createdAt: toDate(row.created_at),
          author:
            row.reader_id === null
              ? null
              : { id: row.reader_id, displayName: row.display_name ?? '' },
        }
      )
    },
  }
}

export type WebhookRepository = ReturnType<typeof createWebhookRepository>
