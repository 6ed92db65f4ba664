// The editor's autosave: a reporter typing a 1,000-word story, saved every few seconds over HTTP
// with its CSRF token, on SQLite and on PostgreSQL. Server time is fastify's own measure of each save.
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { buildApp } from '../src/main.ts'
import type { DatabaseConfig } from '../src/platform/config.ts'
import { loadConfig } from '../src/platform/config.ts'
import { openDatabase } from '../src/platform/db/database.ts'
import { migrateToLatest } from '../src/platform/db/migrate.ts'
import { defer } from './cleanup.ts'
import { newsroom } from './newsroom.ts'
import { percentile, round } from './stats.ts'

const POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
const SAVES = 300
const WORDS = 'the ministers met again on monday to discuss the budget and the talks'.split(' ')

function body(words: number) {
  const paragraphs = []
  for (let i = 0; i < words; i += 25) {
    const text = Array.from(
      { length: Math.min(25, words - i) },
      (_, j) => WORDS[(i + j) % WORDS.length],
    ).join(' ')
    paragraphs.push({ type: 'paragraph', content: [{ type: 'text', text: `${text}.` }] })
  }
  return { type: 'doc', content: paragraphs }
}

async function run(label: string, database: DatabaseConfig, dataDir: string) {
  const opened = openDatabase(database)
  await migrateToLatest(opened.db)
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'error' })
  const built = await buildApp(config, { database: opened })
  const serverMs: number[] = []
  built.app.addHook('onResponse', async (request, reply) => {
    if (request.method === 'PATCH') serverMs.push(reply.elapsedTime)
  })
  const close = defer(() => built.app.close())
  const base = await built.app.listen({ port: 0, host: '127.0.0.1' })
  const room = await newsroom(built.services)

  let cookie = ''
  let csrf = ''
  const call = async (method: string, url: string, payload?: unknown) => {
    const response = await fetch(`${base}/admin/api${url}`, {
      method,
      headers: {
        cookie,
        'x-csrf-token': csrf,
        ...(payload !== undefined && { 'content-type': 'application/json' }),
      },
      body: payload === undefined ? undefined : JSON.stringify(payload),
    })
    const set = response.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ')
    if (set) cookie = set
    const json = await response.json()
    if (!response.ok) throw new Error(`${method} ${url}: ${JSON.stringify(json)}`)
    if (json.csrfToken) csrf = json.csrfToken
    return json
  }
  await call('GET', '/session')
  const link = await built.services.staff.setupLink()
  const token = new URL(link ?? '', 'http://x').searchParams.get('token')
  await call('POST', '/setup', {
    token,
    email: 'owner@bench.example',
    name: 'Owner',
    password: 'a long bench password',
  })
  let story = await call('POST', '/articles', {
    ...room,
    headline: 'Autosave benchmark',
    body: body(10),
  })

  const roundTrips: number[] = []
  for (let i = 0; i < SAVES; i++) {
    const started = performance.now()
    story = await call('PATCH', `/articles/${story.id}`, {
      body: body(700 + i),
      dek: `A dek typed for the ${i}th time.`,
      baseVersion: story.version,
    })
    roundTrips.push(performance.now() - started)
  }
  await close()
  const at = (values: number[], p: number) => round(percentile(values, p), 2)
  return {
    database: label,
    saves: SAVES,
    'server p50 ms': at(serverMs, 50),
    'server p99 ms': at(serverMs, 99),
    'round trip p50 ms': at(roundTrips, 50),
    'round trip p99 ms': at(roundTrips, 99),
  }
}

export async function benchAutosave() {
  console.log(
    `\nAutosave: ${SAVES} saves of a story of 700 to 1,000 words, one after another, over HTTP`,
  )
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-bench-autosave-'))
  const removeDir = defer(() => fs.rmSync(dir, { recursive: true, force: true }))
  const rows = [await run('SQLite', { dialect: 'sqlite', file: path.join(dir, 'bench.db') }, dir)]
  const schema = `bench_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 2000 })
  try {
    await admin.connect()
    await admin.query(`create schema ${schema}`)
    rows.push(await run('PostgreSQL', { dialect: 'postgres', url: POSTGRES_URL, schema }, dir))
    await admin.query(`drop schema ${schema} cascade`)
  } catch (error) {
    console.log(`Notice: PostgreSQL part skipped (${(error as Error).message})`)
  } finally {
    await admin.end().catch(() => {})
  }
  console.table(rows)
  await removeDir()
}
