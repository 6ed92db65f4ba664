// RSS 2.0, Atom 1.0 and JSON Feed 1.1 of editions, sections, tags and authors: read back by an
// independent parser and checked field by field, kept and dropped with the pages, announced in heads.
import fs from 'node:fs'
import path from 'node:path'
import { parseFeed } from '@rowanmanning/feed-parser'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { escapeHtml } from '../src/discovery/feed-document.ts'
import { buildApp } from '../src/main.ts'
import { fixedClock } from '../src/platform/clock.ts'
import { loadConfig } from '../src/platform/config.ts'
import { openDatabase } from '../src/platform/db/database.ts'
import { doc, newArticle, newsroom, paragraph } from './factories.ts'
import { HOSTILE } from './hostile-corpus.ts'
import { redisAvailable, startRedis } from './redis-server.ts'
import { DIALECTS, POSTGRES_URL, TEST_NOW, testApp, testDatabase } from './setup.ts'

type App = Awaited<ReturnType<typeof testApp>>
type Room = Awaited<ReturnType<typeof newsroom>>

const ORIGIN = 'https://news.example.com'
const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/
const TAG_URI = /^tag:news\.example\.com,\d{4}-\d{2}-\d{2}:story-\d+$/

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name, jpath) =>
    ['item', 'entry', 'category', 'dc:creator', 'author'].includes(name) ||
    jpath === 'feed.entry.link',
})

/** The RSS items of a feed as fast-xml-parser reads them, by link. */
function rssItems(body: string): Map<string, Record<string, unknown>> {
  const items = (xml.parse(body).rss.channel.item ?? []) as Record<string, unknown>[]
  return new Map(items.map((item) => [item.link as string, item]))
}

/** A real photo on disk, so that its renditions can be made and measured. */
async function realPhoto(t: App) {
  const file = 'originals/feed-lead.jpg'
  const target = path.join(t.config.dataDir, 'media', file)
  fs.mkdirSync(path.dirname(target), { recursive: true })
  await sharp({
    create: {
      width: 1920,
      height: 1280,
      channels: 3,
      background: '#336',
      noise: { type: 'gaussian', mean: 128, sigma: 30 },
    },
  })
    .jpeg({ quality: 80 })
    .toFile(target)
  return t.services.taxonomy.createMedia({
    file,
    mimeType: 'image/jpeg',
    width: 1920,
    height: 1280,
    caption: 'Delegates & aides arrive <early>',
    credit: '© Dateline / Jane Doe',
    alt: 'Delegates walking into a hall',
  })
}

const at = (hhmm: string) => new Date(`2026-02-14T${hhmm}:00.000Z`)

describe.each(DIALECTS)('feeds on %s', (dialect) => {
  let t: App
  let room: Room
  let photo: number
  const ids: Record<string, number> = {}
  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ url, headers })
  const urlOf = (id: number, slug: string, date = '20260214', section = 'world') =>
    `${ORIGIN}/en/${section}/${date}/${slug}-${id}`

  beforeAll(async () => {
    t = await testApp(dialect)
    room = await newsroom(t.services)
    const { taxonomy } = t.services
    photo = await realPhoto(t)
    const elections = await taxonomy.createTag({
      editionId: room.en.id,
      slug: 'elections',
      name: 'Elections',
    })
    const john = await taxonomy.createAuthor({
      editionId: room.en.id,
      slug: 'john-roe',
      name: 'John Roe',
    })
    const europe = await taxonomy.createSection({
      editionId: room.en.id,
      slug: 'europe',
      name: 'Europe',
      parentId: room.world.id,
    })
    const economy = await taxonomy.createSection({
      editionId: room.en.id,
      slug: 'economy',
      name: 'Economy',
    })
    await t.services.catalogue.reload()
    ids.summit = await newArticle(t.services, room, {
      headline: 'Summit opens in Geneva',
      slug: 'summit',
      dek: 'Leaders meet for two days & talk about trade.',
      leadMediaId: photo,
      tagIds: [room.tag, elections],
      authorIds: [room.author, john],
      at: at('09:00'),
    })
    ids.europe = await newArticle(t.services, room, {
      headline: 'Talks move to Brussels',
      slug: 'brussels',
      sectionId: europe,
      tagIds: [room.tag],
      authorIds: [room.author],
      at: at('10:00'),
    })
    ids.markets = await newArticle(t.services, room, {
      headline: 'Markets stay calm',
      slug: 'markets',
      sectionId: economy,
      leadMediaId: null,
      tagIds: [],
      authorIds: [john],
      at: at('11:00'),
    })
    ids.draft = await newArticle(t.services, room, {
      headline: 'Draft headline',
      slug: 'draft',
      publish: false,
    })
    ids.embargoed = await newArticle(t.services, room, {
      headline: 'Embargoed headline',
      slug: 'embargoed',
      at: at('13:00'),
    })
    ids.withdrawn = await newArticle(t.services, room, {
      headline: 'Withdrawn headline',
      slug: 'withdrawn',
      at: at('08:00'),
    })
    await t.services.articles.unpublish(ids.withdrawn)
    ids.ru = await newArticle(t.services, room, { ru: true, slug: 'peregovory', at: at('07:00') })
  })
  afterAll(() => t?.close())

  const SCOPES = ['/en', '/en/world', '/en/tags/diplomacy', '/en/authors/jane-doe']
  const FORMATS = [
    ['feed.xml', 'application/rss+xml; charset=utf-8'],
    ['atom.xml', 'application/atom+xml; charset=utf-8'],
    ['feed.json', 'application/feed+json; charset=utf-8'],
  ] as const

  it('serves every feed of an edition, section, tag and author with its type, self link and title', async () => {
    const titles: Record<string, [string, string]> = {
      '/en': ['Dateline: the latest news', 'The latest stories from Dateline, newest first.'],
      '/en/world': ['World · Dateline', 'World: the latest news from every continent'],
      '/en/tags/diplomacy': [
        'Diplomacy · Dateline',
        'The latest stories about Diplomacy from Dateline.',
      ],
      '/en/authors/jane-doe': [
        'Jane Doe · Dateline',
        'The latest stories by Jane Doe for Dateline.',
      ],
    }
    for (const scope of SCOPES) {
      for (const [file, type] of FORMATS) {
        const url = `${scope}/${file}`
        const res = await get(url)
        expect(res.statusCode, url).toBe(200)
        expect(res.headers['content-type'], url).toBe(type)
        expect(res.headers['last-modified'], url).toBe(TEST_NOW.toUTCString())
        const [title, description] = titles[scope]!
        if (file === 'feed.json') {
          const json = JSON.parse(res.body)
          expect(json).toMatchObject({ title, description, feed_url: ORIGIN + url })
          expect(json.home_page_url).toBe(ORIGIN + scope)
          continue
        }
        expect(XMLValidator.validate(res.body), url).toBe(true)
        const feed = parseFeed(res.body)
        expect(feed.meta.type, url).toBe(file === 'feed.xml' ? 'rss' : 'atom')
        expect(feed.title).toBe(title)
        expect(feed.description).toBe(description)
        expect(feed.language).toBe('en-GB')
        expect(feed.self).toBe(ORIGIN + url)
        expect(feed.url).toBe(ORIGIN + scope)
        expect(feed.updated?.toISOString()).toBe(TEST_NOW.toISOString())
      }
    }
    // The Russian edition speaks Russian.
    const ru = parseFeed((await get('/ru/atom.xml')).body)
    expect(ru.title).toBe('Dateline: последние новости')
    expect(ru.language).toBe('ru-RU')
    expect(ru.items.map((item) => item.title)).toEqual(['Переговоры продолжатся'])
  })

  it('lists the public stories of each scope, newest first, and never a draft, embargo or withdrawn one', async () => {
    const expected: Record<string, number[]> = {
      '/en': [ids.markets!, ids.europe!, ids.summit!],
      // The section's feed holds its subsections' stories.
      '/en/world': [ids.europe!, ids.summit!],
      '/en/tags/diplomacy': [ids.europe!, ids.summit!],
      '/en/tags/elections': [ids.summit!],
      '/en/authors/jane-doe': [ids.europe!, ids.summit!],
      '/en/authors/john-roe': [ids.markets!, ids.summit!],
      '/en/economy': [ids.markets!],
      '/en/europe': [ids.europe!],
    }
    const storyId = (id: string) => Number(/(\d+)$/.exec(id)?.[1])
    for (const [scope, stories] of Object.entries(expected)) {
      const rss = parseFeed((await get(`${scope}/feed.xml`)).body)
      const atom = parseFeed((await get(`${scope}/atom.xml`)).body)
      const json = JSON.parse((await get(`${scope}/feed.json`)).body)
      expect(
        rss.items.map((item) => storyId(item.id ?? '')),
        scope,
      ).toEqual(stories)
      expect(
        atom.items.map((item) => storyId(item.id ?? '')),
        scope,
      ).toEqual(stories)
      expect(
        json.items.map((item: { id: string }) => storyId(item.id)),
        scope,
      ).toEqual(stories)
      for (const body of [rss, atom].map((f) => JSON.stringify(f.items)))
        for (const hidden of ['Draft', 'Embargoed', 'Withdrawn', 'Переговоры'])
          expect(body).not.toContain(hidden)
    }
  })

  it('writes RSS 2.0 items field by field, the photo as an enclosure of its real length and as media:content', async () => {
    const res = await get('/en/feed.xml')
    const feed = parseFeed(res.body)
    const summit = feed.items.find((item) => item.title === 'Summit opens in Geneva')!
    expect(summit.url).toBe(urlOf(ids.summit!, 'summit'))
    expect(summit.id).toMatch(TAG_URI)
    expect(summit.id).toContain(`story-${ids.summit}`)
    expect(summit.published?.toISOString()).toBe(at('09:00').toISOString())
    expect(summit.description).toBe('Leaders meet for two days & talk about trade.')
    // The parser hands content over with its entities decoded; the exact HTML is checked below.
    expect(summit.content).toBe('<p>Leaders meet for two days & talk about trade.</p>')
    expect(summit.authors.map((a) => a.name)).toEqual(['Jane Doe', 'John Roe'])
    expect(summit.categories.map((c) => [c.term, c.url])).toEqual([
      ['World', `${ORIGIN}/en/world`],
      ['Diplomacy', `${ORIGIN}/en/tags/diplomacy`],
      ['Elections', `${ORIGIN}/en/tags/elections`],
    ])

    // What the parser does not expose, read from the XML itself.
    const channel = xml.parse(res.body).rss
    expect(channel['@_version']).toBe('2.0')
    expect(channel.channel.lastBuildDate).toBe(TEST_NOW.toUTCString())
    const item = rssItems(res.body).get(urlOf(ids.summit!, 'summit'))!
    expect(item.guid).toMatchObject({ '#text': summit.id, '@_isPermaLink': 'false' })
    expect(item['dc:creator']).toEqual([
      { '#text': 'Jane Doe', '@_xmlns:dc': 'http://purl.org/dc/elements/1.1/' },
      { '#text': 'John Roe', '@_xmlns:dc': 'http://purl.org/dc/elements/1.1/' },
    ])
    expect(item['content:encoded']).toBe('<p>Leaders meet for two days &amp; talk about trade.</p>')
    const image = `${ORIGIN}/media/${photo}/1280.jpg`
    const rendition = await get(`/media/${photo}/1280.jpg`)
    expect(rendition.statusCode).toBe(200)
    expect(rendition.headers['content-type']).toBe('image/jpeg')
    const bytes = String(rendition.rawPayload.length)
    expect(item.enclosure).toEqual({ '@_url': image, '@_type': 'image/jpeg', '@_length': bytes })
    expect(item['media:content']).toMatchObject({
      '@_xmlns:media': 'http://search.yahoo.com/mrss/',
      '@_url': image,
      '@_type': 'image/jpeg',
      '@_medium': 'image',
      '@_fileSize': bytes,
      '@_width': '1280',
      'media:description': { '#text': 'Delegates & aides arrive <early>', '@_type': 'plain' },
      'media:credit': '© Dateline / Jane Doe',
    })
    expect(summit.media).toEqual([
      expect.objectContaining({ url: image, length: Number(bytes), mimeType: 'image/jpeg' }),
    ])
    // A photo whose original is missing has no rendition to send; a story without one, nothing.
    const europe = rssItems(res.body).get(urlOf(ids.europe!, 'brussels', '20260214', 'europe'))!
    const markets = rssItems(res.body).get(urlOf(ids.markets!, 'markets', '20260214', 'economy'))!
    for (const bare of [europe, markets]) {
      expect(bare.enclosure).toBeUndefined()
      expect(bare['media:content']).toBeUndefined()
    }
  })

  it('writes Atom 1.0 entries field by field, with an enclosure link', async () => {
    const res = await get('/en/atom.xml')
    const feed = parseFeed(res.body)
    const summit = feed.items.find((item) => item.title === 'Summit opens in Geneva')!
    expect(summit.url).toBe(urlOf(ids.summit!, 'summit'))
    expect(summit.id).toMatch(TAG_URI)
    expect(summit.published?.toISOString()).toBe(at('09:00').toISOString())
    // Publishing saved it at noon, three hours after the time it carries.
    expect(summit.updated?.toISOString()).toBe(TEST_NOW.toISOString())
    expect(summit.description).toBe('Leaders meet for two days & talk about trade.')
    expect(summit.content).toBe('<p>Leaders meet for two days & talk about trade.</p>')
    expect(summit.authors).toEqual([
      { name: 'Jane Doe', email: null, url: `${ORIGIN}/en/authors/jane-doe` },
      { name: 'John Roe', email: null, url: `${ORIGIN}/en/authors/john-roe` },
    ])
    expect(summit.categories.map((c) => c.term)).toEqual(['World', 'Diplomacy', 'Elections'])

    const root = xml.parse(res.body).feed
    expect(root['@_xmlns']).toBe('http://www.w3.org/2005/Atom')
    expect(root['@_xml:lang']).toBe('en-GB')
    expect(root.id).toBe(`${ORIGIN}/en/atom.xml`)
    expect(root.author).toEqual([{ name: 'Dateline', uri: `${ORIGIN}/en` }])
    const entry = (root.entry as Record<string, unknown>[]).find(
      (e) => e.id === summit.id,
    ) as Record<string, unknown> & { link: Record<string, string>[] }
    expect(entry.title).toMatchObject({ '@_type': 'html' })
    expect(entry.content).toEqual({
      '@_type': 'html',
      '#text': '<p>Leaders meet for two days &amp; talk about trade.</p>',
    })
    expect(entry.link).toContainEqual({ '@_href': urlOf(ids.summit!, 'summit') })
    const bytes = String((await get(`/media/${photo}/1280.jpg`)).rawPayload.length)
    expect(entry.link).toContainEqual({
      '@_rel': 'enclosure',
      '@_href': `${ORIGIN}/media/${photo}/1280.jpg`,
      '@_type': 'image/jpeg',
      '@_length': bytes,
    })
  })

  it('writes JSON Feed 1.1 as the specification lists its fields', async () => {
    const res = await get('/en/feed.json')
    const feed = JSON.parse(res.body)
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1')
    expect(feed).toMatchObject({
      title: 'Dateline: the latest news',
      home_page_url: `${ORIGIN}/en`,
      feed_url: `${ORIGIN}/en/feed.json`,
      language: 'en-GB',
      icon: `${ORIGIN}/assets/logo-square.png`,
      authors: [{ name: 'Dateline', url: `${ORIGIN}/en` }],
    })
    // 1.0's single author is deprecated in 1.1.
    expect(feed).not.toHaveProperty('author')
    expect(Array.isArray(feed.items)).toBe(true)
    const seen = new Set<string>()
    for (const item of feed.items) {
      expect(typeof item.id).toBe('string')
      expect(seen.has(item.id)).toBe(false)
      seen.add(item.id)
      expect(item.id).toMatch(TAG_URI)
      expect(item.url).toMatch(/^https:\/\/news\.example\.com\/en\//)
      expect(typeof item.title).toBe('string')
      expect(typeof (item.content_html ?? item.content_text)).toBe('string')
      expect(item.date_published).toMatch(RFC_3339)
      expect(item.date_modified).toMatch(RFC_3339)
      expect(item).not.toHaveProperty('author')
      for (const tag of item.tags ?? []) expect(typeof tag).toBe('string')
    }
    const summit = feed.items.find((item: { title: string }) => item.title.startsWith('Summit'))
    expect(summit).toEqual({
      id: expect.stringContaining(`story-${ids.summit}`),
      url: urlOf(ids.summit!, 'summit'),
      title: 'Summit opens in Geneva',
      summary: 'Leaders meet for two days & talk about trade.',
      content_html: '<p>Leaders meet for two days &amp; talk about trade.</p>',
      image: `${ORIGIN}/media/${photo}/1280.jpg`,
      date_published: at('09:00').toISOString(),
      date_modified: TEST_NOW.toISOString(),
      authors: [
        { name: 'Jane Doe', url: `${ORIGIN}/en/authors/jane-doe` },
        { name: 'John Roe', url: `${ORIGIN}/en/authors/john-roe` },
      ],
      tags: ['World', 'Diplomacy', 'Elections'],
    })
  })

  it('answers 404 for an edition, section, tag or author that is not there', async () => {
    for (const url of [
      '/xx/feed.xml',
      '/en/nowhere/feed.xml',
      '/en/tags/nowhere/atom.xml',
      '/en/authors/nobody/feed.json',
      '/en/tags/Not_A_Slug/feed.xml',
      // A tag and an author of the other edition.
      '/en/tags/diplomatiya/feed.xml',
      '/en/authors/anna-volkova/atom.xml',
    ]) {
      const res = await get(url)
      expect(res.statusCode, url).toBe(404)
      expect(res.headers['cache-control'], url).toBe('no-store')
    }
  })

  it('announces the matching feeds in the head of each page, and the edition’s elsewhere', async () => {
    const alternates = (html: string) =>
      [
        ...html.matchAll(/<link rel="alternate" type="([^"]+)" title="([^"]+)" href="([^"]+)"/g),
      ].map((m) => [m[1], m[2], m[3]])
    const pages: [string, string, string][] = [
      ['/en', '/en', 'Dateline: the latest news'],
      ['/en/world', '/en/world', 'World · Dateline'],
      ['/en/tags/diplomacy', '/en/tags/diplomacy', 'Diplomacy · Dateline'],
      ['/en/authors/jane-doe', '/en/authors/jane-doe', 'Jane Doe · Dateline'],
      [`/en/world/20260214/summit-${ids.summit}`, '/en', 'Dateline: the latest news'],
      ['/en/newsfeed', '/en', 'Dateline: the latest news'],
      ['/ru', '/ru', 'Dateline: последние новости'],
    ]
    for (const [page, base, title] of pages) {
      const res = await get(page)
      expect(res.statusCode, page).toBe(200)
      expect(alternates(res.body), page).toEqual([
        ['application/rss+xml', `${title} (RSS)`, `${ORIGIN}${base}/feed.xml`],
        ['application/atom+xml', `${title} (Atom)`, `${ORIGIN}${base}/atom.xml`],
        ['application/feed+json', `${title} (JSON Feed)`, `${ORIGIN}${base}/feed.json`],
      ])
      for (const [, , href] of alternates(res.body))
        expect((await get(href!.slice(ORIGIN.length))).statusCode, href).toBe(200)
    }
  })

  it('keeps feeds with the pages, answers 304s, and drops them when a story they list changes', async () => {
    const url = '/en/tags/diplomacy/feed.xml'
    const queries = async (u: string) => {
      const before = t.database.stats.queries
      const res = await get(u)
      return { res, queries: t.database.stats.queries - before }
    }
    const first = await queries(url)
    const etag = first.res.headers.etag as string
    expect(etag).toMatch(/^"[\w-]{22}"$/)
    expect(first.res.headers['surrogate-key']).toContain('tag-')
    expect(first.res.headers['surrogate-key']).toContain(`article-${ids.summit}`)
    const kept = await queries(url)
    expect(kept.queries).toBe(0)
    expect(kept.res.body).toBe(first.res.body)
    expect(kept.res.headers['content-type']).toBe('application/rss+xml; charset=utf-8')
    expect(kept.res.headers['last-modified']).toBe(TEST_NOW.toUTCString())
    expect((await get(url, { 'if-none-match': etag })).statusCode).toBe(304)
    expect((await get(url, { 'if-modified-since': TEST_NOW.toUTCString() })).statusCode).toBe(304)

    // An update shows at once.
    await t.services.articles.update(ids.europe!, { headline: 'Talks move to Brussels, again' })
    await new Promise((r) => setTimeout(r, 20))
    const updated = await queries(url)
    expect(updated.queries).toBeGreaterThan(0)
    expect(parseFeed(updated.res.body).items.map((item) => item.title)).toContain(
      'Talks move to Brussels, again',
    )

    // A withdrawn story leaves every feed it was in.
    for (const u of ['/en/feed.json', '/en/world/atom.xml', '/en/authors/jane-doe/feed.xml'])
      await get(u)
    await t.services.articles.unpublish(ids.europe!)
    await new Promise((r) => setTimeout(r, 20))
    for (const u of [url, '/en/feed.json', '/en/world/atom.xml', '/en/authors/jane-doe/feed.xml']) {
      const res = await get(u)
      expect(res.body, u).not.toContain('Brussels')
      expect(res.body, u).toContain('Summit opens in Geneva')
    }

    // An embargoed story appears once its time has come and it has gone public.
    expect((await get('/en/feed.xml')).body).not.toContain('Embargoed headline')
    t.clock.set(new Date('2026-02-14T13:01:00.000Z'))
    try {
      expect(await t.jobs.runDue()).toBe(1)
      await new Promise((r) => setTimeout(r, 20))
      expect((await get('/en/feed.xml')).body).toContain('Embargoed headline')
    } finally {
      t.clock.set(TEST_NOW)
    }
  })

  it('gives back hostile headlines, deks and topics as the exact text that was stored', async () => {
    const { taxonomy } = t.services
    const section = await taxonomy.createSection({
      editionId: room.en.id,
      slug: 'hostile',
      name: 'Hostile',
    })
    await t.services.catalogue.reload()
    const stored = new Map<string, { headline: string; dek: string; tag: string; author: string }>()
    const texts = [
      ...HOSTILE.map((h) => h.text),
      // What escaping once too few or too many times, or a CDATA section cut short, would change.
      'Literal &amp; and &lt;b&gt; and &#106;',
      'One ]]> and two ]]> and <![CDATA[ three',
    ]
    for (const [i, text] of texts.entries()) {
      let id: number
      try {
        const tag = await taxonomy.createTag({
          editionId: room.en.id,
          slug: `hostile-${i}`,
          name: text,
        })
        const author = await taxonomy.createAuthor({
          editionId: room.en.id,
          slug: `hostile-${i}`,
          name: text,
        })
        id = await newArticle(t.services, room, {
          headline: text,
          dek: text,
          slug: `hostile-${i}`,
          sectionId: section,
          tagIds: [tag],
          authorIds: [author],
          at: new Date(TEST_NOW.getTime() - 60_000 * (i + 1)),
        })
      } catch {
        continue // refused as a headline or a name (empty once cleaned, or too long)
      }
      const found = await t.services.reading.article(id)
      if (found.kind !== 'published') throw new Error('not published')
      const url = ORIGIN + t.services.urls.article(found.article)
      stored.set(url, {
        headline: found.article.headline,
        dek: found.article.dek,
        tag: found.article.tags[0]!.name,
        author: found.article.authors[0]!.name,
      })
    }
    expect(stored.size).toBeGreaterThan(30)
    for (const file of ['feed.xml', 'atom.xml']) {
      const body = (await get(`/en/hostile/${file}`)).body
      expect(XMLValidator.validate(body), file).toBe(true)
      const feed = parseFeed(body)
      expect(feed.items).toHaveLength(stored.size)
      for (const item of feed.items) {
        const expected = stored.get(item.url ?? '')!
        expect(item.title, file).toBe(expected.headline)
        expect(item.description, file).toBe(expected.dek)
        expect(item.categories.map((c) => c.term)).toContain(expected.tag)
      }
    }
    // RSS bylines are entity-escaped text (this parser reads them as "name <address>", so the
    // XML is read directly); Atom's are plain text.
    const rss = rssItems((await get('/en/hostile/feed.xml')).body)
    const atom = xml.parse((await get('/en/hostile/atom.xml')).body).feed.entry as {
      link: { '@_href': string }[]
      author: { name: string }[]
    }[]
    for (const [url, expected] of stored) {
      expect(rss.get(url)?.['dc:creator']).toEqual([
        expect.objectContaining({ '#text': escapeHtml(expected.author) }),
      ])
      const entry = atom.find((e) => e.link[0]?.['@_href'] === url)
      expect(entry?.author.map((a) => String(a.name))).toEqual([expected.author])
    }
    const json = JSON.parse((await get('/en/hostile/feed.json')).body)
    for (const item of json.items) {
      const expected = stored.get(item.url)!
      expect(item.title).toBe(expected.headline)
      expect(item.summary).toBe(expected.dek)
      expect(item.tags).toContain(expected.tag)
      expect(item.authors).toEqual([{ name: expected.author, url: expect.any(String) }])
    }
  })
})

describe.each(DIALECTS)('full-text feeds on %s', (dialect) => {
  let t: App
  let room: Room
  beforeAll(async () => {
    // No page cache: every request renders, so each one's queries can be counted.
    t = await testApp(dialect, { FEED_CONTENT: 'full', PAGE_CACHE_MB: '0' })
    room = await newsroom(t.services)
  })
  afterAll(() => t?.close())

  /** Stories with two tags, two authors, a figure and cards of the stories before them. */
  async function grow(n: number, from: number, ids: number[]) {
    for (let i = 0; i < n; i++) {
      const cards = ids.slice(-2)
      ids.push(
        await newArticle(t.services, room, {
          headline: `Story ${from + i}`,
          slug: `story-${from + i}`,
          at: new Date(Date.UTC(2026, 1, 14, 0, from + i)),
          authorIds: [room.author],
          body: doc(
            paragraph(`Text of story ${from + i} & more.`),
            { type: 'figure', attrs: { mediaId: room.photo, caption: 'c', credit: 'r' } },
            ...cards.map((articleId) => ({ type: 'relatedArticle', attrs: { articleId } })),
          ),
        }),
      )
    }
  }

  it('sends each story’s whole body as HTML with absolute addresses, and the dek as its summary', async () => {
    const ids: number[] = []
    await grow(2, 0, ids)
    const res = await t.app.inject({ url: '/en/feed.xml' })
    const feed = parseFeed(res.body)
    const newest = feed.items[0]!
    expect(newest.title).toBe('Story 1')
    expect(newest.description).toBe('Both sides agreed to meet again next week.')
    expect(newest.content).toContain('<p>Text of story 1 & more.</p>')
    const body = rssItems(res.body).get(newest.url!)!['content:encoded'] as string
    expect(body).toMatch(/^<p>Text of story 1 &amp; more\.<\/p><figure/)
    expect(body).toContain(`src="${ORIGIN}/media/${room.photo}/1280.jpg"`)
    expect(body).toContain(`href="${ORIGIN}/en/world/20260214/story-0-${ids[0]}"`)
    expect(body).toContain('Read also')
    expect(body).not.toMatch(/(src|href|srcset)="\//)
    const atom = xml.parse((await t.app.inject({ url: '/en/atom.xml' })).body).feed
    expect(atom.entry[0].content['#text']).toBe(body)
    const json = JSON.parse((await t.app.inject({ url: '/en/feed.json' })).body)
    expect(json.items[0].content_html).toBe(body)
    expect(json.items[0].summary).toBe('Both sides agreed to meet again next week.')
  })

  it('costs the same few queries however many stories a feed holds, and holds 50 at most', async () => {
    const ids: number[] = []
    await grow(3, 100, ids)
    const urls = [
      '/en/feed.xml',
      '/en/world/atom.xml',
      '/en/tags/diplomacy/feed.json',
      '/en/authors/jane-doe/feed.xml',
    ]
    const count = async (url: string) => {
      const before = t.database.stats.queries
      const res = await t.app.inject({ url })
      expect(res.statusCode, url).toBe(200)
      return t.database.stats.queries - before
    }
    const small: number[] = []
    for (const url of urls) small.push(await count(url))
    await grow(55, 200, ids)
    for (const [i, url] of urls.entries()) expect(await count(url), url).toBe(small[i])
    expect(Math.max(...small)).toBeLessThanOrEqual(5)
    const feed = parseFeed((await t.app.inject({ url: '/en/feed.xml' })).body)
    expect(feed.items).toHaveLength(50)
    expect(feed.items[0]!.title).toBe('Story 254')
  })
})

const clusterReady = DIALECTS.includes('postgres') && redisAvailable

describe.skipIf(!clusterReady)('feeds on two instances', () => {
  it('drops a feed kept by one instance when a story is withdrawn through the other', async () => {
    const redis = await startRedis()
    const shared = await testDatabase('postgres')
    const apps: Awaited<ReturnType<typeof buildApp>>[] = []
    try {
      const schema = (
        await shared.db
          .selectNoFrom((eb) => eb.fn<string>('current_schema').as('s'))
          .executeTakeFirstOrThrow()
      ).s
      for (let i = 0; i < 2; i++) {
        const config = loadConfig({
          DATA_DIR: shared.dataDir,
          PUBLIC_URL: ORIGIN,
          LOG_LEVEL: 'silent',
          REDIS_URL: redis.url,
        })
        const database = openDatabase({ dialect: 'postgres', url: POSTGRES_URL, schema })
        apps.push(await buildApp(config, { database, clock: fixedClock(TEST_NOW) }))
      }
      const [a, b] = apps as [(typeof apps)[0], (typeof apps)[0]]
      const room = await newsroom(a.services)
      await b.services.catalogue.reload()
      const id = await newArticle(a.services, room, { headline: 'Kept on B', slug: 'kept' })
      const url = '/en/world/feed.xml'
      expect((await b.app.inject({ url })).body).toContain('Kept on B')
      await a.services.articles.unpublish(id)
      const until = Date.now() + 2000
      let body = ''
      do {
        await new Promise((r) => setTimeout(r, 25))
        body = (await b.app.inject({ url })).body
      } while (body.includes('Kept on B') && Date.now() < until)
      expect(body).not.toContain('Kept on B')
    } finally {
      for (const app of apps) await app.app.close()
      await shared.dispose()
      await redis.stop()
    }
  })
})
