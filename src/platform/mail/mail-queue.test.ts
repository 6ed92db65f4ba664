// Mail as jobs on both dialects: sent only when committed, once, retried through an SMTP outage.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DIALECTS, TEST_NOW, type TestDatabase, testDatabase } from '../../../test/setup.ts'
import { type SmtpSink, startSmtpSink } from '../../../test/smtp-sink.ts'
import { fixedClock } from '../clock.ts'
import { toDate } from '../db/dialect.ts'
import { createJobRunner } from '../jobs/job-runner.ts'
import type { Mail } from './mail.types.ts'
import { createMailQueue, MAIL_ATTEMPTS, SENDING_LEASE_MS } from './mail-queue.ts'
import { createMailer, type Mailer } from './mailer.ts'

const SECOND = 1_000
const DAY = 24 * 60 * 60 * SECOND
const MAIL: Mail = {
  to: 'reader@example.org',
  subject: 'Ваша подписка подтверждена',
  text: 'Спасибо, что читаете нас.',
}

function recordingLog() {
  const warnings: unknown[][] = []
  const errors: unknown[][] = []
  return {
    warnings,
    errors,
    info: () => {},
    warn: (...args: unknown[]) => void warnings.push(args),
    error: (...args: unknown[]) => void errors.push(args),
  }
}

describe.each(DIALECTS)('mail queue on %s', (dialect) => {
  let database: TestDatabase
  let sink: SmtpSink
  let mailer: Mailer
  let clock: ReturnType<typeof fixedClock>
  let log: ReturnType<typeof recordingLog>

  beforeEach(async () => {
    database = await testDatabase(dialect)
    sink = await startSmtpSink()
    clock = fixedClock(TEST_NOW)
    log = recordingLog()
    mailer = createMailer({
      smtpUrl: sink.url,
      from: 'Dateline <no-reply@news.example.com>',
      dataDir: database.dataDir,
      log,
      clock,
    })
  })
  afterEach(async () => {
    mailer.close()
    await sink.close()
    await database.dispose()
  })

  /** A process: its mail queue and job runner, sending through `sender`. */
  const instance = (sender: Pick<Mailer, 'send'> = mailer) => {
    const queue = createMailQueue({ db: database.db, mailer: sender, clock, log })
    const jobs = createJobRunner({ db: database.db, clock, log, handlers: queue.handlers })
    return { queue, jobs }
  }
  const pending = () =>
    database.db.selectFrom('jobs').select(['kind', 'run_at']).where('done_at', 'is', null).execute()

  const done = async () =>
    (await database.db.selectFrom('jobs').select('id').where('done_at', 'is not', null).execute())
      .length

  it('never sends a mail enqueued in a transaction that rolled back', async () => {
    const { queue, jobs } = instance()
    await expect(
      database.db.transaction().execute(async (trx) => {
        await queue.enqueue(trx, MAIL)
        throw new Error('the invitation failed to save')
      }),
    ).rejects.toThrow('the invitation failed to save')
    expect(await jobs.runDue()).toBe(0)
    expect(sink.messages).toHaveLength(0)
  })

  it('sends a committed mail exactly once', async () => {
    const { queue, jobs } = instance()
    await database.db.transaction().execute((trx) => queue.enqueue(trx, MAIL))
    expect(await jobs.runDue()).toBe(1)
    expect(sink.messages.map((m) => [m.subject, m.text?.trim()])).toEqual([
      [MAIL.subject, MAIL.text],
    ])
    expect(await pending()).toEqual([])
    clock.advance(DAY)
    expect(await jobs.runDue()).toBe(0)
    expect(sink.messages).toHaveLength(1)
    expect(log.warnings).toEqual([])
  })

  it('retries after an SMTP outage, once the server is back and the backoff has passed', async () => {
    const { queue, jobs } = instance()
    const { port } = sink
    await sink.close()
    await database.db.transaction().execute((trx) => queue.enqueue(trx, MAIL))
    expect(await jobs.runDue()).toBe(1)
    expect(log.warnings).toHaveLength(1)
    const [retry] = await pending()
    expect(retry?.kind).toBe('mail.send')
    const wait = toDate(retry!.run_at).getTime() - clock.now().getTime()
    expect(wait).toBeGreaterThanOrEqual(4 * SECOND)
    expect(wait).toBeLessThanOrEqual(5 * SECOND)

    sink = await startSmtpSink({ port })
    expect(await jobs.runDue()).toBe(0)
    clock.advance(5 * SECOND)
    expect(await jobs.runDue()).toBe(1)
    expect(sink.messages.map((m) => m.subject)).toEqual([MAIL.subject])
    clock.advance(DAY)
    expect(await jobs.runDue()).toBe(0)
    expect(sink.messages).toHaveLength(1)
    expect(log.errors).toEqual([])
  })

  it(`gives up with an error after ${MAIL_ATTEMPTS} attempts`, async () => {
    const { queue, jobs } = instance()
    await sink.close()
    await database.db.transaction().execute((trx) => queue.enqueue(trx, MAIL))
    for (let attempt = 1; attempt <= MAIL_ATTEMPTS; attempt++) {
      expect(await jobs.runDue()).toBe(1)
      clock.advance(2 * 60 * 60 * SECOND)
    }
    expect(await jobs.runDue()).toBe(0)
    expect(await pending()).toEqual([])
    expect(log.warnings).toHaveLength(MAIL_ATTEMPTS - 1)
    expect(log.errors).toHaveLength(1)
  })

  it('sends a mail whose sending a crash cut short, once the lease has passed', async () => {
    // The first process commits the job, then dies while the SMTP server has not yet answered.
    const crashed = instance({ send: () => new Promise<void>(() => {}) })
    await database.db.transaction().execute((trx) => crashed.queue.enqueue(trx, MAIL))
    void crashed.jobs.runDue()
    await expect.poll(done).toBe(1)
    expect(await pending()).toHaveLength(1)

    const { jobs } = instance()
    expect(await jobs.runDue()).toBe(0)
    clock.advance(SENDING_LEASE_MS)
    expect(await jobs.runDue()).toBe(1)
    expect(sink.messages.map((m) => m.subject)).toEqual([MAIL.subject])
    clock.advance(DAY)
    expect(await jobs.runDue()).toBe(0)
    expect(sink.messages).toHaveLength(1)
  })
})
