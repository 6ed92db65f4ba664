// Section: search on 100,000 demo stories, SQLite (FTS5) and PostgreSQL (tsvector + GIN): a few
// hundred searches in both editions' languages through the search service, p50 and p95 per database.
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import pg from 'pg'
import { createCatalogue } from '../src/content/catalogue.ts'
import type { Edition } from '../src/content/content.types.ts'
import { seedDemo } from '../src/content/demo/seed-demo.ts'
import { createTaxonomyRepository } from '../src/content/taxonomy.repository.ts'
import { createSearchService } from '../src/discovery/search.service.ts'
import { systemClock } from '../src/platform/clock.ts'
import { type Database, openDatabase } from '../src/platform/db/database.ts'
import { migrateToLatest } from '../src/platform/db/migrate.ts'
import { defer } from './cleanup.ts'
import { now, percentile, round } from './stats.ts'

const ARTICLES = Number(process.env.BENCH_SEARCH_ARTICLES ?? 100_000)
const QUERIES = Number(process.env.BENCH_SEARCH_QUERIES ?? 400)
const POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test'

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 2000 })
  await client.connect()
  try {
    await client.query(statement)
  } finally {
    await client.end()
  }
}

/** A small seeded generator, so every run asks the same questions of the same stories. */
function random(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state / 4294967296
  }
  return { next, pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]! }
}

interface Question {
  edition: Edition
  text: string
  prefix: string
}

/**
 * Searches a reader might type, drawn from the stories' own headlines: one or two words, now and
 * then a quoted phrase or a minus word, in both editions; and the start of a word for suggestions.
 */
async function questions(database: Database, editions: Edition[]): Promise<Question[]> {
  const { rows } = await sql<{ headline: string; edition_id: number }>`
    select headline, edition_id from articles where status = 'published'
    order by id limit ${QUERIES * 50}`.execute(database.db)
  const rng = random(42)
  const wordsOf = (headline: string) =>
    (headline.match(/[\p{L}]{4,}/gu) ?? []).map((w) => w.toLowerCase())
  const out: Question[] = []
  for (let i = 0; out.length < QUERIES && i < QUERIES * 10; i++) {
    const row = rng.pick(rows)
    const edition = editions.find((e) => e.id === row.edition_id)
    const words = wordsOf(row.headline)
    if (!edition || words.length < 2) continue
    const first = rng.pick(words)
    const roll = rng.next()
    const at = Math.floor(rng.next() * (words.length - 1))
    const text =
      roll < 0.4
        ? first
        : roll < 0.75
          ? `${first} ${rng.pick(words)}`
          : roll < 0.9
            ? `"${words[at]} ${words[at + 1]}"`
            : `${first} -${rng.pick(wordsOf(rng.pick(rows).headline)) ?? 'zzz'}`
    out.push({ edition, text, prefix: first.slice(0, 3 + Math.floor(rng.next() * 3)) })
  }
  return out
}

async function measure(name: string, database: Database, dataDir: string) {
  console.log(`Seeding ${ARTICLES} stories into ${name} (search index included) ...`)
  const t0 = now()
  await migrateToLatest(database.db)
  await seedDemo(
    { db: database.db, dialect: database.dialect, dataDir, now: new Date() },
    { articles: ARTICLES },
  )
  const seeded = (now() - t0) / 1000
  // As autovacuum would soon after a bulk load: without statistics the planner guesses blind.
  if (database.dialect === 'postgres') await sql`analyze`.execute(database.db)
  const catalogue = createCatalogue(createTaxonomyRepository(database.db))
  await catalogue.reload()
  const search = createSearchService({
    db: database.db,
    dialect: database.dialect,
    clock: systemClock,
  })
  const asked = await questions(database, [...catalogue.editions()])
  // A first pass fills the caches both databases keep; the second is what is reported.
  for (const q of asked.slice(0, 50)) await search.search(q.edition, q.text, { page: 1 })
  const searches: number[] = []
  const suggestions: number[] = []
  let found = 0
  let empty = 0
  for (const q of asked) {
    const s0 = now()
    const results = await search.search(q.edition, q.text, { page: 1 })
    searches.push(now() - s0)
    found += results.items.length
    if (results.items.length === 0) empty++
    const p0 = now()
    await search.suggest(q.edition, q.prefix)
    suggestions.push(now() - p0)
  }
  const row = (measureName: string, values: number[]) => ({
    database: name,
    measure: measureName,
    p50: round(percentile(values, 50)),
    p95: round(percentile(values, 95)),
    max: round(Math.max(...values)),
    count: values.length,
  })
  console.log(
    `${name}: seeded and indexed in ${round(seeded)} s; ${round(found / asked.length)} results per first page on average, ${empty} searches found nothing`,
  )
  return [row('search, first page, ms', searches), row('suggest, ms', suggestions)]
}

export async function benchSearch() {
  console.log(`\nSearch: ${ARTICLES} demo stories, ${QUERIES} searches in English and Russian`)
  const rows: Awaited<ReturnType<typeof measure>> = []
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-bench-search-'))
  const removeDir = defer(() => fs.rmSync(dir, { recursive: true, force: true }))
  try {
    const sqlite = openDatabase({ dialect: 'sqlite', file: path.join(dir, 'search.db') })
    const closeSqlite = defer(() => sqlite.close())
    rows.push(...(await measure('SQLite', sqlite, dir)))
    await closeSqlite()

    const schema = `bench_${randomBytes(6).toString('hex')}`
    try {
      await admin(`create schema ${schema}`)
    } catch (error) {
      console.log(
        `Notice: PostgreSQL unavailable at ${POSTGRES_URL} (${(error as Error).message}); skipped`,
      )
      return
    }
    const dropSchema = defer(() => admin(`drop schema ${schema} cascade`))
    const postgres = openDatabase({ dialect: 'postgres', url: POSTGRES_URL, schema })
    const closePostgres = defer(() => postgres.close())
    rows.push(...(await measure('PostgreSQL', postgres, dir)))
    await closePostgres()
    await dropSchema()
  } finally {
    console.table(rows)
    await removeDir()
  }
}
