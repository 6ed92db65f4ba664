// What search engines and social networks read from reader pages: JSON-LD parsed from the page and
// checked field by field, Open Graph and Twitter tags, hreflang, the cropped images and the logos.
import fs from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { doc, newArticle, newsroom, paragraph } from './factories.ts'
import { DIALECTS, testApp } from './setup.ts'

type Ctx = Awaited<ReturnType<typeof testApp>>
type Room = Awaited<ReturnType<typeof newsroom>>

const ORIGIN = 'https://news.example.com'
const PUBLISHED = new Date('2026-02-14T10:05:00Z')

const decode = (text: string) =>
  text
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&')

/** The page's JSON-LD objects, each parsed as a search engine would. */
function jsonLd(html: string): Record<string, unknown>[] {
  const scripts = [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)]
  return scripts.map((m) => JSON.parse(m[1]!))
}

const ofType = (html: string, type: string) => {
  const found = jsonLd(html).filter((o) => o['@type'] === type)
  expect(found, type).toHaveLength(1)
  return found[0]!
}

/** Every <meta property|name=... content=...> of the head, in order, as [key, content] pairs. */
function metaTags(html: string): [string, string][] {
  const head = html.slice(0, html.indexOf('</head>'))
  return [...head.matchAll(/<meta (?:property|name)="([^"]+)" content="([^"]*)"\/>/g)].map((m) => [
    m[1]!,
    decode(m[2]!),
  ])
}

const meta = (html: string, key: string) =>
  metaTags(html)
    .filter(([k]) => k === key)
    .map(([, content]) => content)

describe.each(DIALECTS)('structured data on %s', (dialect) => {
  let t: Ctx
  let room: Room
  beforeEach(async () => {
    t = await testApp(dialect)
    room = await newsroom(t.services)
  })
  afterEach(() => t.close())

  const get = (url: string) => t.app.inject({ url: url.replace(ORIGIN, '') })

  async function story(input: Parameters<typeof newArticle>[2] = {}) {
    const id = await newArticle(t.services, room, {
      headline: 'Kremlin says talks will go on',
      slug: 'kremlin-talks',
      at: PUBLISHED,
      ...input,
    })
    const url = `/en/world/20260214/${input.slug ?? 'kremlin-talks'}-${id}`
    const res = await get(url)
    expect(res.statusCode).toBe(200)
    return { id, url: ORIGIN + url, html: res.body }
  }

  it('describes a story as a NewsArticle, field by field', async () => {
    t.clock.set(new Date('2026-02-14T11:00:00Z'))
    const { url, html } = await story({ body: doc(paragraph('Officials met on Friday.')) })
    const article = ofType(html, 'NewsArticle')
    const crop = (ratio: string) =>
      `${ORIGIN}/media/${room.photo}/crop/${ratio}/1200.jpg?focus=500-500`
    expect(article).toEqual({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      mainEntityOfPage: { '@type': 'WebPage', '@id': url },
      url,
      headline: 'Kremlin says talks will go on',
      description: 'Both sides agreed to meet again next week.',
      image: [crop('16x9'), crop('4x3'), crop('1x1')],
      datePublished: '2026-02-14T10:05:00.000Z',
      dateModified: '2026-02-14T11:00:00.000Z',
      author: [{ '@type': 'Person', name: 'Jane Doe', url: `${ORIGIN}/en/authors/jane-doe` }],
      publisher: {
        '@type': 'Organization',
        '@id': `${ORIGIN}/#organization`,
        name: 'Dateline',
        url: `${ORIGIN}/`,
        logo: {
          '@type': 'ImageObject',
          url: `${ORIGIN}/assets/logo.png`,
          width: 600,
          height: 60,
        },
      },
      articleSection: 'World',
      keywords: ['Diplomacy'],
      dateline: 'MOSCOW',
      inLanguage: 'en-GB',
      isAccessibleForFree: true,
    })
  })

  it('gives a story its breadcrumbs: home, section, story', async () => {
    const { url, html } = await story()
    expect(ofType(html, 'BreadcrumbList')).toEqual({
      '@context': 'https://schema.org',
      '@type': 'BreadcrumbList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, name: 'Dateline', item: `${ORIGIN}/en` },
        { '@type': 'ListItem', position: 2, name: 'World', item: `${ORIGIN}/en/world` },
        { '@type': 'ListItem', position: 3, name: 'Kremlin says talks will go on', item: url },
      ],
    })
  })

  it('gives a story Open Graph and Twitter card tags', async () => {
    await newArticle(t.services, room, {
      ru: true,
      slug: 'peregovory',
      translationGroup: 'g1',
      at: PUBLISHED,
    })
    const { url, html } = await story({ translationGroup: 'g1' })
    const image = `${ORIGIN}/media/${room.photo}/crop/16x9/1200.jpg?focus=500-500`
    expect(Object.fromEntries(metaTags(html))).toMatchObject({
      'og:type': 'article',
      'og:site_name': 'Dateline',
      'og:title': 'Kremlin says talks will go on',
      'og:description': 'Both sides agreed to meet again next week.',
      'og:url': url,
      'og:locale': 'en_GB',
      'og:locale:alternate': 'ru_RU',
      'og:image': image,
      'og:image:width': '1200',
      'og:image:height': '675',
      'og:image:alt': 'Delegates walking into a hall',
      'article:published_time': '2026-02-14T10:05:00.000Z',
      'article:modified_time': '2026-02-14T12:00:00.000Z',
      'article:section': 'World',
      'article:author': `${ORIGIN}/en/authors/jane-doe`,
      'article:tag': 'Diplomacy',
      'twitter:card': 'summary_large_image',
      'twitter:title': 'Kremlin says talks will go on',
      'twitter:description': 'Both sides agreed to meet again next week.',
      'twitter:image': image,
    })
    expect(html).toContain(`<link rel="canonical" href="${url}"/>`)
    expect(html).toContain(`<link rel="alternate" hreflang="en-GB" href="${url}"/>`)
    expect(html).toMatch(
      /<link rel="alternate" hreflang="ru-RU" href="[^"]+\/ru\/world\/20260214\/peregovory-\d+"\/>/,
    )
  })

  it('lists every tag, and falls back to a small card without a photo', async () => {
    const extra = await t.services.taxonomy.createTag({
      editionId: room.en.id,
      slug: 'kremlin',
      name: 'Kremlin',
    })
    const { html } = await story({ leadMediaId: null, tagIds: [room.tag, extra] })
    expect(meta(html, 'article:tag')).toEqual(['Diplomacy', 'Kremlin'])
    expect(meta(html, 'twitter:card')).toEqual(['summary'])
    expect(meta(html, 'og:image')).toEqual([])
    expect(ofType(html, 'NewsArticle').image).toBeUndefined()
  })

  it('describes an edition home as the organisation and a website with its search', async () => {
    const res = await get('/en')
    const html = res.body
    expect(ofType(html, 'Organization')).toEqual({
      '@context': 'https://schema.org',
      '@type': 'Organization',
      '@id': `${ORIGIN}/#organization`,
      name: 'Dateline',
      url: `${ORIGIN}/`,
      logo: {
        '@type': 'ImageObject',
        url: `${ORIGIN}/assets/logo-square.png`,
        width: 512,
        height: 512,
      },
    })
    expect(ofType(html, 'WebSite')).toEqual({
      '@context': 'https://schema.org',
      '@type': 'WebSite',
      '@id': `${ORIGIN}/en#website`,
      name: 'Dateline',
      url: `${ORIGIN}/en`,
      inLanguage: 'en-GB',
      publisher: { '@id': `${ORIGIN}/#organization` },
      potentialAction: {
        '@type': 'SearchAction',
        target: {
          '@type': 'EntryPoint',
          urlTemplate: `${ORIGIN}/en/search?q={search_term_string}`,
        },
        'query-input': 'required name=search_term_string',
      },
    })
    expect(Object.fromEntries(metaTags(html))).toMatchObject({
      'og:type': 'website',
      'og:site_name': 'Dateline',
      'og:url': `${ORIGIN}/en`,
      'og:locale': 'en_GB',
      'og:locale:alternate': 'ru_RU',
      'twitter:card': 'summary',
    })
  })

  it("links the editions' homes to each other and to the root for other languages", async () => {
    for (const [code, other] of [
      ['en', 'ru'],
      ['ru', 'en'],
    ] as const) {
      const html = (await get(`/${code}`)).body
      const links = [
        ...html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"\/>/g),
      ]
      expect(Object.fromEntries(links.map((m) => [m[1], m[2]]))).toEqual({
        [room[code].locale]: `${ORIGIN}/${code}`,
        [room[other].locale]: `${ORIGIN}/${other}`,
        'x-default': `${ORIGIN}/`,
      })
    }
  })

  it('names the site as SITE_NAME says', async () => {
    const other = await testApp(dialect, { SITE_NAME: 'The Ledger' })
    try {
      await newsroom(other.services)
      const html = (await other.app.inject({ url: '/en' })).body
      expect(ofType(html, 'Organization').name).toBe('The Ledger')
      expect(meta(html, 'og:site_name')).toEqual(['The Ledger'])
    } finally {
      await other.close()
    }
  })

  it('keeps a hostile headline inside its JSON-LD script', async () => {
    const headline = '</script><script>alert(1)</script><!-- & "quoted" \u2028'
    const { html } = await story({ headline, dek: '</SCRIPT><img src=x onerror=alert(1)>' })
    // The only scripts are the two JSON-LD ones and the page's own.
    const scripts = [...html.matchAll(/<script\b[^>]*>/gi)].map((m) => m[0])
    expect(scripts.filter((s) => s.includes('ld+json'))).toHaveLength(2)
    expect(scripts.every((s) => s.includes('ld+json') || /src="\/assets\//.test(s))).toBe(true)
    for (const [, body] of html.matchAll(
      /<script type="application\/ld\+json">(.*?)<\/script>/gs,
    )) {
      expect(body).not.toMatch(/[<>&\u2028]/)
    }
    const article = ofType(html, 'NewsArticle')
    expect(article.headline).toBe(headline.replace('\u2028', '').trim())
    expect(article.description).toBe('</SCRIPT><img src=x onerror=alert(1)>')
    expect(meta(html, 'og:title')).toEqual([article.headline])
  })

  it('crops the lead photo to each shape around its focal point', async () => {
    const originals = path.join(t.config.dataDir, 'media', 'originals')
    fs.mkdirSync(originals, { recursive: true })
    // Red on the left half, blue on the right.
    const half = { width: 1200, height: 1200, channels: 3 as const }
    await sharp({ create: { ...half, width: 2400, background: '#0000ff' } })
      .composite([
        {
          input: await sharp({ create: { ...half, background: '#ff0000' } })
            .png()
            .toBuffer(),
          left: 0,
          top: 0,
        },
      ])
      .jpeg()
      .toFile(path.join(originals, 'halves.jpg'))
    const photo = await t.services.taxonomy.createMedia({
      file: 'originals/halves.jpg',
      mimeType: 'image/jpeg',
      width: 2400,
      height: 1200,
    })
    const crop = async (ratio: string, query = '') => {
      const res = await get(`/media/${photo}/crop/${ratio}/1200.jpg${query}`)
      expect(res.statusCode).toBe(200)
      expect(res.headers['content-type']).toBe('image/jpeg')
      const image = sharp(res.rawPayload)
      const { width, height } = await image.metadata()
      const { channels } = await image.stats()
      return { width, height, red: channels[0]!.mean, blue: channels[2]!.mean, res }
    }
    expect(await crop('16x9')).toMatchObject({ width: 1200, height: 675 })
    expect(await crop('4x3')).toMatchObject({ width: 1200, height: 900 })
    expect(await crop('1x1')).toMatchObject({ width: 1200, height: 1200 })

    await t.services.media.update(photo, { focalX: 0.1, focalY: 0.5 })
    const left = await crop('1x1', '?focus=100-500')
    expect(left.red).toBeGreaterThan(200)
    expect(left.blue).toBeLessThan(50)
    expect(left.res.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    await t.services.media.update(photo, { focalX: 0.9 })
    // The old address now shows the new crop, so it may not be kept for long.
    const right = await crop('1x1', '?focus=100-500')
    expect(right.blue).toBeGreaterThan(200)
    expect(right.res.headers['cache-control']).toBe('public, max-age=300')

    for (const bad of ['3x2/1200.jpg', '1x1/640.jpg', '1x1/1200.webp', '1x1/1200.jpg.exe'])
      expect((await get(`/media/${photo}/crop/${bad}`)).statusCode, bad).toBe(404)
    expect((await get(`/media/${room.photo}/crop/1x1/1200.jpg`)).statusCode).toBe(404)
  })

  it('serves the logos as PNG at the sizes the structured data gives', async () => {
    for (const [url, width, height] of [
      ['/assets/logo.png', 600, 60],
      ['/assets/logo-square.png', 512, 512],
    ] as const) {
      const res = await get(url)
      expect(res.statusCode).toBe(200)
      expect(res.headers['content-type']).toBe('image/png')
      expect(res.headers['cache-control']).toContain('public')
      expect(await sharp(res.rawPayload).metadata()).toMatchObject({ format: 'png', width, height })
    }
  })
})
