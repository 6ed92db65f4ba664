// Breaking news to 10,000 browsers: subscriptions pointing at a push service on loopback (another
// process), one breaking story published, and the time until the push service has every push.
import { type ChildProcess, fork } from 'node:child_process'
import { createECDH, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { buildApp } from '../src/main.ts'
import { loadConfig } from '../src/platform/config.ts'
import { openDatabase } from '../src/platform/db/database.ts'
import { migrateToLatest } from '../src/platform/db/migrate.ts'
import { withPush } from '../src/subscriptions/push.table.ts'
import { defer } from './cleanup.ts'
import { draft, newsroom } from './newsroom.ts'
import { now, round } from './stats.ts'

const SUBSCRIPTIONS = Number(process.env.BENCH_PUSH_SUBSCRIPTIONS ?? 10_000)
const TIMEOUT_MS = 120_000

type Message = { type: string; port?: number; at?: number; distinct?: number; count?: number }

function next(child: ChildProcess, type: string): Promise<Message> {
  return new Promise((resolve) => {
    const listen = (message: Message) => {
      if (message.type !== type) return
      child.off('message', listen)
      resolve(message)
    }
    child.on('message', listen)
  })
}

export async function benchPush() {
  console.log(
    `\nPush: a breaking story to ${SUBSCRIPTIONS.toLocaleString('en')} subscriptions on a local push service`,
  )
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-bench-push-'))
  const removeDir = defer(() => fs.rmSync(dir, { recursive: true, force: true }))
  const endpoint = fork(path.join(import.meta.dirname, 'push-endpoint.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const stopEndpoint = defer(() => endpoint.kill())
  const { port } = await next(endpoint, 'started')

  const database = openDatabase({ dialect: 'sqlite', file: path.join(dir, 'bench.db') })
  await migrateToLatest(database.db)
  const config = loadConfig({
    DATA_DIR: dir,
    LOG_LEVEL: 'error',
    PUSH_ALLOW_INSECURE_ENDPOINTS: 'true',
  })
  const built = await buildApp(config, { database })
  const close = defer(() => built.app.close())
  const room = await newsroom(built.services)

  // Subscriptions written straight into the table; each browser has its own key pair and secret.
  const at = new Date().toISOString()
  const rows = Array.from({ length: SUBSCRIPTIONS }, (_, i) => {
    const ecdh = createECDH('prime256v1')
    ecdh.generateKeys()
    return {
      edition_id: room.editionId,
      endpoint: `http://127.0.0.1:${port}/push/${i}`,
      p256dh: ecdh.getPublicKey('base64url'),
      auth: randomBytes(16).toString('base64url'),
      created_at: at,
      updated_at: at,
    }
  })
  for (let i = 0; i < rows.length; i += 500)
    await withPush(database.db)
      .insertInto('push_subscriptions')
      .values(rows.slice(i, i + 500))
      .execute()

  const story = await draft(built.services, room, 'Breaking: the bench story')
  await built.services.articles.update(story, { breaking: true })
  endpoint.send({ type: 'expect', count: SUBSCRIPTIONS })
  await next(endpoint, 'ready')
  built.jobs.start()
  // Between two polls of the job runner, as a publish usually is.
  await new Promise((r) => setTimeout(r, 1_500))

  const first = next(endpoint, 'first')
  const done = next(endpoint, 'done')
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`not all pushes arrived in ${TIMEOUT_MS} ms`)),
      TIMEOUT_MS,
    )
  })
  const cpu = process.cpuUsage()
  const started = now()
  await built.services.articles.publish(story)
  const [firstPush, lastPush] = await Promise.race([Promise.all([first, done]), timeout])
  clearTimeout(timer)
  const used = process.cpuUsage(cpu)
  const rss = process.memoryUsage().rss

  // Anything more than once would arrive now.
  await new Promise((r) => setTimeout(r, 500))
  endpoint.send({ type: 'count' })
  const total = await next(endpoint, 'count')
  await close()
  await stopEndpoint()
  await removeDir()

  const all = (lastPush.at ?? 0) - started
  const sending = (lastPush.at ?? 0) - (firstPush.at ?? 0)
  console.table([
    {
      subscriptions: SUBSCRIPTIONS,
      received: total.count,
      distinct: total.distinct,
      'publish to first push ms': round((firstPush.at ?? 0) - started, 0),
      'publish to all pushed ms': round(all, 0),
      'pushes/s (first to last)': round(SUBSCRIPTIONS / (sending / 1000), 0),
      'server CPU s': round((used.user + used.system) / 1e6, 1),
      'RSS MB': Math.round(rss / (1024 * 1024)),
    },
  ])
  console.log(
    `Node ${process.version}, ${os.cpus().length} cores; SQLite; the push service in another process; sent 50 at a time over keep-alive connections`,
  )
}
