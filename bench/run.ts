// The benchmark (npm run bench): page throughput and server CPU per request on 10,000 seeded stories,
// a cached article against nginx, 10,000 live newsfeed readers, publish-to-visible on a cluster,
// a camera photo's upload with all its renditions, the newsroom editor's autosave, and comments
// posted by 200 readers at once while 1,000 watch.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { buildIfNeeded } from '../scripts/build.mjs'
import { articleVsNginx } from './article-vs-nginx.ts'
import { benchAutosave } from './autosave.ts'
import { benchChat } from './chat.ts'
import { cleanup, defer } from './cleanup.ts'
import { clusterPublish } from './cluster.ts'
import { benchComments } from './comments.ts'
import { benchContentApi } from './content-api.ts'
import { articleUrls, DURATION, measure, row } from './load.ts'
import { benchUpload } from './media-upload.ts'
import { benchNewsletter } from './newsletter.ts'
import { benchPush } from './push.ts'
import { benchSearch } from './search.ts'
import { seed, startServer } from './server.ts'
import { benchSitemaps } from './sitemaps.ts'
import { sseFanOut } from './sse.ts'

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 10_000)
const CONNECTIONS = 10

async function pages() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-bench-'))
  const removeDir = defer(() => fs.rmSync(dataDir, { recursive: true, force: true }))
  const env = {
    DATA_DIR: dataDir,
    DATABASE_URL: process.env.BENCH_DATABASE_URL ?? '',
    LOG_LEVEL: 'warn',
  }
  console.log(`Seeding ${ARTICLES} stories into ${env.DATABASE_URL || 'a fresh SQLite file'} ...`)
  await seed(env, ARTICLES)

  // The server as `npm start` runs it: built, not through the TypeScript loader. A second one
  // without a page cache serves the uncached pages, which the first would keep after one read.
  await buildIfNeeded()
  const cached = await startServer(env)
  const uncached = await startServer({ ...env, PAGE_CACHE_MB: '0' })
  const articles = await articleUrls(cached.base)
  const load = (name: string, server: typeof cached, paths: string[]) =>
    measure({
      name,
      base: server.base,
      paths,
      connections: CONNECTIONS,
      cpuSeconds: server.cpuSeconds,
    })
  console.table([
    row(await load('home (uncached)', uncached, ['/en', '/ru'])),
    row(
      await load('section (uncached)', uncached, [
        '/en/world',
        '/ru/world',
        '/en/economy',
        '/ru/economy',
      ]),
    ),
    row(await load('article (uncached)', uncached, articles)),
  ])
  console.log(
    `${CONNECTIONS} connections, ${DURATION} s per page, Node ${process.version}, ${os.cpus().length} cores; a server with PAGE_CACHE_MB=0`,
  )

  await articleVsNginx({ cached, uncached, articles })
  await uncached.stop()
  await cached.stop()
  await removeDir()
}

// BENCH_ONLY="Chats,Search" runs only the sections named.
const only = process.env.BENCH_ONLY?.split(',').map((name) => name.trim().toLowerCase())

/** Runs one part of the bench; if it fails, says so, undoes what it started, and goes on. */
async function section(name: string, work: () => Promise<void>) {
  if (only && !only.includes(name.toLowerCase())) return
  console.log(`\n## ${name}`)
  try {
    await work()
  } catch (error) {
    console.error(`\n${name} failed:`, error)
    process.exitCode = 1
    await cleanup()
  }
}

const started = Date.now()
await section('Pages', pages)
await section('SSE fan-out', () =>
  sseFanOut({
    clients: Number(process.env.BENCH_SSE_CLIENTS ?? 10_000),
    processes: 2,
    spreadMs: 500,
  }),
)
await section('Cluster', () => clusterPublish(50))
await section('Media upload', benchUpload)
await section('Autosave', benchAutosave)
await section('Comments', benchComments)
await section('Content API', benchContentApi)
await section('Search', benchSearch)
await section('Sitemaps', benchSitemaps)
await section('Chats', benchChat)
await section('Push', benchPush)
await section('Newsletter', benchNewsletter)
await cleanup()
console.log(`\nBench finished in ${Math.round((Date.now() - started) / 1000)} s`)
process.exit()
