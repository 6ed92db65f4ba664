// The daily digest to 100,000 confirmed subscribers (inserted in bulk) through the jobs table, as
// the app sends it, into an SMTP server on loopback in another process, with no rate limit: mails
// a second, and the sending process's memory (RSS) before and at its peak.
import { type ChildProcess, fork } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { buildApp } from '../src/main.ts'
import { fixedClock } from '../src/platform/clock.ts'
import { loadConfig } from '../src/platform/config.ts'
import { openDatabase } from '../src/platform/db/database.ts'
import { migrateToLatest } from '../src/platform/db/migrate.ts'
import { defer } from './cleanup.ts'
import { newsroom, publishStories } from './newsroom.ts'
import { mb, now, round } from './stats.ts'

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 100_000)
/** A morning in February, when London keeps UTC: the digest goes at 07:00 UTC. */
const BEFORE = new Date('2026-02-14T06:00:00Z')
const DIGEST = new Date('2026-02-14T07:00:00Z')
const TIMEOUT_MS = 60 * 60_000

type SinkMessage = { type: string; port?: number; mails?: number; bytes?: number }

function next(child: ChildProcess, type: string): Promise<SinkMessage> {
  return new Promise((resolve) => {
    const listen = (message: SinkMessage) => {
      if (message.type !== type) return
      child.off('message', listen)
      resolve(message)
    }
    child.on('message', listen)
  })
}

export async function benchNewsletter() {
  console.log(
    `\nNewsletter: the daily digest to ${SUBSCRIBERS.toLocaleString('en')} confirmed subscribers, ` +
      'sent through the jobs table into an SMTP server on loopback (another process), no rate limit',
  )
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-bench-newsletter-'))
  const removeDir = defer(() => fs.rmSync(dir, { recursive: true, force: true }))
  const sink = fork(path.join(import.meta.dirname, 'newsletter-sink.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const stopSink = defer(() => sink.kill())
  const { port } = await next(sink, 'started')
  const count = async () => {
    const answer = next(sink, 'count')
    sink.send({ type: 'count' })
    return answer
  }

  const database = openDatabase({ dialect: 'sqlite', file: path.join(dir, 'bench.db') })
  await migrateToLatest(database.db)
  const clock = fixedClock(BEFORE)
  const built = await buildApp(
    loadConfig({
      DATA_DIR: dir,
      LOG_LEVEL: 'error',
      SMTP_URL: `smtp://127.0.0.1:${port}`,
      NEWSLETTER_RATE: '0',
    }),
    { database, clock },
  )
  const close = defer(() => built.app.close())
  const room = await newsroom(built.services)
  await publishStories(built.services, room, 10)

  // Subscribers straight into the table: a form or an import would only measure themselves.
  let started = now()
  const at = BEFORE.toISOString()
  for (let from = 0; from < SUBSCRIBERS; from += 10_000)
    await database.db.transaction().execute(async (trx) => {
      for (let chunk = from; chunk < Math.min(from + 10_000, SUBSCRIBERS); chunk += 1000)
        await trx
          .insertInto('newsletter_subscribers')
          .values(
            Array.from({ length: Math.min(1000, SUBSCRIBERS - chunk) }, (_, i) => ({
              edition_id: room.editionId,
              email: `reader${chunk + i}@bench.example`,
              digest: 1,
              breaking: 1,
              status: 'confirmed' as const,
              source: 'import' as const,
              consent_at: at,
              created_at: at,
              updated_at: at,
            })),
          )
          .execute()
    })
  console.log(`Inserted ${SUBSCRIBERS} subscribers in ${round((now() - started) / 1000, 1)} s`)
  await built.services.newsletterAdmin.saveSettings(room.editionId, { digestTime: '07:00' })

  const rssBefore = process.memoryUsage().rss
  let peak = rssBefore
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss)
  }, 25)
  const cpuBefore = process.cpuUsage()
  clock.set(DIGEST)
  started = now()
  built.jobs.start()
  let received = { mails: 0, bytes: 0 }
  while (received.mails < SUBSCRIBERS) {
    if (now() - started > TIMEOUT_MS)
      throw new Error(`only ${received.mails} of ${SUBSCRIBERS} mails arrived in time`)
    await new Promise((resolve) => setTimeout(resolve, 100))
    const answer = await count()
    received = { mails: answer.mails ?? 0, bytes: answer.bytes ?? 0 }
  }
  const seconds = (now() - started) / 1000
  clearInterval(sampler)
  const cpu = process.cpuUsage(cpuBefore)
  await built.jobs.stop()

  const sends = await database.db
    .selectFrom('newsletter_sends')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute()
  await new Promise((resolve) => setTimeout(resolve, 500))
  const late = (await count()).mails ?? 0
  console.table([
    {
      subscribers: SUBSCRIBERS,
      'mails received': late,
      seconds: round(seconds, 1),
      'mails/s': Math.round(SUBSCRIBERS / seconds),
      'MB sent': mb(received.bytes),
      'RSS before (MB)': mb(rssBefore),
      'peak RSS (MB)': mb(peak),
      'CPU s (sender)': round((cpu.user + cpu.system) / 1e6, 1),
    },
  ])
  console.log(
    `Sends recorded: ${sends.map((s) => `${s.status} ${Number(s.n)}`).join(', ')}; ` +
      `batches of 500 subscribers; Node ${process.version}, ${os.cpus().length} cores, SQLite`,
  )
  await close()
  await stopSink()
  await removeDir()
}
