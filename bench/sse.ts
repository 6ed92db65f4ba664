// Section 2: 10,000 newsfeed readers on one in-process instance, fed by client child processes.
import { type ChildProcess, fork } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { buildApp } from '../src/main.ts'
import { loadConfig } from '../src/platform/config.ts'
import { openDatabase } from '../src/platform/db/database.ts'
import { migrateToLatest } from '../src/platform/db/migrate.ts'
import { defer } from './cleanup.ts'
import { draft, newsroom, publishStories } from './newsroom.ts'
import { stop, track } from './proc.ts'
import type { Command, Report } from './sse-clients.ts'
import { printFanOut } from './sse-report.ts'
import { listenOverflows, now } from './stats.ts'

function nextReport<T extends Report['type']>(child: ChildProcess, type: T, ms: number) {
  return new Promise<Extract<Report, { type: T }> | undefined>((resolve) => {
    const timer = setTimeout(() => done(undefined), ms)
    const listener = (report: Report) => {
      if (report.type === type) done(report as Extract<Report, { type: T }>)
    }
    const done = (value: Extract<Report, { type: T }> | undefined) => {
      clearTimeout(timer)
      child.off('message', listener)
      resolve(value)
    }
    child.on('message', listener)
  })
}

export async function sseFanOut(options: { clients: number; processes: number; spreadMs: number }) {
  const { clients, processes } = options
  console.log(
    `\n${clients} newsfeed SSE clients on one instance (in this process), ${processes} client processes`,
  )
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-bench-sse-'))
  const removeDir = defer(() => fs.rmSync(dir, { recursive: true, force: true }))
  const database = openDatabase({ dialect: 'sqlite', file: path.join(dir, 'dateline.db') })
  await migrateToLatest(database.db)
  const { app, services } = await buildApp(loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'warn' }), {
    database,
  })
  const closeApp = defer(() => app.close())
  const children: ChildProcess[] = []
  const stopChildren = defer(() => Promise.all(children.map((child) => stop(child))))
  try {
    const room = await newsroom(services)
    await publishStories(services, room, 3)
    await app.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }) // as src/server.ts listens
    const { port } = app.server.address() as { port: number }
    const rssIdle = process.memoryUsage().rss

    for (let i = 0; i < processes; i++)
      children.push(
        track(
          fork(path.join(import.meta.dirname, 'sse-clients.ts'), [], {
            execArgv: ['--import', 'tsx'],
            stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
          }),
        ),
      )
    const started = await Promise.all(children.map((c) => nextReport(c, 'started', 30_000)))
    if (started.includes(undefined)) throw new Error('an SSE client process did not start')
    const overflowsBefore = listenOverflows()
    const connecting = now()
    const opened = await Promise.all(
      children.map((child, i) => {
        const count = Math.floor(clients / processes) + (i < clients % processes ? 1 : 0)
        const reply = nextReport(child, 'opened', 120_000)
        child.send({
          type: 'open',
          port,
          path: '/en/newsfeed/stream',
          count,
          spreadMs: options.spreadMs,
        } satisfies Command)
        return reply
      }),
    )
    const connectSeconds = (now() - connecting) / 1000
    const overflows = listenOverflows() - overflowsBefore
    const connected = opened.reduce((n, r) => n + (r?.ready ?? 0), 0)
    const errors: Record<string, number> = {}
    for (const r of opened)
      for (const [code, n] of Object.entries(r?.errors ?? {}))
        errors[code] = (errors[code] ?? 0) + n
    await new Promise((r) => setTimeout(r, 1000))
    const rss = process.memoryUsage().rss

    const id = await draft(services, room, 'Breaking: the story every reader waits for')
    const allReceived = Promise.all(children.map((c) => nextReport(c, 'all-received', 10_000)))
    const t0 = now()
    await services.articles.publish(id)
    await allReceived
    const results = await Promise.all(
      children.map((child) => {
        const reply = nextReport(child, 'result', 5_000)
        child.send({ type: 'collect' } satisfies Command)
        return reply
      }),
    )
    printFanOut({
      clients,
      connected,
      connectSeconds,
      overflows,
      errors,
      rssIdle,
      rss,
      delays: results.flatMap((r) => r?.arrivals.map((at) => at - t0) ?? []),
      dropped: results.reduce((n, r) => n + (r?.dropped ?? 0), 0),
    })
  } finally {
    await stopChildren()
    await closeApp()
    await removeDir()
  }
}
