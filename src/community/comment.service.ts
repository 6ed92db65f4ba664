// The rules of commenting: who may comment where, what a comment may say, threads two levels
// deep, likes, reports, edits within a few minutes; every change announced for live readers.
import type { ArticleRepository } from '../content/article.repository.ts'
import type { Bus } from '../live/bus.ts'
import type { Clock } from '../platform/clock.ts'
import type { Db } from '../platform/db/database.ts'
import type { CommentStatus } from '../platform/db/schema.ts'
import { DomainError, invalidInput, notFound } from '../platform/errors.ts'
import type { Limit, RateLimiter } from '../platform/security/rate-limit.ts'
import type { CommentRepository, CommentRow, CommentSort } from './comment.repository.ts'
import { cleanComment, countLinks, segmentsOf } from './comment-text.ts'
import type { CommunitySettings, CommunitySettingsStore } from './community-settings.ts'
import type { Reader, ReaderSession } from './reader.types.ts'
import { createWordFilter } from './word-filter.ts'

export const EDIT_WINDOW_MS = 15 * 60_000
export const THREADS_PER_PAGE = 20
const MAX_DEPTH = 2
const REPEAT_WINDOW_MS = 10 * 60_000
export const COMMENT_LIMITS: Record<string, Limit> = {
  reader: { max: 6, windowMs: 60_000 },
  address: { max: 30, windowMs: 60_000 },
}

export interface CommentJson {
  id: number
  parentId: number | null
  depth: number
  author: { id: number; displayName: string } | null
  segments: ReturnType<typeof segmentsOf>
  createdAt: string
  editedAt: string | null
  likes: number
  likedByMe: boolean
  mine: boolean
  editableUntil: string | null
  status: 'visible' | 'held'
  deleted: boolean
  replies: CommentJson[]
}

export interface Discussion {
  open: boolean
  closedReason: 'closed' | 'expired' | null
  premoderated: boolean
  settings: CommunitySettings
  editionId: number
  count: number
}

/** Work other systems must get once per visible comment (webhooks), written in its transaction. */
export interface CommentOutbox {
  commentPosted(trx: Db, commentId: number): Promise<void>
}

export function createCommentService(deps: {
  db: Db
  comments: CommentRepository
  articles: ArticleRepository
  settings: CommunitySettingsStore
  limits: RateLimiter
  clock: Clock
  bus: Bus
  outbox?: CommentOutbox
}) {
  const { db, comments, clock } = deps
  const filters = new Map<string, ReturnType<typeof createWordFilter>>()
  const filterOf = (words: string[]) => {
    const key = words.join('\n')
    let filter = filters.get(key)
    if (!filter) {
      if (filters.size > 50) filters.clear()
      filter = createWordFilter(words)
      filters.set(key, filter)
    }
    return filter
  }

  /** Whether and how a story takes comments now; undefined when readers cannot see it. */
  const discussion = async (articleId: number): Promise<Discussion | undefined> => {
    const story = await deps.articles.discussion(articleId)
    const now = clock.now()
    // Public as the reader site has it: published, or scheduled for a time now past.
    const live = story?.status === 'published' || story?.status === 'scheduled'
    if (!story || !live || !story.publishedAt || story.publishedAt > now) return undefined
    const settings = await deps.settings.get(story.editionId)
    const mode = story.commentMode ?? settings.mode
    const expired =
      settings.autoCloseDays > 0 &&
      (story.publishedAt?.getTime() ?? 0) + settings.autoCloseDays * 86_400_000 < now.getTime()
    const closedReason = mode === 'closed' ? 'closed' : expired ? 'expired' : null
    return {
      open: closedReason === null,
      closedReason,
      premoderated: mode === 'premoderated',
      settings,
      editionId: story.editionId,
      count: story.commentCount,
    }
  }

  const json = (row: CommentRow, viewer: Reader | null, liked: Set<number>): CommentJson => {
    const mine = viewer !== null && row.readerId === viewer.id
    const deleted = row.status === 'deleted'
    const editableUntil = new Date(row.createdAt.getTime() + EDIT_WINDOW_MS)
    return {
      id: row.id,
      parentId: row.parentId,
      depth: row.depth,
      author:
        row.readerId === null || deleted
          ? null
          : { id: row.readerId, displayName: row.authorName ?? '' },
      segments: deleted ? [] : segmentsOf(row.body),
      createdAt: row.createdAt.toISOString(),
      editedAt: row.editedAt?.toISOString() ?? null,
      likes: row.likes,
      likedByMe: liked.has(row.id),
      mine,
      editableUntil:
        mine && !deleted && editableUntil > clock.now() ? editableUntil.toISOString() : null,
      status: row.status === 'held' ? 'held' : 'visible',
      deleted,
      replies: [],
    }
  }

  const announce = async (
    articleId: number,
    kind: 'posted' | 'edited' | 'removed',
    commentId: number,
    count: number,
  ) => {
    await deps.bus.publish({ type: 'comment', kind, articleId, commentId, count })
  }

  const writable = (session: ReaderSession | undefined): Reader => {
    if (!session) throw new DomainError('unauthenticated', 'comment.signIn')
    const { reader } = session
    if (!reader.confirmedAt) throw new DomainError('forbidden', 'comment.unconfirmed')
    if (reader.bannedAt) throw new DomainError('forbidden', 'comment.banned')
    if (reader.mutedUntil && reader.mutedUntil > clock.now())
      throw new DomainError('forbidden', 'comment.muted')
    return reader
  }

  const checkText = (text: unknown, settings: CommunitySettings) => {
    const body = cleanComment(typeof text === 'string' ? text : '')
    if (body.length === 0) throw invalidInput('text', 'comment.empty')
    if ([...body].length > settings.maxLength) throw invalidInput('text', 'comment.tooLong')
    if (countLinks(body) > settings.maxLinks)
      throw new DomainError('unprocessable', 'comment.tooManyLinks', 'text')
    if (filterOf(settings.bannedWords).match(body).length > 0)
      throw new DomainError('unprocessable', 'comment.refused', 'text')
    return { body, flags: filterOf(settings.suspectWords).match(body) }
  }

  const own = async (session: ReaderSession | undefined, id: number) => {
    const reader = writable(session)
    const row = await comments.byId(id)
    if (!row || row.status === 'deleted' || row.status === 'rejected') throw notFound('comment')
    if (row.readerId !== reader.id) throw new DomainError('forbidden', 'comment.notYours')
    return { reader, row }
  }

  return {
    discussion,

    /** One page of a story's threads, as the viewer sees them. */
    async thread(
      articleId: number,
      options: { sort: CommentSort; page: number; viewer: ReaderSession | undefined },
    ) {
      const found = await discussion(articleId)
      if (!found) throw notFound('article')
      const viewer = options.viewer?.reader ?? null
      const { top, replies } = await comments.thread(articleId, {
        sort: options.sort,
        offset: (options.page - 1) * THREADS_PER_PAGE,
        limit: THREADS_PER_PAGE + 1,
        viewer: viewer?.id ?? null,
      })
      const page = top.slice(0, THREADS_PER_PAGE)
      const liked = viewer
        ? await comments.likedBy(
            viewer.id,
            [...page, ...replies].map((r) => r.id),
          )
        : new Set<number>()
      const byId = new Map<number, CommentJson>()
      const items = page.map((row) => {
        const item = json(row, viewer, liked)
        byId.set(row.id, item)
        return item
      })
      for (const row of replies) {
        const item = json(row, viewer, liked)
        byId.set(row.id, item)
        if (row.parentId !== null) byId.get(row.parentId)?.replies.push(item)
      }
      // A deleted comment is only shown while it holds replies.
      const keep = (list: CommentJson[]): CommentJson[] =>
        list.filter((c) => {
          c.replies = keep(c.replies)
          return !c.deleted || c.replies.length > 0
        })
      return {
        articleId,
        count: found.count,
        open: found.open,
        closedReason: found.closedReason,
        premoderated: found.premoderated,
        maxLength: found.settings.maxLength,
        page: options.page,
        hasMore: top.length > THREADS_PER_PAGE,
        items: keep(items),
      }
    },

    /** One comment as every reader sees it: what live updates carry. */
    async publicJson(id: number): Promise<CommentJson | undefined> {
      const row = await comments.byId(id)
      return row && row.status === 'visible' ? json(row, null, new Set()) : undefined
    },

    async post(
      session: ReaderSession | undefined,
      articleId: number,
      input: { text: unknown; parentId?: number },
      meta: { ip: string },
    ): Promise<CommentJson> {
      const reader = writable(session)
      const found = await discussion(articleId)
      if (!found) throw notFound('article')
      if (!found.open) throw new DomainError('forbidden', 'comment.closed')
      const { body, flags } = checkText(input.text, found.settings)
      let parentId: number | null = null
      let depth = 0
      if (input.parentId !== undefined) {
        const parent = await comments.byId(input.parentId)
        if (!parent || parent.articleId !== articleId || parent.status !== 'visible')
          throw new DomainError('not_found', 'comment.noParent', 'parentId')
        // Replies go two levels deep: a reply to the deepest level joins its thread there.
        parentId = parent.depth >= MAX_DEPTH ? parent.parentId : parent.id
        depth = Math.min(parent.depth + 1, MAX_DEPTH)
      }
      const now = clock.now()
      const recent = await comments.recentBodies(
        reader.id,
        new Date(now.getTime() - REPEAT_WINDOW_MS).toISOString(),
      )
      if (recent.includes(body)) throw new DomainError('conflict', 'comment.repeated', 'text')
      for (const [key, limit] of [
        [`comment:reader:${reader.id}`, COMMENT_LIMITS.reader!],
        [`comment:address:${meta.ip}`, COMMENT_LIMITS.address!],
      ] as const) {
        const verdict = await deps.limits.check(key, limit)
        if (!verdict.allowed)
          throw new DomainError('rate_limited', 'comment.tooFast', undefined, verdict.retryAfter)
        await deps.limits.hit(key, limit)
      }
      const held =
        found.premoderated ||
        flags.length > 0 ||
        (!reader.trustedAt && found.settings.holdNewReaders)
      const status: CommentStatus = held ? 'held' : 'visible'
      const { id, count } = await db.transaction().execute(async (trx) => {
        const id = await comments.insert(trx, {
          articleId,
          readerId: reader.id,
          parentId,
          depth,
          body,
          status,
          flags,
          at: now.toISOString(),
        })
        const count = status === 'visible' ? await comments.recount(trx, articleId) : found.count
        if (status === 'visible') await deps.outbox?.commentPosted(trx, id)
        return { id, count }
      })
      if (status === 'visible') await announce(articleId, 'posted', id, count)
      const row = await comments.byId(id)
      if (!row) throw notFound('comment')
      return json(row, reader, new Set())
    },

    async edit(
      session: ReaderSession | undefined,
      id: number,
      text: unknown,
    ): Promise<CommentJson> {
      const { reader, row } = await own(session, id)
      if (clock.now().getTime() > row.createdAt.getTime() + EDIT_WINDOW_MS)
        throw new DomainError('forbidden', 'comment.editClosed')
      const found = await discussion(row.articleId)
      if (!found?.open) throw new DomainError('forbidden', 'comment.closed')
      const { body, flags } = checkText(text, found.settings)
      const status: CommentStatus = row.status === 'held' || flags.length > 0 ? 'held' : 'visible'
      const count = await db.transaction().execute(async (trx) => {
        await comments.update(trx, id, {
          body,
          status,
          flags: JSON.stringify(flags),
          edited_at: clock.now().toISOString(),
        })
        return comments.recount(trx, row.articleId)
      })
      if (row.status === 'visible')
        await announce(row.articleId, status === 'visible' ? 'edited' : 'removed', id, count)
      const updated = await comments.byId(id)
      if (!updated) throw notFound('comment')
      return json(updated, reader, await comments.likedBy(reader.id, [id]))
    },

    async remove(session: ReaderSession | undefined, id: number): Promise<void> {
      const { row } = await own(session, id)
      const count = await db.transaction().execute(async (trx) => {
        await comments.update(trx, id, { status: 'deleted', body: '' })
        return comments.recount(trx, row.articleId)
      })
      await announce(row.articleId, 'removed', id, count)
    },

    async like(session: ReaderSession | undefined, id: number, on: boolean) {
      const reader = writable(session)
      const row = await comments.byId(id)
      if (row?.status !== 'visible') throw notFound('comment')
      if (on && row.readerId === reader.id) throw new DomainError('forbidden', 'comment.ownLike')
      const changed = await db
        .transaction()
        .execute((trx) =>
          on
            ? comments.like(trx, id, reader.id, clock.now().toISOString())
            : comments.unlike(trx, id, reader.id),
        )
      if (!changed)
        throw new DomainError('conflict', on ? 'comment.likedAlready' : 'comment.notLiked')
      const likes = (await comments.byId(id))?.likes ?? 0
      await deps.bus.publish({
        type: 'comment',
        kind: 'likes',
        articleId: row.articleId,
        commentId: id,
        count: likes,
      })
      return { likes, likedByMe: on }
    },

    async report(session: ReaderSession | undefined, id: number, reason: unknown): Promise<void> {
      const reader = writable(session)
      const row = await comments.byId(id)
      if (row?.status !== 'visible') throw notFound('comment')
      // At most 500 characters, cut between characters rather than inside one.
      const text = [...cleanComment(typeof reason === 'string' ? reason : '')]
        .slice(0, 500)
        .join('')
      if (text.length === 0) throw invalidInput('reason', 'comment.reportReason')
      const added = await db
        .transaction()
        .execute((trx) => comments.report(trx, id, reader.id, text, clock.now().toISOString()))
      if (!added) throw new DomainError('conflict', 'comment.reportedAlready')
    },

    /** With the account: comments kept as "deleted user", or removed, as the edition says. */
    async forget(trx: Db, reader: Reader): Promise<void> {
      const settings = await deps.settings.get(reader.editionId ?? 0, trx)
      const rows = await comments.ofReader(trx, reader.id)
      if (settings.onAccountDelete === 'remove')
        for (const row of rows) await comments.update(trx, row.id, { status: 'deleted', body: '' })
      for (const articleId of new Set(rows.map((r) => r.article_id)))
        await comments.recount(trx, articleId)
    },
  }
}

export type CommentService = ReturnType<typeof createCommentService>
