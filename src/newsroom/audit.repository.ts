// The audit log: who did what to which story or account, and when; written in the change's transaction.
import type { Db } from '../platform/db/database.ts'
import { fromJson, toDate } from '../platform/db/dialect.ts'

export interface AuditRecord {
  staffId: number | null
  action: string
  articleId?: number | null
  detail?: Record<string, unknown>
  at: string
}

export interface AuditEntry {
  id: number
  at: Date
  staff: { id: number; name: string } | null
  action: string
  articleId: number | null
  headline: string | null
  detail: Record<string, unknown>
}

export function createAuditRepository(db: Db) {
  return {
    async record(trx: Db, entry: AuditRecord): Promise<void> {
      await trx
        .insertInto('audit_log')
        .values({
          staff_id: entry.staffId,
          action: entry.action,
          article_id: entry.articleId ?? null,
          detail: JSON.stringify(entry.detail ?? {}),
          created_at: entry.at,
        })
        .execute()
    },

    /** Newest first, `limit` entries older than `before` (an entry id). */
    async list(filter: {
      articleId?: number
      staffId?: number
      before?: number
      limit: number
    }): Promise<AuditEntry[]> {
      let query = db
        .selectFrom('audit_log as l')
        .leftJoin('staff as s', 's.id', 'l.staff_id')
        .leftJoin('articles as a', 'a.id', 'l.article_id')
        .select([
          'l.id',
          'l.created_at',
          'l.staff_id',
          's.name as staff_name',
          'l.action',
          'l.article_id',
          'a.headline',
          'l.detail',
        ])
        .orderBy('l.id', 'desc')
        .limit(filter.limit)
      if (filter.articleId !== undefined) query = query.where('l.article_id', '=', filter.articleId)
      if (filter.staffId !== undefined) query = query.where('l.staff_id', '=', filter.staffId)
      if (filter.before !== undefined) query = query.where('l.id', '<', filter.before)
      const rows = await query.execute()
      return rows.map((r) => ({
        id: r.id,
        at: toDate(r.created_at),
        staff: r.staff_id === null ? null : { id: r.staff_id, name: r.staff_name ?? '' },
        action: r.action,
        articleId: r.article_id,
        headline: r.headline ?? null,
        detail: fromJson<Record<string, unknown>>(r.detail),
      }))
    },
  }
}

export type AuditRepository = ReturnType<typeof createAuditRepository>
