// Queries for moderation: the comment queues with their open reports, bulk status changes, the log.
import type { Db } from '../platform/db/database.ts'
import { fromJson, toDate } from '../platform/db/dialect.ts'
import type { CommentStatus } from '../platform/db/schema.ts'

export type QueueName = 'held' | 'reported' | 'all'

export interface QueueFilter {
  queue: QueueName
  editionId?: number
  offset: number
  limit: number
}

export interface QueueRow {
  id: number
  articleId: number
  headline: string
  editionId: number
  parentId: number | null
  body: string
  status: CommentStatus
  flags: string[]
  createdAt: Date
  author: {
    id: number
    displayName: string
    email: string
    bannedAt: Date | null
    mutedUntil: Date | null
  } | null
  /** The reports no moderator has acted on yet, oldest first. */
  reports: { reason: string; at: Date }[]
}

/** A comment about to be approved or rejected, with what the change depends on. */
export interface ModerationTarget {
  id: number
  articleId: number
  readerId: number | null
  status: CommentStatus
  readerTrusted: boolean
}

export interface ModerationRecord {
  staffId: number | null
  action: string
  commentId?: number | null
  readerId?: number | null
  reason?: string
  at: string
}

export interface ModerationLogRow {
  id: number
  at: Date
  staff: { id: number; name: string } | null
  action: string
  commentId: number | null
  readerId: number | null
  reason: string
}

export function createModerationRepository(db: Db) {
  const filtered = (filter: Omit<QueueFilter, 'offset' | 'limit'>) => {
    let query = db
      .selectFrom('comments as c')
      .innerJoin('articles as a', 'a.id', 'c.article_id')
      .where(
        'c.status',
        filter.queue === 'held' ? '=' : '!=',
        filter.queue === 'held' ? 'held' : 'deleted',
      )
    if (filter.queue === 'reported')
      query = query.where((eb) =>
        eb.exists(
          eb
            .selectFrom('comment_reports as cr')
            .select('cr.id')
            .whereRef('cr.comment_id', '=', 'c.id')
            .where('cr.resolved_at', 'is', null),
        ),
      )
    if (filter.editionId !== undefined) query = query.where('a.edition_id', '=', filter.editionId)
    return query
  }

  return {
    /** One page of a queue, newest first, and the queue's length: three queries whatever the page. */
    async queue(filter: QueueFilter): Promise<{ rows: QueueRow[]; total: number }> {
      const [page, count] = await Promise.all([
        filtered(filter)
          .leftJoin('readers as r', 'r.id', 'c.reader_id')
          .select([
            'c.id',
            'c.article_id',
            'a.headline',
            'a.edition_id',
            'c.parent_id',
            'c.body',
            'c.status',
            'c.flags',
            'c.created_at',
            'c.reader_id',
            'r.display_name',
            'r.email',
            'r.banned_at',
            'r.muted_until',
          ])
          .orderBy('c.id', 'desc')
          .offset(filter.offset)
          .limit(filter.limit)
          .execute(),
        filtered(filter)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow(),
      ])
      const ids = page.map((r) => r.id)
      const reports =
        ids.length === 0
          ? []
          : await db
              .selectFrom('comment_reports')
              .select(['comment_id', 'reason', 'created_at'])
              .where('comment_id', 'in', ids)
              .where('resolved_at', 'is', null)
              .orderBy('id')
              .execute()
      const reportsOf = new Map<number, QueueRow['reports']>()
      for (const report of reports) {
        const list = reportsOf.get(report.comment_id) ?? []
        list.push({ reason: report.reason, at: toDate(report.created_at) })
        reportsOf.set(report.comment_id, list)
      }
      const rows = page.map(
        (r): QueueRow => ({
          id: r.id,
          articleId: r.article_id,
          headline: r.headline,
          editionId: r.edition_id,
          parentId: r.parent_id,
          body: r.body,
          status: r.status,
          flags: fromJson<string[]>(r.flags),
          createdAt: toDate(r.created_at),
          author:
            r.reader_id === null
              ? null
              : {
                  id: r.reader_id,
                  displayName: r.display_name ?? '',
                  email: r.email ?? '',
                  bannedAt: toDate(r.banned_at ?? null),
                  mutedUntil: toDate(r.muted_until ?? null),
                },
          reports: reportsOf.get(r.id) ?? [],
        }),
      )
      return { rows, total: Number(count.n) }
    },

    /** The comments of `ids` that exist and are not deleted. */
    async targets(trx: Db, ids: number[]): Promise<ModerationTarget[]> {
      if (ids.length === 0) return []
      const rows = await trx
        .selectFrom('comments as c')
        .leftJoin('readers as r', 'r.id', 'c.reader_id')
        .select(['c.id', 'c.article_id', 'c.reader_id', 'c.status', 'r.trusted_at'])
        .where('c.id', 'in', ids)
        .where('c.status', '!=', 'deleted')
        .orderBy('c.id')
        .execute()
      return rows.map((r) => ({
        id: r.id,
        articleId: r.article_id,
        readerId: r.reader_id,
        status: r.status,
        readerTrusted: r.trusted_at !== null,
      }))
    },

    /** The ids of the reader's comments waiting for a moderator. */
    async heldOf(trx: Db, readerId: number): Promise<number[]> {
      const rows = await trx
        .selectFrom('comments')
        .select('id')
        .where('reader_id', '=', readerId)
        .where('status', '=', 'held')
        .execute()
      return rows.map((r) => r.id)
    },

    async setStatus(trx: Db, ids: number[], status: CommentStatus): Promise<void> {
      if (ids.length === 0) return
      await trx.updateTable('comments').set({ status }).where('id', 'in', ids).execute()
    },

    /** Marks readers trusted from `at`, keeping the time of those trusted already. */
    async trust(trx: Db, readerIds: number[], at: string): Promise<void> {
      if (readerIds.length === 0) return
      await trx
        .updateTable('readers')
        .set({ trusted_at: at })
        .where('id', 'in', readerIds)
        .where('trusted_at', 'is', null)
        .execute()
    },

    async resolveReports(trx: Db, commentIds: number[], at: string): Promise<void> {
      if (commentIds.length === 0) return
      await trx
        .updateTable('comment_reports')
        .set({ resolved_at: at })
        .where('comment_id', 'in', commentIds)
        .where('resolved_at', 'is', null)
        .execute()
    },

    async record(trx: Db, entry: ModerationRecord | ModerationRecord[]): Promise<void> {
      const entries = Array.isArray(entry) ? entry : [entry]
      if (entries.length === 0) return
      await trx
        .insertInto('moderation_log')
        .values(
          entries.map((e) => ({
            staff_id: e.staffId,
            action: e.action,
            comment_id: e.commentId ?? null,
            reader_id: e.readerId ?? null,
            reason: e.reason ?? '',
            created_at: e.at,
          })),
        )
        .execute()
    },

    /** Newest first, `limit` entries older than `before` (an entry id). */
    async log(before: number | undefined, limit: number): Promise<ModerationLogRow[]> {
      let query = db
        .selectFrom('moderation_log as l')
        .leftJoin('staff as s', 's.id', 'l.staff_id')
        .select([
          'l.id',
          'l.created_at',
          'l.staff_id',
          's.name as staff_name',
          'l.action',
          'l.comment_id',
          'l.reader_id',
          'l.reason',
        ])
        .orderBy('l.id', 'desc')
        .limit(limit)
      if (before !== undefined) query = query.where('l.id', '<', before)
      const rows = await query.execute()
      return rows.map((r) => ({
        id: r.id,
        at: toDate(r.created_at),
        staff: r.staff_id === null ? null : { id: r.staff_id, name: r.staff_name ?? '' },
        action: r.action,
        commentId: r.comment_id,
        readerId: r.reader_id,
        reason: r.reason,
      }))
    },
  }
}

export type ModerationRepository = ReturnType<typeof createModerationRepository>
