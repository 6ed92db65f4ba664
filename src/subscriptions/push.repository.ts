// Queries for web push: subscriptions and their topics, the alerts sent, and what an alert says.
import type { Db } from '../platform/db/database.ts'
import { toDate } from '../platform/db/dialect.ts'
import { type PushAudience, withPush } from './push.table.ts'

export interface PushTarget {
  id: number
  endpoint: string
  p256dh: string
  auth: string
}

/** Which subscriptions of an edition an alert reaches. */
export interface Audience {
  editionId: number
  /** The story's topics: "section:{id}" (its section and the parent section) and "tag:{id}". */
  topics: string[]
  /** Every subscription; those following one of the topics; or those following none of them. */
  reach: 'all' | 'followers' | 'others'
}

const TARGET = ['id', 'endpoint', 'p256dh', 'auth'] as const

export function createPushRepository(db: Db) {
  const reaching = (trx: Db, audience: Audience) => {
    const query = withPush(trx)
      .selectFrom('push_subscriptions as s')
      .where('s.edition_id', '=', audience.editionId)
    if (audience.reach === 'all') return query
    return query.where((eb) => {
      const follows = eb.exists(
        eb
          .selectFrom('push_subscription_topics as t')
          .select('t.topic')
          .whereRef('t.subscription_id', '=', 's.id')
          .where('t.topic', 'in', audience.topics.length > 0 ? audience.topics : ['']),
      )
      return audience.reach === 'followers' ? follows : eb.not(follows)
    })
  }

  return {
    /** Creates the subscription, or updates the one with this endpoint; true when it is new. */
    async save(
      trx: Db,
      input: {
        editionId: number
        endpoint: string
        p256dh: string
        auth: string
        topics: string[]
        at: Date
      },
    ): Promise<boolean> {
      const push = withPush(trx)
      const at = input.at.toISOString()
      const known = await push
        .selectFrom('push_subscriptions')
        .select('id')
        .where('endpoint', '=', input.endpoint)
        .executeTakeFirst()
      const values = {
        edition_id: input.editionId,
        p256dh: input.p256dh,
        auth: input.auth,
        updated_at: at,
      }
      // Two requests for one new endpoint at once: the second updates what the first inserted.
      const { id } = await push
        .insertInto('push_subscriptions')
        .values({ ...values, endpoint: input.endpoint, created_at: at })
        .onConflict((oc) => oc.column('endpoint').doUpdateSet(values))
        .returning('id')
        .executeTakeFirstOrThrow()
      await push.deleteFrom('push_subscription_topics').where('subscription_id', '=', id).execute()
      if (input.topics.length > 0)
        await push
          .insertInto('push_subscription_topics')
          .values(input.topics.map((topic) => ({ subscription_id: id, topic })))
          .execute()
      return known === undefined
    },

    /** Forgets the subscription with this endpoint; whether there was one. */
    async removeByEndpoint(endpoint: string): Promise<boolean> {
      const result = await withPush(db)
        .deleteFrom('push_subscriptions')
        .where('endpoint', '=', endpoint)
        .executeTakeFirst()
      return Number(result.numDeletedRows) > 0
    },

    async remove(trx: Db, ids: number[]): Promise<void> {
      if (ids.length === 0) return
      await withPush(trx).deleteFrom('push_subscriptions').where('id', 'in', ids).execute()
    },

    /** Those of `ids` that are tags of the edition. */
    async editionTags(editionId: number, ids: number[]): Promise<Set<number>> {
      if (ids.length === 0) return new Set()
      const rows = await db
        .selectFrom('tags')
        .select('id')
        .where('edition_id', '=', editionId)
        .where('id', 'in', ids)
        .execute()
      return new Set(rows.map((row) => row.id))
    },

    /** The alerts the story has had. */
    async alerts(trx: Db, articleId: number): Promise<Set<PushAudience>> {
      const rows = await withPush(trx)
        .selectFrom('push_alerts')
        .select('audience')
        .where('article_id', '=', articleId)
        .execute()
      return new Set(rows.map((row) => row.audience))
    },

    /** Records the story's alert; false when it had this one already, which then is not sent again. */
    async recordAlert(
      trx: Db,
      articleId: number,
      audience: PushAudience,
      at: Date,
    ): Promise<boolean> {
      const inserted = await withPush(trx)
        .insertInto('push_alerts')
        .values({ article_id: articleId, audience, created_at: at.toISOString() })
        .onConflict((oc) => oc.columns(['article_id', 'audience']).doNothing())
        .returning('article_id')
        .executeTakeFirst()
      return inserted !== undefined
    },

    /** What the alert says and whom it reaches, read when the alert job runs. */
    async alertStory(trx: Db, articleId: number) {
      const row = await trx
        .selectFrom('articles')
        .select(['id', 'edition_id', 'section_id', 'slug', 'headline', 'dek', 'status'])
        .select('published_at')
        .where('id', '=', articleId)
        .executeTakeFirst()
      if (!row) return undefined
      const tags = await trx
        .selectFrom('article_tags')
        .select('tag_id')
        .where('article_id', '=', articleId)
        .execute()
      return {
        id: row.id,
        editionId: row.edition_id,
        sectionId: row.section_id,
        slug: row.slug,
        headline: row.headline,
        dek: row.dek,
        published: row.status === 'published',
        publishedAt: toDate(row.published_at),
        tagIds: tags.map((tag) => tag.tag_id),
      }
    },

    /** Whether any subscription of the edition follows one of the topics. */
    async followed(trx: Db, editionId: number, topics: string[]): Promise<boolean> {
      const row = await reaching(trx, { editionId, topics, reach: 'followers' })
        .select('s.id')
        .limit(1)
        .executeTakeFirst()
      return row !== undefined
    },

    /** Up to `limit` ids of the audience after `after`, in order: how an alert is cut into batches. */
    async audienceIds(trx: Db, audience: Audience, after: number, limit: number) {
      const rows = await reaching(trx, audience)
        .select('s.id')
        .where('s.id', '>', after)
        .orderBy('s.id')
        .limit(limit)
        .execute()
      return rows.map((row) => row.id)
    },

    /** The audience's subscriptions with ids from `from` to `to`: one batch. */
    targetsInRange: (trx: Db, audience: Audience, from: number, to: number) =>
      reaching(trx, audience)
        .select(TARGET.map((column) => `s.${column}` as const))
        .where('s.id', '>=', from)
        .where('s.id', '<=', to)
        .orderBy('s.id')
        .execute() as Promise<PushTarget[]>,

    /** Those of `ids` still subscribed: a retry of the ones that failed. */
    targetsById: (trx: Db, ids: number[]) =>
      ids.length === 0
        ? Promise.resolve([] as PushTarget[])
        : (withPush(trx)
            .selectFrom('push_subscriptions')
            .select([...TARGET])
            .where('id', 'in', ids)
            .orderBy('id')
            .execute() as Promise<PushTarget[]>),
  }
}

export type PushRepository = ReturnType<typeof createPushRepository>
