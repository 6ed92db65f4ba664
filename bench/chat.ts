// Chat under load: 5,000 sockets in one room on one server (held by two other processes), while
// readers post 50 messages a second for ten seconds; how long each message takes to reach every
// socket, and the server's memory before, with the crowd, and at its peak.
import { type ChildProcess, fork } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import WebSocket from 'ws'
import { openDatabase } from '../src/platform/db/database.ts'
import { migrateToLatest } from '../src/platform/db/migrate.ts'
import { randomToken, tokenHash } from '../src/platform/security/tokens.ts'
import { defer } from './cleanup.ts'
import { freePort, launch, stop, waitForPort } from './proc.ts'
import { root } from './server.ts'
import { mb, now, round } from './stats.ts'

const CLIENTS = Number(process.env.BENCH_CHAT_CLIENTS ?? 5000)
const PROCESSES = 2
const RATE = 50
const SECONDS = 10
// The default limits hold (20 messages a minute per reader, 60 per address): enough posters, each
// from an address of its own, to write 50 a second for ten seconds without raising them.
const POSTERS = 30

type Message = {
  type: string
  seen?: [number, { count: number; last: number }][]
  histogram?: [number, number][]
  closed?: number
  error?: string
}

function next(child: ChildProcess, type: string): Promise<Message> {
  return new Promise((resolve, reject) => {
    const listen = (message: Message) => {
      if (message.type === 'failed') reject(new Error(message.error))
      if (message.type !== type) return
      child.off('message', listen)
      resolve(message)
    }
    child.on('message', listen)
  })
}

/** The server process's resident memory, in bytes. */
function rss(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0) * 1024
}

/** The server process's CPU seconds, user and system. */
function cpuSeconds(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  return (Number(fields[11]) + Number(fields[12])) / 100
}

/** A database with one edition, its general room, and the posters signed in. */
async function prepare(file: string) {
  const database = openDatabase({ dialect: 'sqlite', file })
  await migrateToLatest(database.db)
  const db = database.db
  const at = new Date().toISOString()
  const { id: editionId } = await db
    .insertInto('editions')
    .values({
      code: 'en',
      name: 'English',
      locale: 'en-GB',
      time_zone: 'UTC',
      direction: 'ltr',
      position: 0,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const { id: roomId } = await db
    .insertInto('chat_rooms')
    .values({
      edition_id: editionId,
      slug: 'general',
      kind: 'general',
      name: 'General chat',
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  // Readers made directly in the database: hashing their passwords would only measure argon2.
  const posters: { cookie: string; address: string }[] = []
  for (let i = 0; i < POSTERS; i++) {
    const { id } = await db
      .insertInto('readers')
      .values({
        email: `poster${i}@bench.example`,
        display_name: `Poster ${i}`,
        password_hash: 'x',
        edition_id: editionId,
        created_at: at,
        confirmed_at: at,
        trusted_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const token = randomToken()
    await db
      .insertInto('reader_sessions')
      .values({
        id: tokenHash(token),
        reader_id: id,
        csrf_token: randomToken(),
        created_at: at,
        last_seen_at: at,
        expires_at: '2999-01-01T00:00:00.000Z',
      })
      .execute()
    posters.push({ cookie: `dateline_reader=${token}`, address: `127.0.1.${1 + i}` })
  }
  await database.close()
  return { roomId, posters }
}

export async function benchChat() {
  console.log(
    `\nChats: ${CLIENTS.toLocaleString('en')} sockets in one room, ${RATE} messages a second for ${SECONDS} s from ${POSTERS} readers`,
  )
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-bench-chat-'))
  const removeDir = defer(() => fs.rmSync(dir, { recursive: true, force: true }))
  const file = path.join(dir, 'bench.db')
  const { roomId, posters } = await prepare(file)

  const port = await freePort()
  const origin = `http://127.0.0.1:${port}`
  const server = launch(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dir,
      DATABASE_URL: `sqlite:${file}`,
      DEMO_ARTICLES: '0',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  const stopServer = defer(() => stop(server))
  await waitForPort(port, server, 'the chat server')
  const pid = server.pid!
  const url = `ws://127.0.0.1:${port}/chat/rooms/${roomId}/socket`
  const rssBefore = rss(pid)

  const children = Array.from({ length: PROCESSES }, () =>
    fork(path.join(import.meta.dirname, 'chat-clients.ts'), [], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    }),
  )
  const stopChildren = defer(async () => {
    for (const child of children) child.kill()
  })
  await Promise.all(children.map((child) => next(child, 'started')))
  const connectStarted = now()
  await Promise.all(
    children.map((child) => {
      const opened = next(child, 'opened')
      child.send({
        type: 'open',
        port,
        path: `/chat/rooms/${roomId}/socket`,
        origin,
        count: CLIENTS / PROCESSES,
      })
      return opened
    }),
  )
  const connectSeconds = (now() - connectStarted) / 1000
  await new Promise((r) => setTimeout(r, 1500))
  const rssCrowd = rss(pid)

  const sockets = await Promise.all(
    posters.map(
      (poster) =>
        new Promise<WebSocket>((resolve, reject) => {
          const socket = new WebSocket(url, {
            headers: { origin, cookie: poster.cookie },
            localAddress: poster.address,
          })
          socket.once('message', () => resolve(socket))
          socket.once('error', reject)
        }),
    ),
  )
  let acked = 0
  const refused: string[] = []
  for (const socket of sockets)
    socket.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as { type: string; code?: string }
      if (frame.type === 'ack') acked++
      if (frame.type === 'error') refused.push(frame.code ?? '')
    })

  let peak = rss(pid)
  const sampler = setInterval(() => {
    peak = Math.max(peak, rss(pid))
  }, 200)
  const cpuBefore = cpuSeconds(pid)
  const total = RATE * SECONDS
  const sentTimes: number[] = []
  const started = now()
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / RATE
    const wait = due - now()
    if (wait > 0) await new Promise((r) => setTimeout(r, wait))
    const sentAt = now()
    sentTimes.push(sentAt)
    sockets[i % POSTERS]!.send(
      JSON.stringify({ type: 'send', nonce: String(i), text: `bench ${sentAt.toFixed(3)} ${i}` }),
    )
  }
  const postedIn = (now() - started) / 1000
  // The last messages' time to reach everyone.
  await new Promise((r) => setTimeout(r, 3000))
  clearInterval(sampler)
  const cpu = cpuSeconds(pid) - cpuBefore

  const arrivals = new Map<number, { count: number; last: number }>()
  const histogram = new Map<number, number>()
  let closed = 0
  for (const child of children) {
    const result = next(child, 'result')
    child.send({ type: 'collect' })
    const { seen = [], histogram: buckets = [], closed: early = 0 } = await result
    closed += early
    for (const [index, entry] of seen) {
      const known = arrivals.get(index)
      arrivals.set(
        index,
        known
          ? { count: known.count + entry.count, last: Math.max(known.last, entry.last) }
          : entry,
      )
    }
    for (const [bucket, count] of buckets)
      histogram.set(bucket, (histogram.get(bucket) ?? 0) + count)
  }
  for (const socket of sockets) socket.terminate()
  await stopChildren()
  await stopServer()
  await removeDir()

  // Delivery latency over every (message, socket) pair, from the histogram of tenths of a ms.
  const deliveries = [...histogram.values()].reduce((a, b) => a + b, 0)
  const ordered = [...histogram].sort((a, b) => a[0] - b[0])
  const deliveryPercentile = (p: number) => {
    let rank = Math.ceil((p / 100) * deliveries)
    for (const [bucket, count] of ordered) {
      rank -= count
      if (rank <= 0) return round(bucket / 10, 1)
    }
    return Number.NaN
  }
  // When the last socket got each message: what "everyone has it" costs.
  const everyone = [...arrivals]
    .filter(([, entry]) => entry.count >= CLIENTS)
    .map(([index, entry]) => entry.last - sentTimes[index]!)
    .sort((a, b) => a - b)
  const at = (p: number) =>
    round(
      everyone[Math.min(everyone.length - 1, Math.ceil((p / 100) * everyone.length) - 1)] ??
        Number.NaN,
      1,
    )
  console.table([
    {
      sockets: CLIENTS,
      'connect s': round(connectSeconds, 1),
      posted: total,
      'posts/s': round(total / postedIn, 0),
      acked,
      refused: refused.length,
      deliveries,
      'not reaching all': total - everyone.length,
      'delivery p50 ms': deliveryPercentile(50),
      'delivery p99 ms': deliveryPercentile(99),
      'all have it p50 ms': at(50),
      'all have it p99 ms': at(99),
    },
  ])
  console.table([
    {
      'server RSS before MB': mb(rssBefore),
      [`with ${CLIENTS.toLocaleString('en')} sockets MB`]: mb(rssCrowd),
      'peak MB': mb(peak),
      'server CPU s while posting': round(cpu, 1),
      'sockets closed early': closed,
    },
  ])
  if (refused.length > 0) console.log(`refusals: ${[...new Set(refused)].join(', ')}`)
  console.log(
    `(server: node --import tsx src/server.ts, SQLite, Node ${process.version}; ${PROCESSES} client processes and the posters on the same ${os.cpus().length} cores)`,
  )
}
