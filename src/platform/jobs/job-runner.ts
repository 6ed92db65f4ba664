// Runs due jobs, each in the transaction that claims it: its effect and completion commit together.
import type { FastifyBaseLogger } from 'fastify'
import type { Clock } from '../clock.ts'
import type { Db } from '../db/database.ts'
import { claimDue, type Job, type JobPayload, markDone, recordFailure } from './jobs.repository.ts'

export type AfterCommit = () => Promise<void>

/**
 * Does the job's work with `trx` only: on SQLite any other query waits for this transaction, so
 * one through the outer handle never returns. What it returns runs after the commit.
 */
// biome-ignore lint/suspicious/noConfusingVoidType: so a plain `async (): Promise<void>` fits
export type JobHandler = (trx: Db, payload: JobPayload, job: Job) => Promise<void | AfterCommit>

export type JobLog = Pick<FastifyBaseLogger, 'warn' | 'error'>

export interface JobRunner {
  /** Polls every pollMs until stopped; the timer does not keep the process alive. */
  start(): void
  /** Claims nothing more and waits for the job in flight; safe to call twice. */
  stop(): Promise<void>
  /** One pass of up to `batch` jobs; returns how many were taken, failed ones included. */
  runDue(): Promise<number>
  /** Runs a pass soon, for a job enqueued due now or a scheduled time that is near. */
  wake(): void
}

const BACKOFF_FIRST_MS = 5_000
const BACKOFF_MAX_MS = 60 * 60_000

/** The wait after failure number `attempt`: doubling from 5 s up to 1 h, less up to a fifth. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(BACKOFF_FIRST_MS * 2 ** (attempt - 1), BACKOFF_MAX_MS)
  // Jitter, so jobs that failed together (a partner site down) do not all retry together.
  return Math.round(base * (1 - random() / 5))
}

export function createJobRunner(deps: {
  db: Db
  clock: Clock
  log: JobLog
  handlers: Record<string, JobHandler>
  pollMs?: number
  batch?: number
  maxAttempts?: number
}): JobRunner {
  const { db, clock, log, handlers, pollMs = 1_000, batch = 10, maxAttempts = 8 } = deps
  let started = false
  let stopped = false
  let woken = false
  let timer: NodeJS.Timeout | undefined
  let pass: Promise<number> | undefined

  const run = async (trx: Db, job: Job): ReturnType<JobHandler> => {
    const handler = handlers[job.kind]
    if (!handler) throw new Error(`no handler for job kind "${job.kind}"`)
    return handler(trx, job.payload, job)
  }

  const fail = async (trx: Db, job: Job, error: unknown): Promise<void> => {
    const attempts = job.attempts + 1
    const dead = attempts >= maxAttempts
    const at = clock.now()
    const retryAt = dead ? null : new Date(at.getTime() + backoffMs(attempts))
    const message = error instanceof Error ? error.message : String(error)
    await recordFailure(trx, job.id, { error: message, at, retryAt })
    const context = { err: error, jobId: job.id, kind: job.kind, attempts }
    if (dead) log.error(context, 'job failed for the last time; marked dead')
    else log.warn({ ...context, retryAt }, 'job failed; will retry')
  }

  // Claims one job and runs it; false when none is due. The failure is written in the same
  // transaction after rolling back to a savepoint, so the row stays locked until its retry time
  // is stored and no other instance can take it again at once.
  const runOne = async (): Promise<boolean> => {
    const trx = await db.startTransaction().execute()
    let job: Job | undefined
    let after: Awaited<ReturnType<JobHandler>>
    try {
      job = (await claimDue(trx, clock.now(), 1))[0]
      if (!job) {
        await trx.rollback().execute()
        return false
      }
      const inner = await trx.savepoint('job').execute()
      try {
        after = await run(inner, job)
        await markDone(inner, job.id, clock.now())
      } catch (error) {
        after = undefined
        await inner.rollbackToSavepoint('job').execute()
        await fail(inner, job, error)
      }
      await trx.commit().execute()
    } catch (error) {
      await trx
        .rollback()
        .execute()
        .catch(() => {})
      throw error
    }
    if (after) {
      const { id, kind } = job
      await after().catch((error: unknown) =>
        log.error({ err: error, jobId: id, kind }, 'job done, but its after-commit step failed'),
      )
    }
    return true
  }

  const runPass = async (): Promise<number> => {
    let ran = 0
    while (ran < batch && !stopped && (await runOne())) ran++
    return ran
  }

  // Passes never overlap: a pass asked for during another starts when that one ends.
  const runDue = (): Promise<number> => {
    const next = (pass ?? Promise.resolve(0)).catch(() => 0).then(runPass)
    pass = next
    const clear = () => {
      if (pass === next) pass = undefined
    }
    next.then(clear, clear)
    return next
  }

  const schedule = (ms: number) => {
    if (!started || stopped) return
    clearTimeout(timer)
    timer = setTimeout(tick, ms)
    timer.unref()
  }

  const tick = async () => {
    timer = undefined
    woken = false
    let ran = 0
    try {
      ran = await runDue()
    } catch (error) {
      log.error({ err: error }, 'job pass failed')
    }
    // A full batch may have left more due jobs behind.
    schedule(woken || ran === batch ? 0 : pollMs)
  }

  return {
    start() {
      if (started) return
      started = true
      schedule(0)
    },
    async stop() {
      stopped = true
      clearTimeout(timer)
      timer = undefined
      await pass?.catch(() => {})
    },
    runDue,
    wake() {
      if (timer) schedule(0)
      else woken = true
    },
  }
}
