// Section 3: publish on instance A, time until an SSE reader of instance B sees it (PostgreSQL + Redis).
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { buildApp } from '../src/main.ts'
import { loadConfig } from '../src/platform/config.ts'
import { openDatabase } from '../src/platform/db/database.ts'
import { migrateToLatest } from '../src/platform/db/migrate.ts'
import { defer } from './cleanup.ts'
import { draft, newsroom } from './newsroom.ts'
import { REDIS_SERVER, redisAvailable, startRedis } from './redis.ts'
import { openSse } from './sse-reader.ts'
import { now, percentile, round } from './stats.ts'

const POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test'

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 2000 })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

export async function clusterPublish(stories: number) {
  console.log(
    `\nPublish on A, visible on B: two instances, PostgreSQL and Redis, ${stories} stories`,
  )
  if (!redisAvailable()) return console.log(`Notice: no redis-server at ${REDIS_SERVER}; skipped`)
  const schema = `bench_${randomBytes(6).toString('hex')}`
  try {
    await admin(`create schema ${schema}`)
  } catch (error) {
    return console.log(
      `Notice: PostgreSQL unavailable at ${POSTGRES_URL} (${(error as Error).message}); skipped`,
    )
  }
  const dropSchema = defer(() => admin(`drop schema ${schema} cascade`))
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-bench-cluster-'))
  const removeDir = defer(() => fs.rmSync(dir, { recursive: true, force: true }))
  const redis = await startRedis()
  const config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'error', REDIS_URL: redis.url })
  const instance = async () => {
    const database = openDatabase({ dialect: 'postgres', url: POSTGRES_URL, schema })
    await migrateToLatest(database.db)
    const built = await buildApp(config, { database })
    const close = defer(() => built.app.close())
    return { ...built, close, url: await built.app.listen({ port: 0, host: '127.0.0.1' }) }
  }
  const a = await instance()
  const b = await instance()
  const room = await newsroom(a.services)
  await b.services.catalogue.reload()
  const stream = await openSse(`${b.url}/en/newsfeed/stream`)
  const closeStream = defer(() => stream.close())
  try {
    // Until B's Redis subscription is live, a story may pass it by: publish until one arrives.
    let warm = false
    for (let i = 1; i <= 10 && !warm; i++) {
      const id = await draft(a.services, room, `Warm-up story ${i}`)
      await a.services.articles.publish(id)
      warm = (await stream.waitFor(id, 1000)) !== undefined
    }
    if (!warm) throw new Error('B never received a story published on A')

    const delays: number[] = []
    const calls: number[] = []
    for (let i = 1; i <= stories; i++) {
      const id = await draft(a.services, room, `Cluster story ${i}`)
      const t0 = now()
      await a.services.articles.publish(id)
      calls.push(now() - t0)
      const at = await stream.waitFor(id, 5000)
      if (at !== undefined) delays.push(at - t0)
    }
    const max = delays.length ? Math.max(...delays) : Number.NaN
    console.table([
      {
        measure: 'publish() call on A, ms',
        p50: round(percentile(calls, 50)),
        max: round(Math.max(...calls)),
        count: calls.length,
      },
      {
        measure: 'publish on A → SSE event on B, ms',
        p50: round(percentile(delays, 50)),
        max: round(max),
        count: `${delays.length}/${stories}`,
      },
    ])
    console.log(
      `${delays.length}/${stories} stories reached B's reader: p50 ${round(percentile(delays, 50))} ms, max ${round(max)} ms from the publish call on A`,
    )
  } finally {
    await closeStream()
    await b.close()
    await a.close()
    await redis.stop()
    await dropSchema()
    await removeDir()
  }
}
