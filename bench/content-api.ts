// Content API list throughput: an in-process app over 10,000 demo stories (BENCH_API_ARTICLES for
// another count), one key, and autocannon on /api/v1/articles from a worker thread, so the load
// does not share the server's event loop. Also a deep page (through a cursor), a 304 revalidation
// and one story with its rendered body, for comparison.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import autocannon from 'autocannon'
import Fastify from 'fastify'
import { seedDemo } from '../src/content/demo/seed-demo.ts'
import { createTaxonomyRepository } from '../src/content/taxonomy.repository.ts'
import { createApiKeyRepository, createApiKeys } from '../src/discovery/api-keys.ts'
import { createContentApiRepository } from '../src/discovery/content-api.repository.ts'
import { contentApi } from '../src/discovery/content-api.ts'
import { buildApp } from '../src/main.ts'
import { createAuditRepository } from '../src/newsroom/audit.repository.ts'
import { loadConfig } from '../src/platform/config.ts'
import { openDatabase } from '../src/platform/db/database.ts'
import { migrateToLatest } from '../src/platform/db/migrate.ts'
import { defer } from './cleanup.ts'
import { DURATION } from './load.ts'

const ARTICLES = Number(process.env.BENCH_API_ARTICLES ?? process.env.BENCH_ARTICLES ?? 10_000)
const CONNECTIONS = 10
const LIST = '/api/v1/articles?edition=en&limit=20'

export async function benchContentApi() {
  console.log(
    `\nContent API: ${ARTICLES} demo stories, ${CONNECTIONS} connections, ${DURATION} s per path`,
  )
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-bench-api-'))
  const removeDir = defer(() => fs.rmSync(dir, { recursive: true, force: true }))
  const database = openDatabase({ dialect: 'sqlite', file: path.join(dir, 'bench.db') })
  await migrateToLatest(database.db)
  const seeded = Date.now()
  await seedDemo(
    { db: database.db, dialect: 'sqlite', dataDir: dir, now: new Date() },
    { articles: ARTICLES },
  )
  console.log(`Seeded in ${Math.round((Date.now() - seeded) / 1000)} s`)
  const { db } = database
  const built = await buildApp(loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'error' }), { database })
  const closeApp = defer(() => built.app.close())

  // The Content API on a server of its own over the app's services, with a budget no load can
  // exhaust: the default 600 a minute per key would answer nearly every request here with 429.
  const keys = createApiKeys({
    db,
    keys: createApiKeyRepository(db),
    audit: createAuditRepository(db),
    clock: { now: () => new Date() },
  })
  const server = Fastify()
  await contentApi(server, {
    keys,
    repository: createContentApiRepository(db),
    reading: built.services.reading,
    taxonomy: createTaxonomyRepository(db),
    catalogue: built.services.catalogue,
    urls: built.services.urls,
    clock: { now: () => new Date() },
    publicUrl: 'https://news.example.com',
    corsOrigins: [],
    rateLimit: { max: 1e12, windowMs: 1 },
  })
  const closeServer = defer(() => server.close())
  const base = await server.listen({ port: 0, host: '127.0.0.1' })

  const at = new Date().toISOString()
  const { id: staffId } = await db
    .insertInto('staff')
    .values({
      email: 'bench@bench.example',
      name: 'Bench',
      role: 'admin',
      password_hash: 'none',
      owner: 0,
      disabled: 0,
      created_at: at,
      password_changed_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const { key } = await keys.create({ id: staffId, role: 'admin' }, { name: 'Bench' })
  const headers = { authorization: `Bearer ${key}` }

  // A page 50 deep, and the ETag of the first page, found before the load starts.
  let deep = LIST
  for (let page = 0; page < 50; page++) {
    const next = (await (await fetch(base + deep, { headers })).json()).nextCursor as string | null
    if (!next) break
    deep = `${LIST}&cursor=${encodeURIComponent(next)}`
  }
  const first = await fetch(base + LIST, { headers })
  const etag = first.headers.get('etag') ?? ''
  const [story] = ((await first.json()) as { items: { id: number }[] }).items

  const rows = []
  for (const [name, url, extra] of [
    ['list, first page', LIST, {}],
    ['list, page 50 by cursor', deep, {}],
    ['list, 304 revalidation', LIST, { 'if-none-match': etag }],
    ['one story with body HTML', `/api/v1/articles/${story?.id}`, {}],
  ] as const) {
    const load = (duration: number) =>
      autocannon({
        url: base + url,
        connections: CONNECTIONS,
        duration,
        workers: 1,
        headers: { ...headers, ...extra },
      })
    await load(2)
    const result = await load(DURATION)
    rows.push({
      request: name,
      'req/s': Math.round(result.requests.average),
      'p50 ms': result.latency.p50,
      'p99 ms': result.latency.p99,
      requests: result.requests.total,
      'non-2xx': result.non2xx,
      errors: result.errors + result.timeouts,
    })
  }
  console.table(rows)
  console.log(
    `SQLite, Node ${process.version}, ${os.cpus().length} cores; server on the main thread, load from one worker thread; autocannon counts the 304s as non-2xx`,
  )
  await closeServer()
  await closeApp()
  await removeDir()
}
