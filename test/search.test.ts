// Reader search on both databases: ranking, stemming, phrases and minus words, filters, paging, the
// index kept in step with publishing, and hostile input answered without a server error.
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { doc, newArticle, newsroom, paragraph } from './factories.ts'
import { DIALECTS, TEST_NOW, testApp } from './setup.ts'

const day = (d: number, hour = 10) => new Date(Date.UTC(2026, 1, d, hour))

describe.each(DIALECTS)('search on %s', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>
  let room: Awaited<ReturnType<typeof newsroom>>
  let economy: number
  let slugs = 0

  /** A published English story (Russian with `ru`), its words given, the rest neutral. */
  const story = (input: {
    headline: string
    dek?: string
    body?: string
    at?: Date
    ru?: boolean
    sectionId?: number
    publish?: boolean
  }) =>
    newArticle(t.services, room, {
      headline: input.headline,
      slug: `story-${++slugs}`,
      dek: input.dek ?? '',
      body: doc(paragraph(input.body ?? 'Nothing to see.')),
      at: input.at ?? day(1),
      ru: input.ru,
      publish: input.publish,
      ...(input.sectionId !== undefined && { sectionId: input.sectionId }),
    })

  const get = (url: string) => t.app.inject({ method: 'GET', url })

  /** The ids of the results a search page lists, in order. */
  const found = async (code: string, params: Record<string, string>) => {
    const res = await get(`/${code}/search?${new URLSearchParams(params)}`)
    expect(res.statusCode, res.body.slice(0, 500)).toBe(200)
    const results = /<ol class="search-results"[^>]*>(.*?)<\/ol>/s.exec(res.body)?.[1] ?? ''
    const ids = [...results.matchAll(/<h2 class="search-result__headline"><a href="[^"]*-(\d+)"/g)]
    return { ids: ids.map((m) => Number(m[1])), html: res.body, res }
  }
  const ids = async (q: string, more: Record<string, string> = {}, code = 'en') =>
    (await found(code, { q, ...more })).ids

  beforeAll(async () => {
    t = await testApp(dialect)
    room = await newsroom(t.services)
    economy = await t.services.taxonomy.createSection({
      editionId: room.en.id,
      slug: 'economy',
      name: 'Economy',
    })
    await t.services.catalogue.reload()
  })
  afterAll(() => t.close())

  it('ranks a headline match above a body match, and a newer story above an older equal one', async () => {
    const inBody = await story({ headline: 'Ferry news', body: 'The zanzibar route', at: day(9) })
    const inHeadline = await story({ headline: 'Zanzibar ferry resumes', at: day(8) })
    const inDek = await story({ headline: 'Harbour news', dek: 'Zanzibar port', at: day(7) })
    expect(await ids('zanzibar')).toEqual([inHeadline, inDek, inBody])

    const older = await story({ headline: 'Quokka census results', at: day(2) })
    const newer = await story({ headline: 'Quokka census results', at: day(6) })
    expect(await ids('quokka census')).toEqual([newer, older])
  })

  it('finds other forms of a word in the edition language', async () => {
    const ru = await story({
      ru: true,
      headline: 'Делегации встретились в Женеве',
      body: 'Стороны договорились продолжить работу на переговорах в Женеве.',
    })
    const page = await found('ru', { q: 'переговоры' })
    expect(page.ids).toEqual([ru])
    expect(page.html).toContain('<mark>переговорах</mark>')
    expect(page.html).toContain('Результаты по запросу «переговоры»')

    const en = await story({ headline: 'A negotiation in Geneva', body: 'They met.' })
    const english = await found('en', { q: 'NEGOTIATIONS' })
    expect(english.ids).toEqual([en])
    expect(english.html).toContain('A <mark>negotiation</mark> in Geneva')
    const main = /<main[^>]*>(.*)<\/main>/s.exec(english.html)?.[1]
    expect(main).toBeTruthy()
    expect(main).not.toMatch(/[а-яё]{4,}/i)
    // An edition finds only its own stories.
    expect(await ids('переговоры')).toEqual([])
  })

  it('reads quoted phrases and minus words', async () => {
    const phrase = await story({ headline: 'A red fennec crossed the road', at: day(3) })
    const apart = await story({ headline: 'The fennec was red and tired', at: day(4) })
    expect(await ids('"red fennec"')).toEqual([phrase])
    expect((await ids('fennec red')).sort()).toEqual([phrase, apart].sort())
    expect(await ids('fennec -tired')).toEqual([phrase])
    expect(await ids('fennec -"red fennec"')).toEqual([apart])
    expect(await ids('-fennec')).toEqual([])
  })

  it('filters by section and by day, and refuses filters that name nothing', async () => {
    const world = await story({ headline: 'Walrus seen off the coast', at: day(10) })
    const money = await story({ headline: 'Walrus tourism pays', at: day(12), sectionId: economy })
    expect(await ids('walrus')).toEqual([money, world])
    expect(await ids('walrus', { section: 'economy' })).toEqual([money])
    expect(await ids('walrus', { section: 'world' })).toEqual([world])
    expect(await ids('walrus', { from: '2026-02-11' })).toEqual([money])
    expect(await ids('walrus', { to: '2026-02-10' })).toEqual([world])
    expect(await ids('walrus', { from: '2026-02-10', to: '2026-02-10' })).toEqual([world])
    const form = (await found('en', { q: 'walrus', section: 'economy', from: '2026-02-11' })).html
    expect(form).toMatch(/<option value="economy" selected>/)
    expect(form).toContain('value="2026-02-11"')

    for (const query of ['section=nowhere', 'from=2026-02-30', 'to=yesterday', 'page=0'])
      expect((await get(`/en/search?q=walrus&${query}`)).statusCode, query).toBe(400)
  })

  it('pages through many results, keeping the query and filters in the links', async () => {
    const made: number[] = []
    for (let i = 0; i < 25; i++)
      made.push(await story({ headline: `Pelican count ${i}`, at: new Date(day(5).getTime() + i) }))
    const first = await found('en', { q: 'pelican', section: 'world' })
    expect(first.ids).toHaveLength(20)
    expect(first.html).toContain('href="/en/search?q=pelican&amp;section=world&amp;page=2"')
    const second = await found('en', { q: 'pelican', section: 'world', page: '2' })
    expect(second.ids).toHaveLength(5)
    expect([...first.ids, ...second.ids].sort()).toEqual(made.sort())
    expect(second.html).toContain('rel="prev"')
    expect(second.html).not.toContain('rel="next"')
  })

  it('keeps the index in step: update reindexes, unpublish removes, drafts and embargoes wait', async () => {
    const id = await story({ headline: 'Ocelot returns to the zoo', body: 'An ocelot.' })
    expect(await ids('ocelot')).toEqual([id])
    await t.services.articles.update(id, {
      headline: 'Lynx returns to the zoo',
      body: doc(paragraph('A lynx.')),
    })
    expect(await ids('ocelot')).toEqual([])
    expect(await ids('lynx')).toEqual([id])

    await t.services.articles.unpublish(id)
    expect(await ids('lynx')).toEqual([])
    const indexed =
      dialect === 'sqlite'
        ? sql<{ n: number }>`select count(*) as n from article_search where rowid = ${id}`
        : sql<{
            n: number
          }>`select count(*)::int as n from articles where id = ${id} and search_vector is not null`
    expect((await indexed.execute(t.database.db)).rows[0]?.n).toBe(0)
    await t.services.articles.publish(id)
    expect(await ids('lynx')).toEqual([id])

    await story({ headline: 'Unicorn draft', publish: false })
    expect(await ids('unicorn')).toEqual([])

    const later = new Date(TEST_NOW.getTime() + 3_600_000)
    const embargoed = await story({ headline: 'Okapi embargoed', at: later })
    expect(await ids('okapi')).toEqual([])
    t.clock.set(new Date(later.getTime() + 1000))
    try {
      expect(await ids('okapi')).toEqual([embargoed])
    } finally {
      t.clock.set(TEST_NOW)
    }
  })

  it('answers garbage with results or nothing, never a server error', async () => {
    await story({ headline: 'Garbage collection strike ends', body: 'Near the harbour.' })
    const garbage = [
      '"unbalanced',
      'garbage"',
      'NEAR(garbage strike',
      'NEAR(',
      '*',
      '**',
      '-',
      '"',
      '""',
      'garbage AND OR NOT ^ : strike',
      'headline:garbage',
      '{headline}: garbage',
      '^garbage',
      'garbage*',
      "'; drop table articles; --",
      "garbage' or '1'='1",
      '%_\\',
      'garbage & strike | ! <-> :*',
      '\u0000garbage\u202e',
      '😀 garbage',
      'x'.repeat(200),
    ]
    for (const q of garbage) {
      const res = await get(`/en/search?q=${encodeURIComponent(q)}`)
      expect(res.statusCode, q).toBe(200)
      const suggest = await get(`/en/search/suggest?q=${encodeURIComponent(q)}`)
      expect(suggest.statusCode, q).toBe(200)
    }
    expect(await ids('"garbage collection')).toHaveLength(1)
    expect(await ids('garbage NEAR(')).toHaveLength(1)
    const long = 'garbage '.repeat(1300)
    expect((await get(`/en/search?q=${encodeURIComponent(long)}`)).statusCode).toBe(400)
    expect((await get(`/en/search/suggest?q=${encodeURIComponent(long)}`)).statusCode).toBe(400)
    expect((await get('/en/search?q=a&q=b')).statusCode).toBe(200)
    expect((await get('/xx/search?q=garbage')).statusCode).toBe(404)
  })

  it('escapes hostile text in results and in the query shown back', async () => {
    await story({
      headline: '<script>alert(1)</script> Kraken sighted',
      dek: '"Kraken" & <b>friends</b>',
      body: 'A kraken <img src=x onerror=alert(1)> in the bay.',
    })
    const page = await found('en', { q: '<kraken>&' })
    expect(page.ids).toHaveLength(1)
    expect(page.html).not.toContain('<script>alert')
    expect(page.html).not.toContain('<img src=x')
    expect(page.html).not.toContain('<kraken>')
    expect(page.html).toContain('&lt;script>alert(1)&lt;/script> <mark>Kraken</mark> sighted')
    expect(page.html).toContain('A <mark>kraken</mark> &lt;img src=x onerror=alert(1)> in the bay.')
    expect(page.html).toContain('value="&lt;kraken>&amp;"')
    expect(page.html).toContain('Results for “&lt;kraken>&amp;”')
  })

  it('suggests headlines as the reader types, and is never cached itself', async () => {
    const id = await story({ headline: 'Mongoose parade in the capital', at: day(11) })
    await story({ headline: 'Mongoose parade delayed', at: day(10), publish: false })
    const res = await get('/en/search/suggest?q=mongoose%20para')
    expect(res.statusCode).toBe(200)
    expect(res.headers['cache-control']).toBe('public, max-age=60')
    expect(res.json()).toEqual({
      suggestions: [
        {
          id,
          headline: 'Mongoose parade in the capital',
          url: `/en/world/20260211/story-${slugs - 1}-${id}`,
        },
      ],
    })
    expect((await get('/en/search/suggest?q=mongoose%20cap')).json().suggestions).toHaveLength(1)
    expect((await get('/en/search/suggest?q=')).json()).toEqual({ suggestions: [] })
    expect((await get('/xx/search/suggest?q=a')).statusCode).toBe(404)

    const page = await get('/en/search?q=mongoose')
    expect(page.headers['cache-control']).toBe('no-store')
    expect(t.pageCache.get('/en/search?q=mongoose')).toBeUndefined()
  })

  it('shows a search box on every page and a prompt on an empty search', async () => {
    for (const url of ['/en', '/en/world', '/ru', '/en/nowhere']) {
      const html = (await get(url)).body
      const code = url.split('/')[1]
      expect(html, url).toMatch(
        new RegExp(
          `<form class="site-search" role="search" method="get" action="/${code}/search">`,
        ),
      )
      expect(html, url).toContain('type="search" name="q"')
    }
    const empty = await found('en', {})
    expect(empty.html).toContain('Type the words you are looking for.')
    const none = await found('en', { q: 'xylophonist' })
    expect(none.html).toContain('No stories match “xylophonist”.')
  })
})
