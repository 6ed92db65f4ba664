// Moderation: the queues of held and reported comments, approving and rejecting them in bulk,
// muting, banning and restoring readers; every decision logged and announced to live readers.
import type { Bus } from '../live/bus.ts'
import type { Clock } from '../platform/clock.ts'
import type { Db } from '../platform/db/database.ts'
import { invalidInput, notFound } from '../platform/errors.ts'
import type { CommentRepository } from './comment.repository.ts'
import type { CommentOutbox } from './comment.service.ts'
import type {
  ModerationRecord,
  ModerationRepository,
  QueueName,
  QueueRow,
} from './moderation.repository.ts'
import type { ReaderRepository } from './reader.repository.ts'

export const QUEUE_PAGE_SIZE = 25
export const LOG_PAGE_SIZE = 50
export const MODERATE_MAX = 100
const REASON_MAX = 500
const MUTE_DAYS_MAX = 365

export type ModerationAction = 'approve' | 'reject'

export interface QueueCommentJson {
  id: number
  articleId: number
  headline: string
  editionId: number
  parentId: number | null
  text: string
  status: QueueRow['status']
  createdAt: string
  author: {
    id: number
    displayName: string
    email: string
    standing: 'active' | 'muted' | 'banned'
    mutedUntil: string | null
  } | null
  reports: { reason: string; at: string }[]
  flags: string[]
}

export interface ModerationEntryJson {
  id: number
  at: string
  staff: { id: number; name: string } | null
  action: string
  commentId: number | null
  readerId: number | null
  reason: string
}

function checkReason(reason: unknown): string {
  const text = typeof reason === 'string' ? reason.trim() : ''
  if (text.length === 0 || text.length > REASON_MAX)
    throw invalidInput('reason', `Give a reason of 1 to ${REASON_MAX} characters.`)
  return text
}

export function createModerationService(deps: {
  db: Db
  comments: CommentRepository
  readers: ReaderRepository
  moderation: ModerationRepository
  clock: Clock
  bus: Bus
  outbox?: CommentOutbox
}) {
  const { db, comments, readers, moderation, clock } = deps

  const queueJson = (row: QueueRow, now: Date): QueueCommentJson => {
    const author = row.author
    const muted = author?.mutedUntil && author.mutedUntil > now ? author.mutedUntil : null
    return {
      id: row.id,
      articleId: row.articleId,
      headline: row.headline,
      editionId: row.editionId,
      parentId: row.parentId,
      text: row.body,
      status: row.status,
      createdAt: row.createdAt.toISOString(),
      author: author && {
        id: author.id,
        displayName: author.displayName,
        email: author.email,
        standing: author.bannedAt ? 'banned' : muted ? 'muted' : 'active',
        mutedUntil: muted?.toISOString() ?? null,
      },
      reports: row.reports.map((r) => ({ reason: r.reason, at: r.at.toISOString() })),
      flags: row.flags,
    }
  }

  const reader = async (id: number) => {
    const found = await readers.byId(id)
    if (!found) throw notFound('reader')
    return found
  }

  return {
    /** One page of a queue: held, reported, or every comment that is not deleted. */
    async queue(options: {
      queue: QueueName
      editionId?: number
      page: number
      pageSize?: number
    }) {
      const pageSize = options.pageSize ?? QUEUE_PAGE_SIZE
      const { rows, total } = await moderation.queue({
        queue: options.queue,
        editionId: options.editionId,
        offset: (options.page - 1) * pageSize,
        limit: pageSize,
      })
      const now = clock.now()
      return {
        items: rows.map((row) => queueJson(row, now)),
        total,
        page: options.page,
        pageSize,
      }
    },

    /**
     * Approves or rejects comments in one transaction; ids that do not exist or are deleted are
     * skipped. Approving trusts the author, so their later comments are no longer held as a new
     * reader's; either way the comments' open reports are resolved.
     */
    async moderate(
      staffId: number,
      ids: number[],
      action: ModerationAction,
    ): Promise<{ updated: number }> {
      const unique = [...new Set(ids)]
      if (unique.length === 0 || unique.length > MODERATE_MAX)
        throw invalidInput('ids', `Choose 1 to ${MODERATE_MAX} comments.`)
      const at = clock.now().toISOString()
      const { targets, counts } = await db.transaction().execute(async (trx) => {
        const targets = await moderation.targets(trx, unique)
        const commentIds = targets.map((t) => t.id)
        await moderation.setStatus(trx, commentIds, action === 'approve' ? 'visible' : 'rejected')
        if (action === 'approve') {
          const untrusted = targets.filter((t) => t.readerId !== null && !t.readerTrusted)
          await moderation.trust(trx, [...new Set(untrusted.map((t) => t.readerId!))], at)
          for (const t of targets)
            if (t.status !== 'visible') await deps.outbox?.commentPosted(trx, t.id)
        }
        await moderation.resolveReports(trx, commentIds, at)
        await moderation.record(
          trx,
          targets.map((t) => ({ staffId, action, commentId: t.id, readerId: t.readerId, at })),
        )
        const counts = new Map<number, number>()
        for (const articleId of new Set(targets.map((t) => t.articleId)))
          counts.set(articleId, await comments.recount(trx, articleId))
        return { targets, counts }
      })
      for (const t of targets) {
        const kind =
          action === 'approve' && t.status !== 'visible'
            ? 'posted'
            : action === 'reject' && t.status === 'visible'
              ? 'removed'
              : undefined
        if (kind)
          await deps.bus.publish({
            type: 'comment',
            kind,
            articleId: t.articleId,
            commentId: t.id,
            count: counts.get(t.articleId) ?? 0,
          })
      }
      return { updated: targets.length }
    },

    /** Bans the reader for good; their comments waiting for a moderator are rejected. */
    async ban(staffId: number, readerId: number, reason: unknown): Promise<void> {
      const text = checkReason(reason)
      const found = await reader(readerId)
      const at = clock.now().toISOString()
      await db.transaction().execute(async (trx) => {
        await readers.update(trx, readerId, {
          banned_at: found.bannedAt?.toISOString() ?? at,
          standing_reason: text,
        })
        const held = await moderation.heldOf(trx, readerId)
        await moderation.setStatus(trx, held, 'rejected')
        await moderation.resolveReports(trx, held, at)
        const entries: ModerationRecord[] = [
          { staffId, action: 'ban', readerId, reason: text, at },
          ...held.map((commentId) => ({ staffId, action: 'reject', commentId, readerId, at })),
        ]
        await moderation.record(trx, entries)
      })
    },

    /** Keeps the reader from commenting for `days` days from now. */
    async mute(staffId: number, readerId: number, reason: unknown, days: unknown): Promise<void> {
      const text = checkReason(reason)
      if (!Number.isInteger(days) || (days as number) < 1 || (days as number) > MUTE_DAYS_MAX)
        throw invalidInput('days', `Mute for a whole number of days from 1 to ${MUTE_DAYS_MAX}.`)
      await reader(readerId)
      const now = clock.now()
      const until = new Date(now.getTime() + (days as number) * 86_400_000)
      await db.transaction().execute(async (trx) => {
        await readers.update(trx, readerId, {
          muted_until: until.toISOString(),
          standing_reason: text,
        })
        await moderation.record(trx, {
          staffId,
          action: 'mute',
          readerId,
          reason: text,
          at: now.toISOString(),
        })
      })
    },

    /** Lifts a ban or a mute. */
    async restore(staffId: number, readerId: number, reason: unknown): Promise<void> {
      const text = checkReason(reason)
      await reader(readerId)
      const at = clock.now().toISOString()
      await db.transaction().execute(async (trx) => {
        await readers.update(trx, readerId, {
          banned_at: null,
          muted_until: null,
          standing_reason: '',
        })
        await moderation.record(trx, { staffId, action: 'restore', readerId, reason: text, at })
      })
    },

    /** The moderation log, newest first, a page older than `before` (an entry id). */
    async log(options: { before?: number } = {}) {
      const rows = await moderation.log(options.before, LOG_PAGE_SIZE + 1)
      const page = rows.slice(0, LOG_PAGE_SIZE)
      return {
        items: page.map((r): ModerationEntryJson => ({ ...r, at: r.at.toISOString() })),
        nextBefore: rows.length > LOG_PAGE_SIZE ? (page.at(-1)?.id ?? null) : null,
      }
    },
  }
}

export type ModerationService = ReturnType<typeof createModerationService>
