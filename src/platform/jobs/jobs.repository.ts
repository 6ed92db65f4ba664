// Queries for the jobs table: enqueue and cancel in the caller's transaction; claim, finish, fail.
import type { Kysely } from 'kysely'
import type { Db } from '../db/database.ts'
import { dialectOf, fromJson, toDate } from '../db/dialect.ts'

export type JobPayload = Record<string, unknown>

export interface Job {
  id: number
  kind: string
  payload: JobPayload
  runAt: Date
  /** Failed runs so far. */
  attempts: number
  createdAt: Date
}

export interface NewJob {
  kind: string
  payload: JobPayload
  runAt: Date
  /** Names the job for `cancel` and `replace` ("publish:42"); one pending job per kind and key. */
  key?: string
  /** When it is enqueued: the clock's now. */
  now: Date
}

const ERROR_MAX = 2_000

/** Writes the job in the caller's transaction: it exists only if that transaction commits. */
export async function enqueue(trx: Db, job: NewJob): Promise<number> {
  const { id } = await trx
    .insertInto('jobs')
    .values({
      kind: job.kind,
      key: job.key ?? null,
      payload: JSON.stringify(job.payload),
      run_at: job.runAt.toISOString(),
      created_at: job.now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

/**
 * Deletes the pending jobs of this kind and key; returns how many. A job another instance is
 * running holds its row lock: on PostgreSQL this waits for it and then finds it done (0).
 */
export async function cancel(trx: Db, kind: string, key: string): Promise<number> {
  const result = await trx
    .deleteFrom('jobs')
    .where('kind', '=', kind)
    .where('done_at', 'is', null)
    .where('key', '=', key)
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}

/** Cancels the pending job of this kind and key, if any, and enqueues this one in its place. */
export async function replace(trx: Db, job: NewJob & { key: string }): Promise<number> {
  await cancel(trx, job.kind, job.key)
  return enqueue(trx, job)
}

/**
 * Locks and returns the due, not-done jobs, oldest first. PostgreSQL skips rows other instances
 * hold; SQLite has one writer, so its transactions never overlap.
 */
export async function claimDue(trx: Db, now: Date, limit: number): Promise<Job[]> {
  let query = trx
    .selectFrom('jobs')
    .select(['id', 'kind', 'payload', 'run_at', 'attempts', 'created_at'])
    .where('done_at', 'is', null)
    .where('run_at', '<=', now.toISOString())
    .orderBy('run_at')
    .orderBy('id')
    .limit(limit)
  if (dialectOf(trx as Kysely<unknown>) === 'postgres') query = query.forUpdate().skipLocked()
  const rows = await query.execute()
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    payload: fromJson<JobPayload>(row.payload),
    runAt: toDate(row.run_at),
    attempts: row.attempts,
    createdAt: toDate(row.created_at),
  }))
}

export async function markDone(trx: Db, id: number, at: Date): Promise<void> {
  await trx
    .updateTable('jobs')
    .set({ done_at: at.toISOString(), last_error: null })
    .where('id', '=', id)
    .execute()
}

/** Counts a failed run: retried at `retryAt`, or, when that is null, done for good (dead). */
export async function recordFailure(
  db: Db,
  id: number,
  failure: { error: string; at: Date; retryAt: Date | null },
): Promise<void> {
  await db
    .updateTable('jobs')
    .set((eb) => ({
      attempts: eb('attempts', '+', 1),
      last_error: failure.error.slice(0, ERROR_MAX),
      ...(failure.retryAt
        ? { run_at: failure.retryAt.toISOString() }
        : { done_at: failure.at.toISOString() }),
    }))
    .where('id', '=', id)
    .execute()
}
