// Hostile strings in every field an editor types reach every page inertly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { doc, newArticle, newsroom } from './factories.ts'
import { DIALECTS, testApp } from './setup.ts'

const SCRIPT = '<script>alert(1)</script>'
const BREAKER = '"><img src=x onerror=alert(1)>'
const QUOTE = "' onmouseover='alert(1)"
const RLO = 'abc\u202Eevil\u202Cdef'
const HOSTILE = `${SCRIPT} ${BREAKER} ${QUOTE} ${RLO}`

function expectInert(page: string) {
  // Our own fingerprinted scripts (the live page, the comments) are the only ones a page may load;
  // JSON-LD scripts are data, and hold no character that could end or change their element.
  const html = page
    .replaceAll(
      /<script src="\/assets\/(?:live|comments)\.[0-9a-f]{12}\.js" defer(?:="")?><\/script>/g,
      '',
    )
    .replaceAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs, (_, json: string) => {
      expect(json).not.toMatch(/[<>&]/)
      JSON.parse(json)
      return ''
    })
  expect(html).not.toContain('<script')
  expect(html).not.toContain('<img src=x')
  expect(html).not.toMatch(/<[^>]*\sonerror=/i)
  expect(html).not.toMatch(/<[^>]*\sonmouseover=/i)
  expect(html).not.toContain('javascript:')
  expect(html).not.toContain('\u202E')
}

describe.each(DIALECTS)('hostile input on %s', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>
  const urls: string[] = []

  beforeAll(async () => {
    t = await testApp(dialect)
    const room = await newsroom(t.services)
    const { taxonomy } = t.services
    const section = await taxonomy.createSection({
      editionId: room.en.id,
      slug: 'hostile',
      name: HOSTILE,
      description: HOSTILE,
    })
    const tag = await taxonomy.createTag({
      editionId: room.en.id,
      slug: 'hostile-tag',
      name: HOSTILE,
    })
    const author = await taxonomy.createAuthor({
      editionId: room.en.id,
      slug: 'hostile-author',
      name: HOSTILE,
      bio: HOSTILE,
    })
    const photo = await taxonomy.createMedia({
      file: 'originals/x.jpg',
      mimeType: 'image/jpeg',
      width: 800,
      height: 600,
      caption: HOSTILE,
      credit: HOSTILE,
      alt: HOSTILE,
    })
    const other = await newArticle(t.services, room, {
      headline: HOSTILE,
      sectionId: section,
      slug: 'other',
    })
    const id = await newArticle(t.services, room, {
      sectionId: section,
      headline: HOSTILE,
      slug: 'hostile-story',
      dek: HOSTILE,
      datelinePlace: `${SCRIPT} ${RLO}`,
      source: HOSTILE,
      leadMediaId: photo,
      tagIds: [tag],
      authorIds: [author],
      relatedIds: [other],
      translationGroup: HOSTILE,
      body: doc(
        {
          type: 'paragraph',
          content: [{ type: 'text', text: HOSTILE, marks: [{ type: 'bold' }] }],
        },
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: HOSTILE }] },
        {
          type: 'paragraph',
          content: [
            {
              type: 'text',
              text: HOSTILE,
              marks: [{ type: 'link', attrs: { href: `https://example.org/?q=${BREAKER}` } }],
            },
          ],
        },
        { type: 'figure', attrs: { mediaId: photo, caption: HOSTILE, credit: HOSTILE } },
        {
          type: 'pullQuote',
          attrs: { attribution: HOSTILE },
          content: [{ type: 'text', text: HOSTILE }],
        },
        { type: 'relatedArticle', attrs: { articleId: other } },
        {
          type: 'embed',
          attrs: { url: `https://example.org/${encodeURIComponent(BREAKER)}`, title: HOSTILE },
        },
      ),
    })
    const story = await t.app.inject({ url: `/en/hostile` })
    const link = /href="(\/en\/hostile\/\d{8}\/hostile-story-\d+)"/.exec(story.body)?.[1]
    urls.push(
      '/en',
      '/en/hostile',
      '/en/tags/hostile-tag',
      '/en/authors/hostile-author',
      link ?? `missing-${id}`,
    )
  })
  afterAll(() => t.close())

  it('stores one-line fields without reordering controls', async () => {
    const res = await t.app.inject({ url: urls[4]! })
    expect(res.body).toContain('abcevildef')
  })

  it.each([0, 1, 2, 3, 4])('renders page %i inertly', async (i) => {
    const res = await t.app.inject({ url: urls[i]! })
    expect(res.statusCode).toBe(200)
    expectInert(res.body)
    expect(res.body).toContain('&lt;script>alert(1)&lt;/script>')
  })

  it('refuses javascript: links and unknown nodes with a 400-class error saying where', async () => {
    const room = { en: t.services.catalogue.edition('en')! }
    const section = t.services.catalogue.section(room.en.id, 'world')!
    await expect(
      t.services.articles.create({
        editionId: room.en.id,
        sectionId: section.id,
        headline: 'x',
        body: doc({
          type: 'paragraph',
          content: [
            {
              type: 'text',
              text: 'x',
              marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }],
            },
          ],
        }),
      }),
    ).rejects.toMatchObject({ code: 'invalid_body', field: expect.stringContaining('content[0]') })
    await expect(
      t.services.articles.create({
        editionId: room.en.id,
        sectionId: section.id,
        headline: 'x',
        body: doc({ type: 'script', content: [] }),
      }),
    ).rejects.toMatchObject({ code: 'invalid_body' })
  })
})
