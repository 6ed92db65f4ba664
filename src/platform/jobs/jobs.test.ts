// The jobs table and its runner on both dialects: once only, retries, cancelling, many instances.
import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  DIALECTS,
  POSTGRES_URL,
  TEST_NOW,
  type TestDatabase,
  testDatabase,
} from '../../../test/setup.ts'
import { fixedClock } from '../clock.ts'
import { type Database, openDatabase } from '../db/database.ts'
import { toDate } from '../db/dialect.ts'
import { createJobRunner, type JobHandler } from './job-runner.ts'
import { cancel, enqueue, replace } from './jobs.repository.ts'

const SECOND = 1_000

function recordingLog() {
  const warnings: unknown[][] = []
  const errors: unknown[][] = []
  return {
    warnings,
    errors,
    warn: (...args: unknown[]) => void warnings.push(args),
    error: (...args: unknown[]) => void errors.push(args),
  }
}

/** Writes payload.value under payload.name in settings: an effect that commits with the job. */
const writeSetting: JobHandler = async (trx, payload) => {
  await trx
    .insertInto('settings')
    .values({ key: String(payload.name), value: String(payload.value) })
    .execute()
}

describe.each(DIALECTS)('jobs on %s', (dialect) => {
  let database: TestDatabase
  let clock: ReturnType<typeof fixedClock>
  let log: ReturnType<typeof recordingLog>

  beforeEach(async () => {
    database = await testDatabase(dialect)
    clock = fixedClock(TEST_NOW)
    log = recordingLog()
  })
  afterEach(() => database.dispose())

  const runner = (handlers: Record<string, JobHandler>, options: { maxAttempts?: number } = {}) =>
    createJobRunner({ db: database.db, clock, log, handlers, ...options })
  const add = (kind: string, payload: Record<string, unknown>, runAt = clock.now(), key?: string) =>
    database.db
      .transaction()
      .execute((trx) => enqueue(trx, { kind, payload, runAt, now: clock.now(), key }))
  const settings = async () =>
    Object.fromEntries(
      (await database.db.selectFrom('settings').select(['key', 'value']).execute()).map((r) => [
        r.key,
        r.value,
      ]),
    )
  const jobRow = (id: number) =>
    database.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow()

  it('never runs a job whose enqueuing transaction rolled back', async () => {
    await expect(
      database.db.transaction().execute(async (trx) => {
        await enqueue(trx, { kind: 'setting', payload: {}, runAt: clock.now(), now: clock.now() })
        throw new Error('the story failed to save')
      }),
    ).rejects.toThrow('the story failed to save')
    const handler = vi.fn(writeSetting)
    expect(await runner({ setting: handler }).runDue()).toBe(0)
    expect(handler).not.toHaveBeenCalled()
  })

  it('runs a due job once, its effect committed with its completion', async () => {
    const id = await add('setting', { name: 'site.motto', value: 'Facts first' })
    const handler = vi.fn(writeSetting)
    const jobs = runner({ setting: handler })
    expect(await jobs.runDue()).toBe(1)
    expect(await jobs.runDue()).toBe(0)
    expect(handler).toHaveBeenCalledTimes(1)
    expect(await settings()).toEqual({ 'site.motto': 'Facts first' })
    const row = await jobRow(id)
    expect(toDate(row.done_at)).toEqual(TEST_NOW)
    expect(row.attempts).toBe(0)
  })

  it('waits for a job until the clock reaches its time', async () => {
    await add(
      'setting',
      { name: 'later', value: 'yes' },
      new Date(TEST_NOW.getTime() + 60 * SECOND),
    )
    const jobs = runner({ setting: writeSetting })
    expect(await jobs.runDue()).toBe(0)
    clock.advance(60 * SECOND - 1)
    expect(await jobs.runDue()).toBe(0)
    clock.advance(1)
    expect(await jobs.runDue()).toBe(1)
    expect(await settings()).toEqual({ later: 'yes' })
  })

  it('leaves no effect of a failed run, retries it with backoff, then marks it dead', async () => {
    const id = await add('flaky', { name: 'flaky', value: 'done' })
    const flaky: JobHandler = async (trx, payload, job) => {
      await writeSetting(trx, payload, job)
      throw new Error('partner site unreachable')
    }
    const jobs = runner({ flaky }, { maxAttempts: 3 })

    expect(await jobs.runDue()).toBe(1)
    expect(await settings()).toEqual({})
    let row = await jobRow(id)
    expect(row).toMatchObject({
      attempts: 1,
      done_at: null,
      last_error: 'partner site unreachable',
    })
    const wait = toDate(row.run_at).getTime() - TEST_NOW.getTime()
    expect(wait).toBeGreaterThanOrEqual(4 * SECOND)
    expect(wait).toBeLessThanOrEqual(5 * SECOND)
    expect(await jobs.runDue()).toBe(0)

    clock.advance(5 * SECOND)
    expect(await jobs.runDue()).toBe(1)
    row = await jobRow(id)
    expect(row.attempts).toBe(2)
    expect(toDate(row.run_at).getTime() - clock.now().getTime()).toBeGreaterThanOrEqual(8 * SECOND)
    expect(log.errors).toHaveLength(0)

    clock.advance(10 * SECOND)
    expect(await jobs.runDue()).toBe(1)
    row = await jobRow(id)
    expect(row.attempts).toBe(3)
    expect(toDate(row.done_at)).toEqual(clock.now())
    expect(row.last_error).toBe('partner site unreachable')
    expect(log.warnings).toHaveLength(2)
    expect(log.errors).toHaveLength(1)
    clock.advance(2 * 60 * 60 * SECOND)
    expect(await jobs.runDue()).toBe(0)
    expect(await settings()).toEqual({})
  })

  it('goes on with the rest of the batch when a job fails in SQL', async () => {
    await database.db.insertInto('settings').values({ key: 'taken', value: 'before' }).execute()
    const broken = await add('setting', { name: 'taken', value: 'again' })
    await add('setting', { name: 'after', value: 'ran' })
    expect(await runner({ setting: writeSetting }).runDue()).toBe(2)
    expect(await settings()).toEqual({ taken: 'before', after: 'ran' })
    expect(await jobRow(broken)).toMatchObject({ attempts: 1, done_at: null })
  })

  it('treats a job of an unknown kind as a failure that says so', async () => {
    const id = await add('no-such-kind', {})
    expect(await runner({}).runDue()).toBe(1)
    expect((await jobRow(id)).last_error).toBe('no handler for job kind "no-such-kind"')
  })

  it('cancels and replaces a scheduled job by its key', async () => {
    const at = new Date(TEST_NOW.getTime() + 60 * SECOND)
    await add('setting', { name: 'a42', value: 'old' }, at, 'publish:42')
    await add('setting', { name: 'a43', value: 'kept' }, at, 'publish:43')
    const later = new Date(TEST_NOW.getTime() + 120 * SECOND)
    await database.db.transaction().execute(async (trx) => {
      await replace(trx, {
        kind: 'setting',
        key: 'publish:42',
        payload: { name: 'a42', value: 'new' },
        runAt: later,
        now: clock.now(),
      })
    })
    const jobs = runner({ setting: writeSetting })
    clock.set(at)
    expect(await jobs.runDue()).toBe(1)
    expect(await settings()).toEqual({ a43: 'kept' })
    clock.set(later)
    expect(await jobs.runDue()).toBe(1)
    expect(await settings()).toEqual({ a43: 'kept', a42: 'new' })

    await add('setting', { name: 'a44', value: 'never' }, later, 'publish:44')
    const cancelled = await database.db
      .transaction()
      .execute((trx) => cancel(trx, 'setting', 'publish:44'))
    expect(cancelled).toBe(1)
    expect(await jobs.runDue()).toBe(0)
    // A job that already ran is not pending any more: nothing to cancel.
    expect(
      await database.db.transaction().execute((trx) => cancel(trx, 'setting', 'publish:42')),
    ).toBe(0)
  })

  it('runs what a handler returns only after the commit', async () => {
    const id = await add('announce', { name: 'announced', value: 'yes' })
    const seen: unknown[] = []
    const jobs = runner({
      announce: async (trx, payload, job) => {
        await writeSetting(trx, payload, job)
        return async () => {
          seen.push(await settings(), (await jobRow(id)).done_at !== null)
          throw new Error('bus away')
        }
      },
    })
    expect(await jobs.runDue()).toBe(1)
    expect(seen).toEqual([{ announced: 'yes' }, true])
    expect(log.errors).toHaveLength(1)
    expect((await jobRow(id)).done_at).not.toBeNull()
  })

  it('polls once started, runs a pass on wake, and stops', async () => {
    const handler = vi.fn(writeSetting)
    const jobs = createJobRunner({
      db: database.db,
      clock,
      log,
      handlers: { setting: handler },
      pollMs: 60 * SECOND,
    })
    await add('setting', { name: 'first', value: '1' })
    jobs.start()
    await vi.waitFor(() => expect(handler).toHaveBeenCalledTimes(1))
    await add('setting', { name: 'second', value: '2' })
    jobs.wake()
    await vi.waitFor(() => expect(handler).toHaveBeenCalledTimes(2))
    await jobs.stop()
    await jobs.stop()
    await add('setting', { name: 'third', value: '3' })
    jobs.wake()
    expect(await jobs.runDue()).toBe(0)
    expect(await settings()).toEqual({ first: '1', second: '2' })
  })
})

describe.runIf(DIALECTS.includes('postgres'))('jobs across instances on PostgreSQL', () => {
  let database: TestDatabase
  let log: ReturnType<typeof recordingLog>
  const others: Database[] = []

  beforeEach(async () => {
    database = await testDatabase('postgres')
    log = recordingLog()
  })
  afterEach(async () => {
    for (const other of others.splice(0)) await other.close()
    await database.dispose()
  })

  /** Another instance: its own pool on the same schema. */
  const instance = async () => {
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(
      database.db,
    )
    const other = openDatabase({ dialect: 'postgres', url: POSTGRES_URL, schema: rows[0]!.schema })
    others.push(other)
    return other
  }
  const clock = fixedClock(TEST_NOW)
  /** Records which runner ran the job; the settings key is unique, so a second run would fail. */
  const recordRunner =
    (name: string): JobHandler =>
    async (trx, _payload, job) => {
      await sql`select pg_sleep(0.003)`.execute(trx)
      await trx
        .insertInto('settings')
        .values({ key: `job:${job.id}`, value: name })
        .execute()
    }
  const enqueueMany = (count: number) =>
    database.db.transaction().execute(async (trx) => {
      for (let i = 0; i < count; i++)
        await enqueue(trx, { kind: 'record', payload: { i }, runAt: TEST_NOW, now: TEST_NOW })
    })
  const drain = async (jobs: { runDue(): Promise<number> }) => {
    while ((await jobs.runDue()) > 0);
  }
  const outcome = async () => {
    const ran = await database.db.selectFrom('settings').select(['key', 'value']).execute()
    const jobs = await database.db
      .selectFrom('jobs')
      .select(['done_at', 'attempts', 'last_error'])
      .execute()
    return { ran, jobs }
  }

  it('runs each of 200 due jobs exactly once across two racing instances', async () => {
    await enqueueMany(200)
    const other = await instance()
    const a = createJobRunner({
      db: database.db,
      clock,
      log,
      handlers: { record: recordRunner('a') },
    })
    const b = createJobRunner({ db: other.db, clock, log, handlers: { record: recordRunner('b') } })
    await Promise.all([drain(a), drain(b)])

    const { ran, jobs } = await outcome()
    expect(ran).toHaveLength(200)
    expect(jobs.every((j) => j.done_at !== null && j.attempts === 0 && j.last_error === null)).toBe(
      true,
    )
    expect(log.warnings).toEqual([])
    const byA = ran.filter((r) => r.value === 'a').length
    expect(byA).toBeGreaterThan(0)
    expect(byA).toBeLessThan(200)
  })

  it('leaves due jobs to a new instance when one stops', async () => {
    await enqueueMany(30)
    const handler = vi.fn(recordRunner('first'))
    const first = createJobRunner({
      db: database.db,
      clock,
      log,
      handlers: { record: handler },
      pollMs: 60 * SECOND,
    })
    first.start()
    await vi.waitFor(() => expect(handler).toHaveBeenCalled())
    await first.stop()
    const pending = await database.db
      .selectFrom('jobs')
      .select('id')
      .where('done_at', 'is', null)
      .execute()
    expect(pending.length).toBeGreaterThan(0)

    const other = await instance()
    const second = createJobRunner({
      db: other.db,
      clock,
      log,
      handlers: { record: recordRunner('second') },
    })
    await drain(second)
    const { ran, jobs } = await outcome()
    expect(ran).toHaveLength(30)
    expect(ran.filter((r) => r.value === 'second')).toHaveLength(pending.length)
    expect(jobs.every((j) => j.done_at !== null)).toBe(true)
  })
})
