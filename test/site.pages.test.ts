// Every reader page type, over HTTP, on every dialect: content, status codes, redirects, paging, bad input.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { doc, newArticle, newsroom, paragraph } from './factories.ts'
import { DIALECTS, testApp } from './setup.ts'

type Ctx = Awaited<ReturnType<typeof testApp>>

describe.each(DIALECTS)('reader pages on %s', (dialect) => {
  let t: Ctx
  let room: Awaited<ReturnType<typeof newsroom>>
  beforeEach(async () => {
    t = await testApp(dialect)
    room = await newsroom(t.services)
  })
  afterEach(() => t.close())

  const get = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, headers })

  it('sends / to the edition the reader prefers, else the default one', async () => {
    expect((await get('/')).headers.location).toBe('/en')
    expect(
      (await get('/', { 'accept-language': 'ru-RU,ru;q=0.9,en;q=0.8' })).headers.location,
    ).toBe('/ru')
    expect((await get('/', { 'accept-language': 'de-DE, fr;q=0.5' })).headers.location).toBe('/en')
    expect((await get('/', { 'accept-language': 'en;q=0.1, ru;q=0.9' })).headers.location).toBe(
      '/ru',
    )
  })

  it('shows the edition home with the top story, the latest and a block per section', async () => {
    await newArticle(t.services, room, {
      headline: 'First story',
      at: new Date('2026-02-14T08:00:00Z'),
    })
    await newArticle(t.services, room, {
      headline: 'Second story',
      at: new Date('2026-02-14T09:00:00Z'),
    })
    const res = await get('/en')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('text/html')
    expect(res.body).toContain('<html lang="en-GB" dir="ltr">')
    expect(res.body).toContain('Second story')
    expect(res.body).toContain('First story')
    expect(res.body).toContain('href="/en/world"')
    expect(res.body).toContain('Newsfeed')
    expect(res.body).toContain('hreflang="ru-RU"')
  })

  it('shows a section with its description, newest first', async () => {
    await newArticle(t.services, room, {
      headline: 'Older one',
      at: new Date('2026-02-13T08:00:00Z'),
    })
    await newArticle(t.services, room, {
      headline: 'Newer one',
      at: new Date('2026-02-14T08:00:00Z'),
    })
    const res = await get('/en/world')
    expect(res.statusCode).toBe(200)
    expect(res.body).toContain('World: the latest news from every continent')
    expect(res.body.indexOf('Newer one')).toBeLessThan(res.body.indexOf('Older one'))
  })

  it('shows an article with dateline, photo, byline, times in the edition zone, tags and related stories', async () => {
    const related = await newArticle(t.services, room, {
      headline: 'Earlier background',
      at: new Date('2026-02-10T08:00:00Z'),
    })
    const id = await newArticle(t.services, room, {
      headline: 'Kremlin says talks will go on',
      slug: 'kremlin-says-talks-will-go-on',
      source: 'Interfax',
      relatedIds: [related],
      at: new Date('2026-02-14T10:05:00Z'),
      body: doc(paragraph('Officials met on Friday.'), {
        type: 'relatedArticle',
        attrs: { articleId: related },
      }),
    })
    const res = await get(`/en/world/20260214/kremlin-says-talks-will-go-on-${id}`)
    expect(res.statusCode).toBe(200)
    const html = res.body
    expect(html).toContain('<h1 class="article__headline">Kremlin says talks will go on</h1>')
    expect(html).toContain('Both sides agreed to meet again next week.')
    expect(html).toContain('MOSCOW (Dateline) -')
    expect(html).toContain('Officials met on Friday.')
    expect(html).toContain('Delegates arrive for the talks')
    expect(html).toContain('© Dateline / Jane Doe')
    expect(html).toMatch(/srcset="[^"]*1920w/)
    expect(html).toContain('sizes=')
    expect(html).toContain('href="/en/authors/jane-doe"')
    expect(html).toContain('href="/en/tags/diplomacy"')
    expect(html).toContain('Source: Interfax')
    expect(html).toContain('14 February 2026 at 10:05')
    expect(html).toContain('Earlier background')
    expect(html).toContain(
      `<link rel="canonical" href="https://news.example.com/en/world/20260214/kremlin-says-talks-will-go-on-${id}"`,
    )
  })

  it('shows times in the edition time zone and the URL date of that zone', async () => {
    const id = await newArticle(t.services, room, {
      ru: true,
      slug: 'peregovory',
      at: new Date('2026-02-13T22:30:00Z'),
    })
    const res = await get(`/ru/world/20260214/peregovory-${id}`)
    expect(res.statusCode).toBe(200)
    expect(res.body).toContain('14 февраля 2026 г. в 01:30')
    expect(res.body).toContain('МОСКВА (Dateline) -')
  })

  it('links translations of one story with hreflang and the edition switcher', async () => {
    const en = await newArticle(t.services, room, {
      slug: 'talks',
      translationGroup: 'g1',
      at: new Date('2026-02-14T08:00:00Z'),
    })
    const ru = await newArticle(t.services, room, {
      ru: true,
      slug: 'peregovory',
      translationGroup: 'g1',
      at: new Date('2026-02-14T08:00:00Z'),
    })
    const res = await get(`/en/world/20260214/talks-${en}`)
    expect(res.body).toContain(
      `hreflang="ru-RU" href="https://news.example.com/ru/world/20260214/peregovory-${ru}"`,
    )
    expect(res.body).toContain(`href="/ru/world/20260214/peregovory-${ru}"`)
  })

  it('shows tag and author pages', async () => {
    await newArticle(t.services, room, {
      headline: 'Tagged story',
      at: new Date('2026-02-14T08:00:00Z'),
    })
    const tag = await get('/en/tags/diplomacy')
    expect(tag.statusCode).toBe(200)
    expect(tag.body).toContain('<h1>Diplomacy</h1>')
    expect(tag.body).toContain('Tagged story')
    const author = await get('/en/authors/jane-doe')
    expect(author.statusCode).toBe(200)
    expect(author.body).toContain('<h1>Jane Doe</h1>')
    expect(author.body).toContain('Diplomatic correspondent.')
    expect(author.body).toContain('Tagged story')
  })

  it('answers an old slug, a wrong date or a wrong section with a 301 to the canonical URL', async () => {
    const id = await newArticle(t.services, room, {
      slug: 'first-slug',
      at: new Date('2026-02-14T08:00:00Z'),
    })
    await t.services.articles.update(id, {
      headline: 'A better headline',
      slug: 'a-better-headline',
    })
    const canonical = `/en/world/20260214/a-better-headline-${id}`
    for (const old of [
      `/en/world/20260214/first-slug-${id}`,
      `/en/world/20260101/a-better-headline-${id}`,
      `/en/politics/20260214/a-better-headline-${id}`,
      `/en/world/20260214/${id}`,
    ]) {
      const res = await get(old)
      expect(res.statusCode, old).toBe(301)
      expect(res.headers.location).toBe(canonical)
    }
    expect((await get(canonical)).statusCode).toBe(200)
    const tracked = await get(`/en/world/20260214/first-slug-${id}?utm_source=wire`)
    expect(tracked.headers.location).toBe(`${canonical}?utm_source=wire`)
  })

  it('switches edition to the same section when the other edition has it', async () => {
    const res = await get('/en/world')
    expect(res.body).toContain('<a href="/ru/world" lang="ru-RU" hreflang="ru-RU">')
    expect(res.body).toContain(
      '<link rel="alternate" hreflang="ru-RU" href="https://news.example.com/ru/world"/>',
    )
  })

  it('refuses an edition in a language without UI strings', async () => {
    await expect(
      t.services.taxonomy.createEdition({
        code: 'de',
        name: 'Deutsch',
        locale: 'de-DE',
        timeZone: 'Europe/Berlin',
      }),
    ).rejects.toMatchObject({ code: 'invalid_input', field: 'locale' })
  })

  it('answers 410 for a withdrawn story and 404 for drafts, embargoed and unknown ones', async () => {
    const gone = await newArticle(t.services, room, {
      slug: 'withdrawn',
      at: new Date('2026-02-14T08:00:00Z'),
    })
    await t.services.articles.unpublish(gone)
    const res = await get(`/en/world/20260214/withdrawn-${gone}`)
    expect(res.statusCode).toBe(410)
    expect(res.body).toContain('This story has been withdrawn')
    expect(res.body).toContain('class="site-header"')

    const draft = await newArticle(t.services, room, { slug: 'draft', publish: false })
    expect((await get(`/en/world/20260214/draft-${draft}`)).statusCode).toBe(404)
    const embargoed = await newArticle(t.services, room, {
      slug: 'later',
      at: new Date('2026-02-15T08:00:00Z'),
    })
    expect((await get(`/en/world/20260215/later-${embargoed}`)).statusCode).toBe(404)
    // The embargo ends by itself: nothing but the clock moves.
    t.clock.set(new Date('2026-02-15T09:00:00Z'))
    expect((await get(`/en/world/20260215/later-${embargoed}`)).statusCode).toBe(200)
    expect((await get('/en/world/20260214/nothing-999999')).statusCode).toBe(404)
  })

  it('pages through a section and answers the edges', async () => {
    for (let i = 0; i < 45; i++)
      await newArticle(t.services, room, {
        headline: `Story number ${i}`,
        at: new Date(Date.UTC(2026, 1, 14, 0, i)),
      })
    const first = await get('/en/world')
    expect(first.body).toContain('Story number 44')
    expect(first.body).not.toContain('Story number 24<')
    expect(first.body).toContain('href="/en/world?page=2"')
    expect(first.body).not.toContain('rel="prev"')
    const third = await get('/en/world?page=3')
    expect(third.statusCode).toBe(200)
    expect(third.body).toContain('Story number 0<')
    expect(third.body).toContain('href="/en/world?page=2"')
    expect(third.body).not.toContain('rel="next"')
    expect((await get('/en/world?page=4')).statusCode).toBe(404)
  })

  it.each([
    ['/en/world?page=-1', 400],
    ['/en/world?page=abc', 400],
    ['/en/world?page=0', 400],
    ['/en/world?page=1.5', 400],
    ['/en/world?page=99999999', 400],
    ['/en/tags/diplomacy?page=abc', 400],
    ['/xx', 404],
    ['/xx/world', 404],
    ['/en/nowhere', 404],
    ['/en/WORLD', 404],
    ['/en/tags/%3Cscript%3E', 404],
    ['/en/authors/nobody', 404],
    ['/en/world/2026/slug-1', 404],
    ['/en/world/20260214/slug-abc', 404],
    ['/en/world/20260214/slug-99999999999999999999', 404],
    ['/en/LONG', 404],
    ['/en/world/20260214/LONG-1', 404],
    ['/en/world/20260214/%E0%A4%A', 400],
  ])('answers %s with %i in the site layout', async (url, status) => {
    const res = await get(url.replace('LONG', 'a'.repeat(5000)))
    expect(res.statusCode).toBe(status)
    expect(res.headers['content-type']).toContain('text/html')
    expect(res.body).toContain('class="site-header"')
    expect(res.body).not.toMatch(/at .*\.ts:\d+/)
  })

  it('shows error pages in the language of the edition in the address', async () => {
    const res = await get('/ru/nowhere')
    expect(res.statusCode).toBe(404)
    expect(res.body).toContain('Страница не найдена')
    expect(res.body).toContain('<html lang="ru-RU"')
    const bad = await get('/ru/world?page=abc')
    expect(bad.body).toContain('номер страницы')
  })

  it('reports health and readiness', async () => {
    expect((await get('/healthz')).json()).toEqual({ status: 'ok' })
    expect((await get('/readyz')).json()).toEqual({ status: 'ready' })
  })
})
