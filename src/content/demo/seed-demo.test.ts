import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../platform/db/database.ts'
import { migrateToLatest } from '../../platform/db/migrate.ts'
import { validateBody } from '../body/index.ts'
import { KINDS } from './kinds/index.ts'
import { SECTION_SLUGS } from './lexicon.ts'
import { PHRASES as EN } from './phrases.en.ts'
import { PHRASES as RU } from './phrases.ru.ts'
import { seedDemo } from './seed-demo.ts'

const NOW = new Date('2026-11-28T12:00:00Z')
const CYRILLIC = /[А-Яа-яЁё]/
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-demo-'))
const opened: { close(): Promise<void> }[] = []

async function seeded(articles: number, seed: number) {
  const database = openDatabase({ dialect: 'sqlite', file: ':memory:' })
  opened.push(database)
  await migrateToLatest(database.db)
  const deps = { db: database.db, dialect: database.dialect, dataDir, now: NOW }
  await seedDemo(deps, { articles, seed })
  return { db: database.db, again: () => seedDemo(deps, { articles, seed }) }
}

afterAll(async () => {
  await Promise.all(opened.map((database) => database.close()))
  fs.rmSync(dataDir, { recursive: true, force: true })
})

describe('seedDemo', () => {
  let db: Awaited<ReturnType<typeof seeded>>['db']
  let again: () => Promise<unknown>
  const articles = () =>
    db
      .selectFrom('articles')
      .innerJoin('editions', 'editions.id', 'articles.edition_id')
      .select([
        'articles.id',
        'editions.code',
        'articles.headline',
        'articles.body',
        'articles.translation_group',
      ])
      .orderBy('articles.id')
      .execute()

  beforeAll(async () => {
    ;({ db, again } = await seeded(200, 42))
  })

  it('splits the stories between the editions and writes the photos', async () => {
    const rows = await articles()
    expect(rows.filter((r) => r.code === 'en')).toHaveLength(110)
    expect(rows.filter((r) => r.code === 'ru')).toHaveLength(90)
    const photos = fs.readdirSync(path.join(dataDir, 'media', 'originals'))
    expect(photos.filter((file) => /^demo-\d\d\.jpg$/.test(file))).toHaveLength(16)
  })

  it('writes Russian headlines in Cyrillic and English ones without it', async () => {
    for (const row of await articles()) {
      expect(CYRILLIC.test(row.headline), row.headline).toBe(row.code === 'ru')
    }
  })

  it('writes bodies the body validator accepts', async () => {
    for (const row of await articles()) {
      const result = validateBody(JSON.parse(row.body as string))
      expect(result.ok, JSON.stringify(result)).toBe(true)
    }
  })

  it('links each translation group to exactly one English and one Russian story', async () => {
    const groups = new Map<string, string[]>()
    for (const row of await articles()) {
      if (row.translation_group) {
        groups.set(row.translation_group, [...(groups.get(row.translation_group) ?? []), row.code])
      }
    }
    expect(groups.size).toBeGreaterThan(5)
    for (const codes of groups.values()) expect(codes.sort()).toEqual(['en', 'ru'])
  })

  it('relates stories only to earlier ones of the same edition', async () => {
    const rows = await articles()
    const edition = new Map(rows.map((r) => [r.id, r.code]))
    const links = await db.selectFrom('article_related').selectAll().execute()
    expect(links.length).toBeGreaterThan(20)
    for (const link of links) {
      expect(link.related_id).toBeLessThan(link.article_id)
      expect(edition.get(link.related_id)).toBe(edition.get(link.article_id))
    }
    for (const row of rows) {
      for (const match of (row.body as string).matchAll(/"articleId":(\d+)/g)) {
        expect(Number(match[1])).toBeLessThan(row.id)
        expect(edition.get(Number(match[1]))).toBe(row.code)
      }
    }
  })

  it('reuses editions, sections, tags, authors and photos when run again', async () => {
    const counts = async () => {
      const count = async (table: 'editions' | 'sections' | 'tags' | 'authors' | 'media_assets') =>
        (await db.selectFrom(table).select('id').execute()).length
      return {
        editions: await count('editions'),
        sections: await count('sections'),
        tags: await count('tags'),
        authors: await count('authors'),
        media: await count('media_assets'),
      }
    }
    const before = await counts()
    expect(before).toMatchObject({ editions: 2, sections: 12, authors: 16, media: 32 })
    await again()
    expect(await counts()).toEqual(before)
    expect(await articles()).toHaveLength(400)
  })

  it('writes the same headlines for the same seed, and others for another seed', async () => {
    const headlines = async (seed: number) => {
      const run = await seeded(60, seed)
      const rows = await run.db.selectFrom('articles').select('headline').orderBy('id').execute()
      return rows.map((r) => r.headline)
    }
    const first = await headlines(7)
    expect(await headlines(7)).toEqual(first)
    expect(await headlines(8)).not.toEqual(first)
  })
})

describe('demo story texts', () => {
  it('has parallel English and Russian lists, so a translation is the same story', () => {
    for (const section of SECTION_SLUGS) {
      for (const kind of KINDS[section]) expect(kind.ru.counts).toEqual(kind.en.counts)
      expect(RU.statements[section]).toHaveLength(EN.statements[section].length)
    }
    const lists = ['quotes', 'quoteLines', 'background', 'outlook', 'links', 'headings'] as const
    for (const key of [...lists, 'listHeadings', 'boldLeads'] as const) {
      expect(RU[key]).toHaveLength(EN[key].length)
    }
  })
})
