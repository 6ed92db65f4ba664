// Fixed-window counters in the database, so every instance counts the same attempts.
import { sql } from 'kysely'
import type { Clock } from '../clock.ts'
import type { Db } from '../db/database.ts'
import { toDate } from '../db/dialect.ts'

export interface Limit {
  max: number
  windowMs: number
}

export interface Verdict {
  allowed: boolean
  /** Seconds until the window ends, when refused. */
  retryAfter: number
}

export function createRateLimiter(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps

  const current = async (key: string, limit: Limit) => {
    const row = await db
      .selectFrom('rate_limits')
      .select(['window_start', 'hits'])
      .where('key', '=', key)
      .executeTakeFirst()
    const now = clock.now().getTime()
    if (!row) return { hits: 0, endsAt: now + limit.windowMs }
    const endsAt = toDate(row.window_start).getTime() + limit.windowMs
    return endsAt <= now ? { hits: 0, endsAt: now + limit.windowMs } : { hits: row.hits, endsAt }
  }

  return {
    /** Whether another attempt is allowed now, without counting one. */
    async check(key: string, limit: Limit): Promise<Verdict> {
      const { hits, endsAt } = await current(key, limit)
      const retryAfter = Math.max(1, Math.ceil((endsAt - clock.now().getTime()) / 1000))
      return { allowed: hits < limit.max, retryAfter }
    },

    /** Counts one attempt (a failed login, a request) in the window that is open now. */
    async hit(key: string, limit: Limit): Promise<void> {
      const now = clock.now()
      const expired = new Date(now.getTime() - limit.windowMs).toISOString()
      await db
        .insertInto('rate_limits')
        .values({ key, window_start: now.toISOString(), hits: 1 })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({
            hits: sql`case when rate_limits.window_start <= ${expired} then 1 else rate_limits.hits + 1 end`,
            window_start: sql`case when rate_limits.window_start <= ${expired} then ${now.toISOString()} else rate_limits.window_start end`,
          }),
        )
        .execute()
    },

    /**
     * Seconds to wait before another attempt, from the first of these limits that is used up;
     * undefined when every one allows it. Counts nothing.
     */
    async refusal(limits: readonly (readonly [string, Limit])[]): Promise<number | undefined> {
      for (const [key, limit] of limits) {
        const verdict = await this.check(key, limit)
        if (!verdict.allowed) return verdict.retryAfter
      }
      return undefined
    },

    /** Counts one attempt against each of these limits. */
    async hitAll(limits: readonly (readonly [string, Limit])[]): Promise<void> {
      for (const [key, limit] of limits) await this.hit(key, limit)
    },

    async reset(key: string): Promise<void> {
      await db.deleteFrom('rate_limits').where('key', '=', key).execute()
    },
  }
}

export type RateLimiter = ReturnType<typeof createRateLimiter>
