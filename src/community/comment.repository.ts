// Queries for comments: a story's threads, one comment, the writes, likes, reports and counts.
import { sql } from 'kysely'
import type { Db } from '../platform/db/database.ts'
import { fromJson, toDate } from '../platform/db/dialect.ts'
import type { CommentStatus } from '../platform/db/schema.ts'

export type CommentSort = 'newest' | 'oldest' | 'liked'

export interface CommentRow {
  id: number
  articleId: number
  readerId: number | null
  authorName: string | null
  parentId: number | null
  depth: number
  body: string
  status: CommentStatus
  flags: string[]
  likes: number
  reports: number
  createdAt: Date
  editedAt: Date | null
}

const columns = [
  'c.id',
  'c.article_id',
  'c.reader_id',
  'r.display_name',
  'c.parent_id',
  'c.depth',
  'c.body',
  'c.status',
  'c.flags',
  'c.like_count',
  'c.report_count',
  'c.created_at',
  'c.edited_at',
] as const

function toRow(r: {
  id: number
  article_id: number
  reader_id: number | null
  display_name: string | null
  parent_id: number | null
  depth: number
  body: string
  status: CommentStatus
  flags: unknown
  like_count: number
  report_count: number
  created_at: Date | string
  edited_at: Date | string | null
}): CommentRow {
  return {
    id: r.id,
    articleId: r.article_id,
    readerId: r.reader_id,
    authorName: r.display_name,
    parentId: r.parent_id,
    depth: r.depth,
    body: r.body,
    status: r.status,
    flags: fromJson<string[]>(r.flags),
    likes: r.like_count,
    reports: r.report_count,
    createdAt: toDate(r.created_at),
    editedAt: toDate(r.edited_at),
  }
}

export function createCommentRepository(db: Db) {
  const select = (trx: Db) =>
    trx.selectFrom('comments as c').leftJoin('readers as r', 'r.id', 'c.reader_id').select(columns)

  return {
    async byId(id: number, trx: Db = db): Promise<CommentRow | undefined> {
      const row = await select(trx).where('c.id', '=', id).executeTakeFirst()
      return row && toRow(row)
    },

    /**
     * One page of a story's top-level comments and all their replies: what readers see, plus the
     * viewer's own held comments, and deleted ones that still carry replies.
     */
    async thread(
      articleId: number,
      options: { sort: CommentSort; offset: number; limit: number; viewer: number | null },
    ): Promise<{ top: CommentRow[]; replies: CommentRow[] }> {
      const shown = (qb: ReturnType<typeof select>) =>
        qb.where((eb) =>
          eb.or([
            eb('c.status', '=', 'visible'),
            eb('c.status', '=', 'deleted'),
            ...(options.viewer === null
              ? []
              : [eb.and([eb('c.status', '=', 'held'), eb('c.reader_id', '=', options.viewer)])]),
          ]),
        )
      let top = shown(select(db))
        .where('c.article_id', '=', articleId)
        .where('c.parent_id', 'is', null)
      top =
        options.sort === 'oldest'
          ? top.orderBy('c.id', 'asc')
          : options.sort === 'liked'
            ? top.orderBy('c.like_count', 'desc').orderBy('c.id', 'desc')
            : top.orderBy('c.id', 'desc')
      const topRows = (await top.offset(options.offset).limit(options.limit).execute()).map(toRow)
      if (topRows.length === 0) return { top: [], replies: [] }
      const ids = topRows.map((r) => r.id)
      // Replies two levels deep: children of the page's comments and their children.
      const replies = await shown(select(db))
        .where('c.article_id', '=', articleId)
        .where((eb) =>
          eb.or([
            eb('c.parent_id', 'in', ids),
            eb(
              'c.parent_id',
              'in',
              eb.selectFrom('comments').select('id').where('parent_id', 'in', ids),
            ),
          ]),
        )
        .orderBy('c.id', 'asc')
        .execute()
      return { top: topRows, replies: replies.map(toRow) }
    },

    async insert(
      trx: Db,
      values: {
        articleId: number
        readerId: number
        parentId: number | null
        depth: number
        body: string
        status: CommentStatus
        flags: string[]
        at: string
      },
    ): Promise<number> {
      const { id } = await trx
        .insertInto('comments')
        .values({
          article_id: values.articleId,
          reader_id: values.readerId,
          parent_id: values.parentId,
          depth: values.depth,
          body: values.body,
          status: values.status,
          flags: JSON.stringify(values.flags),
          created_at: values.at,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      return id
    },

    async update(
      trx: Db,
      id: number,
      values: Partial<{ body: string; status: CommentStatus; edited_at: string; flags: string }>,
    ): Promise<void> {
      await trx.updateTable('comments').set(values).where('id', '=', id).execute()
    },

    /** Counts the story's visible comments and stores the count on the story. */
    async recount(trx: Db, articleId: number): Promise<number> {
      const row = await trx
        .selectFrom('comments')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('article_id', '=', articleId)
        .where('status', '=', 'visible')
        .executeTakeFirstOrThrow()
      const count = Number(row.n)
      await trx
        .updateTable('articles')
        .set({ comment_count: count })
        .where('id', '=', articleId)
        .execute()
      return count
    },

    /** Adds the like; false when the reader had liked it already. */
    async like(trx: Db, commentId: number, readerId: number, at: string): Promise<boolean> {
      const result = await trx
        .insertInto('comment_likes')
        .values({ comment_id: commentId, reader_id: readerId, created_at: at })
        .onConflict((oc) => oc.columns(['comment_id', 'reader_id']).doNothing())
        .executeTakeFirst()
      if (Number(result.numInsertedOrUpdatedRows ?? 0) === 0) return false
      await trx
        .updateTable('comments')
        .set({ like_count: sql`like_count + 1` })
        .where('id', '=', commentId)
        .execute()
      return true
    },

    async unlike(trx: Db, commentId: number, readerId: number): Promise<boolean> {
      const result = await trx
        .deleteFrom('comment_likes')
        .where('comment_id', '=', commentId)
        .where('reader_id', '=', readerId)
        .executeTakeFirst()
      if (Number(result.numDeletedRows) === 0) return false
      await trx
        .updateTable('comments')
        .set({ like_count: sql`like_count - 1` })
        .where('id', '=', commentId)
        .execute()
      return true
    },

    async likedBy(readerId: number, commentIds: number[]): Promise<Set<number>> {
      if (commentIds.length === 0) return new Set()
      const rows = await db
        .selectFrom('comment_likes')
        .select('comment_id')
        .where('reader_id', '=', readerId)
        .where('comment_id', 'in', commentIds)
        .execute()
      return new Set(rows.map((r) => r.comment_id))
    },

    /** Records the report; false when this reader reported the comment already. */
    async report(
      trx: Db,
      commentId: number,
      readerId: number,
      reason: string,
      at: string,
    ): Promise<boolean> {
      const result = await trx
        .insertInto('comment_reports')
        .values({ comment_id: commentId, reader_id: readerId, reason, created_at: at })
        .onConflict((oc) => oc.columns(['comment_id', 'reader_id']).doNothing())
        .executeTakeFirst()
      if (Number(result.numInsertedOrUpdatedRows ?? 0) === 0) return false
      await trx
        .updateTable('comments')
        .set({ report_count: sql`report_count + 1` })
        .where('id', '=', commentId)
        .execute()
      return true
    },

    async hasChildren(trx: Db, id: number): Promise<boolean> {
      const row = await trx
        .selectFrom('comments')
        .select('id')
        .where('parent_id', '=', id)
        .limit(1)
        .executeTakeFirst()
      return row !== undefined
    },

    /** The reader's comments, for anonymising or removing them with the account. */
    async ofReader(trx: Db, readerId: number) {
      return trx
        .selectFrom('comments')
        .select(['id', 'article_id'])
        .where('reader_id', '=', readerId)
        .execute()
    },

    /** The reader's most recent comment texts, to refuse the same text posted again and again. */
    async recentBodies(readerId: number, since: string): Promise<string[]> {
      const rows = await db
        .selectFrom('comments')
        .select('body')
        .where('reader_id', '=', readerId)
        .where('created_at', '>', since)
        .execute()
      return rows.map((r) => r.body)
    },
  }
}

export type CommentRepository = ReturnType<typeof createCommentRepository>
