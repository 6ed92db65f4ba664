// Sitemaps at scale: the time to fetch the index and every sitemap it lists over HTTP, from an
// in-process app serving the sitemap routes, on a SQLite file seeded with 100,000 demo stories
// (BENCH_SITEMAP_ARTICLES for another number). Run twice: cold (first read of the file) and warm.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Fastify from 'fastify'
import { createCatalogue } from '../src/content/catalogue.ts'
import { createTaxonomyRepository } from '../src/content/taxonomy.repository.ts'
import { createSitemapRepository } from '../src/discovery/sitemap.repository.ts'
import { sitemapRoutes } from '../src/discovery/sitemap.routes.ts'
import { createSitemaps } from '../src/discovery/sitemaps.ts'
import { systemClock } from '../src/platform/clock.ts'
import { openDatabase } from '../src/platform/db/database.ts'
import { createUrls } from '../src/site/urls.ts'
import { defer } from './cleanup.ts'
import { seed } from './server.ts'
import { round } from './stats.ts'

const ARTICLES = Number(process.env.BENCH_SITEMAP_ARTICLES ?? 100_000)

interface Fetched {
  kind: string
  ms: number
  bytes: number
  urls: number
}

async function fetchAll(base: string): Promise<Fetched[]> {
  const get = async (url: string, kind: string): Promise<Fetched & { body: string }> => {
    const started = performance.now()
    const response = await fetch(url)
    const body = await response.text()
    const ms = performance.now() - started
    if (!response.ok) throw new Error(`${url}: ${response.status}`)
    const urls = body.split('<url>').length - 1
    return { kind, ms, bytes: Buffer.byteLength(body), urls, body }
  }
  const index = await get(`${base}/sitemap.xml`, 'index')
  const fetched: Fetched[] = [index]
  for (const [, loc] of index.body.matchAll(/<loc>([^<]+)<\/loc>/g)) {
    const url = new URL(loc!)
    const kind = /\/(articles|sections|news)[^/]*\.xml$/.exec(url.pathname)?.[1] ?? 'other'
    fetched.push(await get(`${base}${url.pathname}`, kind))
  }
  return fetched
}

function summary(label: string, fetched: Fetched[], wallMs: number) {
  const kinds = ['index', 'articles', 'sections', 'news']
  return kinds.map((kind) => {
    const of = fetched.filter((f) => f.kind === kind)
    return {
      run: label,
      sitemap: kind,
      files: of.length,
      urls: of.reduce((n, f) => n + f.urls, 0),
      'MB total': round(of.reduce((n, f) => n + f.bytes, 0) / 1e6, 2),
      'ms total': round(
        of.reduce((n, f) => n + f.ms, 0),
        1,
      ),
      'ms slowest': round(Math.max(...of.map((f) => f.ms)), 1),
      'ms all sitemaps': round(wallMs, 0),
    }
  })
}

export async function benchSitemaps(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-bench-sitemaps-'))
  const removeDir = defer(() => fs.rmSync(dataDir, { recursive: true, force: true }))
  const file = path.join(dataDir, 'dateline.db')
  console.log(`\nSitemaps: seeding ${ARTICLES} demo stories into a fresh SQLite file ...`)
  await seed({ DATA_DIR: dataDir, DATABASE_URL: `sqlite:${file}`, LOG_LEVEL: 'warn' }, ARTICLES)

  const database = openDatabase({ dialect: 'sqlite', file })
  const closeDatabase = defer(() => database.close())
  const catalogue = createCatalogue(createTaxonomyRepository(database.db))
  await catalogue.reload()
  const app = Fastify()
  await sitemapRoutes(app, {
    sitemaps: createSitemaps({
      repository: createSitemapRepository(database.db),
      catalogue,
      urls: createUrls(catalogue),
      clock: systemClock,
      publicUrl: 'https://news.example.com',
      siteName: 'Dateline',
    }),
  })
  const closeApp = defer(() => app.close())
  const base = await app.listen({ port: 0, host: '127.0.0.1' })

  const rows = []
  for (const label of ['cold', 'warm']) {
    // The JavaScript heap's peak (garbage not yet collected included); the resident size would
    // mostly count the SQLite file's pages mapped in.
    const heapBefore = process.memoryUsage().heapUsed
    let heapPeak = heapBefore
    const sampler = setInterval(() => {
      heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed)
    }, 5)
    const started = performance.now()
    const fetched = await fetchAll(base)
    rows.push(...summary(label, fetched, performance.now() - started))
    clearInterval(sampler)
    const growth = (heapPeak - heapBefore) / 1e6
    console.log(
      `${label}: ${fetched.length} sitemaps; JS heap peaked ${round(growth, 1)} MB above start`,
    )
  }
  console.table(rows)
  console.log(
    `${ARTICLES} seeded stories on SQLite; every sitemap fetched one after another over HTTP, Node ${process.version}`,
  )
  await closeApp()
  await closeDatabase()
  await removeDir()
}
