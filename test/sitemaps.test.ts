// Sitemaps and robots.txt over HTTP, on every dialect: every file well-formed XML within the
// protocol's limits, every public story listed once, months split into files, the news window.

import { XMLParser, XMLValidator } from 'fast-xml-parser'
import Fastify, { type FastifyInstance } from 'fastify'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createSitemapRepository } from '../src/discovery/sitemap.repository.ts'
import { sitemapRoutes } from '../src/discovery/sitemap.routes.ts'
import { createSitemaps, SITEMAP_LIMITS } from '../src/discovery/sitemaps.ts'
import { newArticle, newsroom } from './factories.ts'
import { DIALECTS, TEST_NOW, testApp } from './setup.ts'

type Ctx = Awaited<ReturnType<typeof testApp>>
type Room = Awaited<ReturnType<typeof newsroom>>

const ORIGIN = 'https://news.example.com'
const HOUR = 60 * 60 * 1000
const ago = (hours: number) => new Date(TEST_NOW.getTime() - hours * HOUR)

const parser = new XMLParser({
  ignoreAttributes: false,
  isArray: (name) => ['url', 'sitemap', 'image:image'].includes(name),
  parseTagValue: false,
})

interface Url {
  loc: string
  lastmod?: string
  'image:image'?: { 'image:loc': string }[]
  'news:news'?: {
    'news:publication': { 'news:name': string; 'news:language': string }
    'news:publication_date': string
    'news:title': string
  }
}

/** Checks what every sitemap must be, and returns it parsed. */
function parseSitemap(body: string) {
  expect(XMLValidator.validate(body)).toBe(true)
  expect(Buffer.byteLength(body)).toBeLessThanOrEqual(SITEMAP_LIMITS.bytes)
  expect(body.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true)
  const parsed = parser.parse(body)
  const urls: Url[] = parsed.urlset?.url ?? []
  const sitemaps: { loc: string; lastmod?: string }[] = parsed.sitemapindex?.sitemap ?? []
  expect(urls.length).toBeLessThanOrEqual(SITEMAP_LIMITS.urls)
  expect(sitemaps.length).toBeLessThanOrEqual(SITEMAP_LIMITS.sitemaps)
  for (const entry of [...urls, ...sitemaps]) {
    expect(entry.loc.startsWith(`${ORIGIN}/`), entry.loc).toBe(true)
    if (entry.lastmod !== undefined)
      expect(entry.lastmod).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/)
  }
  return { parsed, urls, sitemaps }
}

describe.each(DIALECTS)('sitemaps on %s', (dialect) => {
  let t: Ctx
  let room: Room
  beforeEach(async () => {
    t = await testApp(dialect)
    room = await newsroom(t.services)
  })
  afterEach(() => t.close())

  /** The sitemap routes on their own, with files of `storiesPerFile` stories read `chunk` at a time. */
  async function sitemapApp(storiesPerFile: number, chunk = 2) {
    const app = Fastify()
    await sitemapRoutes(app, {
      sitemaps: createSitemaps({
        repository: createSitemapRepository(t.database.db),
        catalogue: t.services.catalogue,
        urls: t.services.urls,
        clock: t.clock,
        publicUrl: t.config.publicUrl,
        siteName: t.config.siteName,
        storiesPerFile,
        chunk,
      }),
    })
    return app
  }

  const get = (url: string, app: FastifyInstance = t.app) =>
    app.inject({ url: url.replace(ORIGIN, '') })

  /** Fetches the index and every sitemap it lists; returns each file's entries by address. */
  async function crawl(app: FastifyInstance = t.app) {
    const index = await get('/sitemap.xml', app)
    expect(index.statusCode).toBe(200)
    const files = new Map<string, Url[]>()
    const listed = parseSitemap(index.body).sitemaps
    for (const { loc } of listed) {
      const res = await get(loc, app)
      expect(res.statusCode, loc).toBe(200)
      expect(res.headers['content-type']).toBe('application/xml; charset=utf-8')
      files.set(loc.replace(ORIGIN, ''), parseSitemap(res.body).urls)
    }
    return { listed, files }
  }

  const storyUrl = async (id: number) => {
    const story = await t.services.reading.story(id)
    return (
      ORIGIN +
      t.services.urls.article({ ...story!, headline: '', publishedAt: story!.publishedAt! })
    )
  }

  it('serves robots.txt that lets crawlers in and points at the sitemaps', async () => {
    const res = await get('/robots.txt')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8')
    expect(res.headers['cache-control']).toBe('public, max-age=300')
    const lines = res.body.split('\n')
    expect(lines).toContain('User-agent: *')
    expect(lines).toContain('Allow: /')
    for (const path of ['/admin', '/community', '/api'])
      expect(lines).toContain(`Disallow: ${path}`)
    expect(lines.filter((l) => l.startsWith('Sitemap: '))).toEqual([
      `Sitemap: ${ORIGIN}/sitemap.xml`,
      `Sitemap: ${ORIGIN}/sitemaps/en/news.xml`,
      `Sitemap: ${ORIGIN}/sitemaps/ru/news.xml`,
    ])
  })

  it('lists every public story once, by month, with its last change and photo', async () => {
    const january = await newArticle(t.services, room, {
      slug: 'jan',
      at: new Date('2026-01-20T10:00:00Z'),
    })
    const february = await newArticle(t.services, room, {
      slug: 'feb',
      at: ago(2),
      leadMediaId: null,
    })
    const russian = await newArticle(t.services, room, { ru: true, slug: 'fev', at: ago(3) })
    await newArticle(t.services, room, { slug: 'draft', publish: false })
    await newArticle(t.services, room, {
      slug: 'embargoed',
      at: new Date(TEST_NOW.getTime() + HOUR),
    })
    const withdrawn = await newArticle(t.services, room, { slug: 'withdrawn', at: ago(5) })
    await t.services.articles.unpublish(withdrawn)

    const index = await get('/sitemap.xml')
    expect(index.headers['content-type']).toBe('application/xml; charset=utf-8')
    expect(index.headers['cache-control']).toBe('public, max-age=300')
    const { listed, files } = await crawl()
    expect(listed.map((s) => s.loc.replace(ORIGIN, '')).sort()).toEqual([
      '/sitemaps/en/articles-2026-01-1.xml',
      '/sitemaps/en/articles-2026-02-1.xml',
      '/sitemaps/en/news.xml',
      '/sitemaps/en/sections.xml',
      '/sitemaps/ru/articles-2026-02-1.xml',
      '/sitemaps/ru/news.xml',
      '/sitemaps/ru/sections.xml',
    ])
    // Story files change when a story is saved; sections and news when a story comes out.
    const lastmod = Object.fromEntries(listed.map((s) => [s.loc.replace(ORIGIN, ''), s.lastmod]))
    expect(lastmod).toEqual({
      '/sitemaps/en/sections.xml': '2026-02-14T10:00:00Z',
      '/sitemaps/en/news.xml': '2026-02-14T10:00:00Z',
      '/sitemaps/en/articles-2026-02-1.xml': '2026-02-14T12:00:00Z',
      '/sitemaps/en/articles-2026-01-1.xml': '2026-02-14T12:00:00Z',
      '/sitemaps/ru/sections.xml': '2026-02-14T09:00:00Z',
      '/sitemaps/ru/news.xml': '2026-02-14T09:00:00Z',
      '/sitemaps/ru/articles-2026-02-1.xml': '2026-02-14T12:00:00Z',
    })

    const [jan] = files.get('/sitemaps/en/articles-2026-01-1.xml')!
    expect(files.get('/sitemaps/en/articles-2026-01-1.xml')).toHaveLength(1)
    expect(jan!.loc).toBe(await storyUrl(january))
    expect(jan!.lastmod).toBe('2026-02-14T12:00:00Z')
    expect(jan!['image:image']).toEqual([{ 'image:loc': `${ORIGIN}/media/${room.photo}/1920.jpg` }])
    const feb = files.get('/sitemaps/en/articles-2026-02-1.xml')!
    expect(feb.map((u) => u.loc)).toEqual([await storyUrl(february)])
    expect(feb[0]!['image:image']).toBeUndefined()
    expect(files.get('/sitemaps/ru/articles-2026-02-1.xml')!.map((u) => u.loc)).toEqual([
      await storyUrl(russian),
    ])
  })

  it('lists each edition home and section with the time of its newest story', async () => {
    await newArticle(t.services, room, { at: ago(30) })
    const economy = await t.services.taxonomy.createSection({
      editionId: room.en.id,
      slug: 'economy',
      name: 'Economy',
      description: 'Economy news',
    })
    const res = await get('/sitemaps/en/sections.xml')
    const { urls } = parseSitemap(res.body)
    expect(urls).toEqual([
      { loc: `${ORIGIN}/en`, lastmod: '2026-02-13T06:00:00Z' },
      { loc: `${ORIGIN}/en/world`, lastmod: '2026-02-13T06:00:00Z' },
      { loc: `${ORIGIN}/en/economy` },
    ])
    expect(economy).toBeGreaterThan(0)
  })

  it('splits a month into files of the page size without repeating or skipping a story', async () => {
    // Filed out of id order: paging is by id, whatever the times.
    const ids: number[] = []
    for (const hours of [3, 40, 1, 200, 7, 90, 2, 60])
      ids.push(await newArticle(t.services, room, { slug: `s${hours}`, at: ago(hours) }))
    await newArticle(t.services, room, { slug: 'jan', at: new Date('2026-01-31T23:59:59Z') })
    const app = await sitemapApp(3)
    const { listed, files } = await crawl(app)
    const february = listed
      .map((s) => s.loc.replace(ORIGIN, ''))
      .filter((loc) => loc.startsWith('/sitemaps/en/articles-2026-02-'))
    expect(february).toEqual([
      '/sitemaps/en/articles-2026-02-1.xml',
      '/sitemaps/en/articles-2026-02-2.xml',
      '/sitemaps/en/articles-2026-02-3.xml',
    ])
    const sizes = february.map((loc) => files.get(loc)!.length)
    expect(sizes).toEqual([3, 3, 2])
    const listedUrls = february.flatMap((loc) => files.get(loc)!.map((u) => u.loc))
    expect(listedUrls).toEqual(await Promise.all(ids.map(storyUrl)))
    expect((await get('/sitemaps/en/articles-2026-02-4.xml', app)).statusCode).toBe(404)
    await app.close()
  })

  it('holds the last 48 hours of an edition in its news sitemap, newest first', async () => {
    const recent = await newArticle(t.services, room, { slug: 'recent', at: ago(1) })
    const older = await newArticle(t.services, room, { slug: 'older', at: ago(47) })
    await newArticle(t.services, room, { slug: 'too-old', at: ago(49) })
    await newArticle(t.services, room, {
      slug: 'embargoed',
      at: new Date(TEST_NOW.getTime() + HOUR),
    })
    const russian = await newArticle(t.services, room, { ru: true, slug: 'novoe', at: ago(4) })

    const { urls } = parseSitemap((await get('/sitemaps/en/news.xml')).body)
    expect(urls.map((u) => u.loc)).toEqual([await storyUrl(recent), await storyUrl(older)])
    expect(urls[0]!['news:news']).toEqual({
      'news:publication': { 'news:name': 'Dateline', 'news:language': 'en' },
      'news:publication_date': '2026-02-14T11:00:00Z',
      'news:title': 'Talks will go on, ministers say',
    })
    const ru = parseSitemap((await get('/sitemaps/ru/news.xml')).body).urls
    expect(ru.map((u) => u.loc)).toEqual([await storyUrl(russian)])
    expect(ru[0]!['news:news']!['news:publication']['news:language']).toBe('ru')
    expect(ru[0]!['news:news']!['news:title']).toBe('Переговоры продолжатся')

    // Days on, nothing is news any more: the file stays well-formed.
    t.clock.set(new Date(TEST_NOW.getTime() + 50 * HOUR))
    expect(parseSitemap((await get('/sitemaps/en/news.xml')).body).urls).toEqual([])
  })

  it('never lists more than 1,000 stories in a news sitemap', async () => {
    const rows = Array.from({ length: 1_005 }, (_, i) => {
      const at = new Date(TEST_NOW.getTime() - (i + 1) * 60_000).toISOString()
      return {
        edition_id: room.en.id,
        section_id: room.world.id,
        slug: `bulk-${i}`,
        headline: `Bulk story ${i}`,
        dek: '',
        dateline_place: '',
        source: '',
        body: '{"type":"doc","content":[]}',
        status: 'published' as const,
        breaking: 0,
        published_at: at,
        listed_at: at,
        created_at: at,
        updated_at: at,
      }
    })
    for (let i = 0; i < rows.length; i += 200)
      await t.database.db
        .insertInto('articles')
        .values(rows.slice(i, i + 200))
        .execute()
    const { urls } = parseSitemap((await get('/sitemaps/en/news.xml')).body)
    expect(urls).toHaveLength(1_000)
    expect(urls[0]!['news:news']!['news:title']).toBe('Bulk story 0')
  })

  it('escapes what editors typed, so every file stays well-formed', async () => {
    const headline = `Tom & Jerry <script>alert("x")</script> it's > 1`
    await newArticle(t.services, room, { headline, slug: 'tom-and-jerry', at: ago(1) })
    const res = await get('/sitemaps/en/news.xml')
    expect(res.body).toContain(
      'Tom &amp; Jerry &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; it&apos;s &gt; 1',
    )
    expect(parseSitemap(res.body).urls[0]!['news:news']!['news:title']).toBe(headline)
  })

  it.each([
    '/sitemaps/xx/news.xml',
    '/sitemaps/xx/sections.xml',
    '/sitemaps/en/other.xml',
    '/sitemaps/en/articles-2026-13-1.xml',
    '/sitemaps/en/articles-2026-02-0.xml',
    '/sitemaps/en/articles-2026-02-1.xml',
    '/sitemaps/en/articles-1999-02-1.xml',
  ])('answers %s with 404', async (url) => {
    expect((await get(url)).statusCode).toBe(404)
  })
})
