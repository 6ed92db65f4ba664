// The page cache: the same bytes again without a query, 304s, and exactly the right pages dropped.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createPageCache } from '../src/live/page-cache.ts'
import { newArticle, newsroom } from './factories.ts'
import { DIALECTS, testApp } from './setup.ts'

describe('page cache store', () => {
  it('evicts the least recently used pages past its byte budget, and expires old ones', () => {
    let now = 0
    const cache = createPageCache({ maxBytes: 3 * (100 + 200), maxAgeMs: 1000, now: () => now })
    for (const url of ['/a', '/b', '/c']) cache.set(url, 'x'.repeat(100), [`k${url}`])
    cache.get('/a')
    cache.set('/d', 'x'.repeat(100), ['kd'])
    expect(cache.get('/b')).toBeUndefined()
    expect(cache.get('/a')).toBeDefined()
    expect(cache.invalidate(['k/a', 'nothing'])).toBe(1)
    expect(cache.get('/a')).toBeUndefined()
    now = 2000
    expect(cache.get('/c')).toBeUndefined()
  })
})

describe.each(DIALECTS)('page cache on %s', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>
  let room: Awaited<ReturnType<typeof newsroom>>
  beforeEach(async () => {
    t = await testApp(dialect)
    room = await newsroom(t.services)
  })
  afterEach(() => t.close())

  const get = async (url: string, headers: Record<string, string> = {}) => {
    const before = t.database.stats.queries
    const res = await t.app.inject({ url, headers })
    return { res, queries: t.database.stats.queries - before }
  }

  it('serves a page again from memory, with an ETag, a 304 and headers for a CDN', async () => {
    const id = await newArticle(t.services, room, { slug: 'kept' })
    const url = `/en/world/20260214/kept-${id}`
    const first = await get(url)
    expect(first.queries).toBeGreaterThan(0)
    const etag = first.res.headers.etag as string
    expect(etag).toMatch(/^"[\w-]{22}"$/)
    expect(first.res.headers['cache-control']).toContain('s-maxage=')
    expect(first.res.headers['cache-control']).toContain('stale-while-revalidate=')
    expect(first.res.headers['surrogate-key']).toContain(`article-${id}`)
    const second = await get(url)
    expect(second.queries).toBe(0)
    expect(second.res.body).toBe(first.res.body)
    expect(second.res.headers.etag).toBe(etag)
    const revalidated = await get(url, { 'if-none-match': etag })
    expect(revalidated.res.statusCode).toBe(304)
    expect(revalidated.res.body).toBe('')
  })

  it('answers kept pages over a real socket, with 304s, and renders again after a change', async () => {
    const base = await t.app.listen({ port: 0, host: '127.0.0.1' })
    const id = await newArticle(t.services, room, { headline: 'Over the wire', slug: 'wire' })
    const url = `${base}/en/world/20260214/wire-${id}`
    const first = await fetch(url)
    const etag = first.headers.get('etag')!
    const body = await first.text()
    const before = t.database.stats.queries
    const second = await fetch(url)
    expect(await second.text()).toBe(body)
    expect(second.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(second.headers.get('surrogate-key')).toContain(`article-${id}`)
    expect((await fetch(url, { headers: { 'if-none-match': etag } })).status).toBe(304)
    expect(t.database.stats.queries).toBe(before)
    await t.services.articles.update(id, { headline: 'Over the wire, again' })
    await new Promise((r) => setTimeout(r, 20))
    expect(await (await fetch(url)).text()).toContain('Over the wire, again')
  })

  it('drops exactly the pages that show a changed story', async () => {
    const other = await t.services.taxonomy.createTag({
      editionId: room.en.id,
      slug: 'other',
      name: 'Other',
    })
    const first = await newArticle(t.services, room, { headline: 'First story', slug: 'first' })
    // In another section, so that it is not the story before or after the first one.
    const economy = await t.services.taxonomy.createSection({
      editionId: room.en.id,
      slug: 'economy',
      name: 'Economy',
    })
    const untouched = await newArticle(t.services, room, {
      headline: 'Elsewhere',
      slug: 'elsewhere',
      sectionId: economy,
      tagIds: [other],
      authorIds: [],
    })
    const pages = [
      '/en',
      '/en/world',
      '/en/tags/diplomacy',
      '/en/authors/jane-doe',
      '/en/newsfeed',
      `/en/world/20260214/first-${first}`,
      `/en/economy/20260214/elsewhere-${untouched}`,
      '/en/tags/other',
      '/ru',
    ]
    for (const url of pages) expect((await get(url)).res.statusCode).toBe(200)
    await t.services.articles.update(first, { headline: 'First story, updated' })
    await new Promise((r) => setTimeout(r, 20))
    const cached = async (url: string) => (await get(url)).queries === 0
    // The story, and every list it is in, are rendered again and show the new headline.
    for (const url of pages.slice(0, 6)) {
      expect(await cached(url), url).toBe(false)
      expect((await get(url)).res.body, url).toContain('First story, updated')
    }
    // The other story's page and tag list were untouched, and so was the other edition.
    for (const url of pages.slice(6)) expect(await cached(url), url).toBe(true)
  })

  it('answers 410 at once after a story is withdrawn, and shows a new story on the cached home', async () => {
    const id = await newArticle(t.services, room, { slug: 'short-lived' })
    const url = `/en/world/20260214/short-lived-${id}`
    expect((await get(url)).res.statusCode).toBe(200)
    expect((await get('/en')).res.statusCode).toBe(200)
    await t.services.articles.unpublish(id)
    await new Promise((r) => setTimeout(r, 20))
    expect((await get(url)).res.statusCode).toBe(410)
    await newArticle(t.services, room, { headline: 'Fresh arrival' })
    await new Promise((r) => setTimeout(r, 20))
    expect((await get('/en')).res.body).toContain('Fresh arrival')
  })
})
