// The Content API under /api/v1 on both dialects: keys made in the newsroom, the budget per key,
// every endpoint's answer, filters and fields, ETags, CORS, cursors that cannot be forged, and
// paging that neither repeats nor skips a story while the newsroom keeps publishing.
import cookie from '@fastify/cookie'
import Fastify from 'fastify'
import { afterEach, describe, expect, it } from 'vitest'
import { createTaxonomyRepository } from '../src/content/taxonomy.repository.ts'
import { createApiKeyRepository, createApiKeys } from '../src/discovery/api-keys.ts'
import { createContentApiRepository } from '../src/discovery/content-api.repository.ts'
import { apiSearch } from '../src/discovery/content-api.routes.ts'
import { type ContentApiDeps, contentApi } from '../src/discovery/content-api.ts'
import type { SearchService } from '../src/discovery/search.service.ts'
import { adminApi } from '../src/newsroom/admin-api.ts'
import { apiKeysRoutes } from '../src/newsroom/api-keys.routes.ts'
import { createAuditRepository } from '../src/newsroom/audit.repository.ts'
import { authRoutes } from '../src/newsroom/auth.routes.ts'
import { createSessionHttp } from '../src/newsroom/session.http.ts'
import { staffRoutes } from '../src/newsroom/staff.routes.ts'
import type { Dialect } from '../src/platform/db/dialect.ts'
import { joinAs, setUpOwner } from './admin-client.ts'
import { doc, newArticle, newsroom, paragraph } from './factories.ts'
import { DIALECTS, TEST_NOW, testApp } from './setup.ts'

type Options = Partial<Pick<ContentApiDeps, 'corsOrigins' | 'rateLimit' | 'search'>> & {
  /** The site's search, answered through apiSearch. */
  siteSearch?: Pick<SearchService, 'search'>
}

const minutes = (n: number) => new Date(TEST_NOW.getTime() - n * 60_000)

/**
 * The Content API and the Admin API's key routes mounted as src/main.ts mounts them, over the
 * services of a whole test app, on a server of their own: the options differ from test to test.
 */
async function contentApiApp(dialect: Dialect, { siteSearch, ...options }: Options = {}) {
  const t = await testApp(dialect)
  const { db } = t.database
  const { services } = t
  const keys = createApiKeys({
    db,
    keys: createApiKeyRepository(db),
    audit: createAuditRepository(db),
    clock: t.clock,
  })
  const app = Fastify()
  await app.register(cookie)
  const session = createSessionHttp({ staff: services.staff, publicUrl: t.config.publicUrl })
  await adminApi(app, {
    session,
    maxUploadBytes: 1024,
    routes: [
      authRoutes({ staff: services.staff, session }),
      staffRoutes({ staff: services.staff, audit: createAuditRepository(db) }),
      apiKeysRoutes({ keys }),
    ],
  })
  await contentApi(app, {
    keys,
    repository: createContentApiRepository(db),
    reading: services.reading,
    taxonomy: createTaxonomyRepository(db),
    catalogue: services.catalogue,
    urls: services.urls,
    clock: t.clock,
    publicUrl: t.config.publicUrl,
    corsOrigins: [],
    ...(siteSearch && {
      search: apiSearch(siteSearch, {
        catalogue: services.catalogue,
        urls: services.urls,
        publicUrl: t.config.publicUrl,
      }),
    }),
    ...options,
  })
  const owner = await setUpOwner(app, () => services.staff.setupLink())
  const room = await newsroom(services)

  const makeKey = async (name = 'Partner wire') => {
    const made = await owner.post('/api-keys', { name })
    if (made.status !== 201) throw new Error(`making a key failed: ${made.body}`)
    return made.json as { key: string; id: number; prefix: string }
  }
  const partner = await makeKey()
  const get = async (url: string, headers: Record<string, string> = {}) => {
    const response = await app.inject({
      method: 'GET',
      url: `/api/v1${url}`,
      headers: { authorization: `Bearer ${partner.key}`, ...headers },
    })
    return {
      status: response.statusCode,
      // biome-ignore lint/suspicious/noExplicitAny: tests read whatever the endpoint answered
      json: (response.body ? JSON.parse(response.body) : undefined) as any,
      body: response.body,
      headers: response.headers,
    }
  }
  return {
    ...t,
    api: app,
    owner,
    room,
    partner,
    makeKey,
    get,
    /** A story published at `at`, or now. */
    story: (input: Parameters<typeof newArticle>[2] = {}) => newArticle(services, room, input),
    async close() {
      await app.close()
      await t.close()
    },
  }
}

type ApiTest = Awaited<ReturnType<typeof contentApiApp>>

describe.each(DIALECTS)('Content API (%s)', (dialect) => {
  let t: ApiTest
  const open = async (options: Options = {}) => {
    t = await contentApiApp(dialect, options)
    return t
  }
  afterEach(async () => {
    await t?.close()
  })

  describe('keys', () => {
    it('are made, listed and revoked by admins, and shown once', async () => {
      await open()
      expect(t.partner.key).toMatch(/^dl_[A-Za-z0-9_-]{43}$/)
      expect(t.partner.prefix).toBe(t.partner.key.slice(0, 8))
      const list = await t.owner.get('/api-keys')
      expect(list.status).toBe(200)
      expect(list.json.items).toEqual([
        {
          id: t.partner.id,
          name: 'Partner wire',
          prefix: t.partner.prefix,
          createdBy: { id: expect.any(Number), name: 'Olga Owner' },
          createdAt: TEST_NOW.toISOString(),
          lastUsedAt: null,
          revokedAt: null,
        },
      ])
      expect(list.body).not.toContain(t.partner.key.slice(8))
      const stored = await t.database.db.selectFrom('api_keys').selectAll().execute()
      expect(JSON.stringify(stored)).not.toContain(t.partner.key.slice(8))

      expect((await t.owner.post('/api-keys', { name: '  ' })).json.error).toMatchObject({
        code: 'invalid_input',
        field: 'name',
      })
      const editor = await joinAs(t.api, t.owner, 'editor')
      expect((await editor.get('/api-keys')).status).toBe(403)
      expect((await editor.post('/api-keys', { name: 'Mine' })).status).toBe(403)
      expect((await editor.delete(`/api-keys/${t.partner.id}`)).status).toBe(403)
      expect((await t.owner.delete('/api-keys/99999')).status).toBe(404)
      expect((await t.owner.delete('/api-keys/abc')).status).toBe(400)
    })

    it('refuse requests without a key, with a malformed, unknown or revoked one: 401', async () => {
      await open()
      const missing = await t.get('/editions', { authorization: '' })
      expect(missing.status).toBe(401)
      expect(missing.json.error.code).toBe('unauthenticated')
      expect(missing.headers['www-authenticate']).toMatch(/^Bearer/)
      expect(missing.headers['cache-control']).toBe('no-store')

      for (const malformed of [
        'Bearer',
        'Bearer abc',
        'Basic dXNlcjpwYXNz',
        `Bearer ${t.partner.key}x`,
      ])
        expect((await t.get('/editions', { authorization: malformed })).status).toBe(401)
      expect(
        (
          await t.api.inject({
            url: '/api/v1/editions',
            headers: { 'x-api-key': 'dl_tooshort' },
          })
        ).statusCode,
      ).toBe(401)

      const unknown = await t.get('/editions', { authorization: `Bearer dl_${'A'.repeat(43)}` })
      expect(unknown.status).toBe(401)

      // Both ways of sending a key work while it is live.
      expect((await t.get('/editions')).status).toBe(200)
      const viaHeader = await t.api.inject({
        url: '/api/v1/editions',
        headers: { 'x-api-key': t.partner.key },
      })
      expect(viaHeader.statusCode).toBe(200)

      const revoked = await t.owner.delete(`/api-keys/${t.partner.id}`)
      expect(revoked.status).toBe(200)
      expect(revoked.json.revokedAt).toBe(TEST_NOW.toISOString())
      expect((await t.owner.delete(`/api-keys/${t.partner.id}`)).json.revokedAt).toBe(
        TEST_NOW.toISOString(),
      )
      const refused = await t.get('/editions')
      expect(refused.status).toBe(401)
      // Revoked and unknown read the same: the answer does not tell which keys once existed.
      expect(refused.json.error.message).toBe(unknown.json.error.message)
    })

    it('note when they were last used, at most once a minute', async () => {
      await open()
      const lastUsed = async () =>
        (await t.owner.get('/api-keys')).json.items[0].lastUsedAt as string | null
      expect(await lastUsed()).toBeNull()
      await t.get('/editions')
      expect(await lastUsed()).toBe(TEST_NOW.toISOString())
      t.clock.advance(30_000)
      await t.get('/editions')
      expect(await lastUsed()).toBe(TEST_NOW.toISOString())
      t.clock.advance(31_000)
      await t.get('/editions')
      expect(await lastUsed()).toBe(new Date(TEST_NOW.getTime() + 61_000).toISOString())
    })

    it('each have a request budget: 429 with retry-after beyond it', async () => {
      await open({ rateLimit: { max: 3, windowMs: 60_000 } })
      const remaining = []
      for (let i = 0; i < 3; i++) {
        const answer = await t.get('/editions')
        expect(answer.status).toBe(200)
        expect(answer.headers['x-ratelimit-limit']).toBe('3')
        remaining.push(answer.headers['x-ratelimit-remaining'])
      }
      expect(remaining).toEqual(['2', '1', '0'])
      const refused = await t.get('/editions')
      expect(refused.status).toBe(429)
      expect(refused.json.error.code).toBe('rate_limited')
      // One request's worth comes back every 20 s at 3 a minute.
      expect(refused.headers['retry-after']).toBe('20')
      expect(refused.headers['x-ratelimit-remaining']).toBe('0')

      // Another key has a budget of its own.
      const other = await t.makeKey('Another partner')
      expect((await t.get('/editions', { authorization: `Bearer ${other.key}` })).status).toBe(200)

      t.clock.advance(20_000)
      expect((await t.get('/editions')).status).toBe(200)
      expect((await t.get('/editions')).status).toBe(429)
    })
  })

  describe('endpoints', () => {
    it('list editions, sections, tags and authors', async () => {
      await open()
      const editions = await t.get('/editions')
      expect(editions.json.items).toEqual([
        {
          code: 'en',
          name: 'English',
          locale: 'en-GB',
          timeZone: 'Europe/London',
          direction: 'ltr',
          url: 'https://news.example.com/en',
        },
        expect.objectContaining({ code: 'ru', url: 'https://news.example.com/ru' }),
      ])
      expect((await t.get('/editions/en/sections')).json.items).toEqual([
        {
          id: t.room.world.id,
          slug: 'world',
          name: 'World',
          description: 'World: the latest news from every continent',
          parent: null,
          url: 'https://news.example.com/en/world',
        },
      ])
      expect((await t.get('/editions/xx/sections')).status).toBe(404)
      expect((await t.get('/tags?edition=en')).json.items).toEqual([
        { id: t.room.tag, slug: 'diplomacy', name: 'Diplomacy' },
      ])
      expect((await t.get('/tags?edition=en&q=dip')).json.items).toHaveLength(1)
      expect((await t.get('/tags?edition=en&q=zzz')).json.items).toEqual([])
      expect((await t.get('/tags?edition=ru')).json.items[0].name).toBe('Дипломатия')
      expect((await t.get('/tags')).status).toBe(400)
      expect((await t.get('/authors?edition=en')).json.items).toEqual([
        {
          id: t.room.author,
          slug: 'jane-doe',
          name: 'Jane Doe',
          bio: 'Diplomatic correspondent.',
          photo: null,
          url: 'https://news.example.com/en/authors/jane-doe',
        },
      ])
      expect((await t.get('/authors?edition=zz')).json.error).toMatchObject({
        code: 'invalid_input',
        field: 'edition',
      })
    })

    it('list public stories only, newest first, with their links and lead photo', async () => {
      await open()
      const older = await t.story({ at: minutes(10), headline: 'Older story' })
      const newer = await t.story({ at: minutes(5), headline: 'Newer story' })
      await t.story({ publish: false, headline: 'A draft' })
      await t.story({ at: new Date(TEST_NOW.getTime() + 3_600_000), headline: 'Embargoed' })
      const withdrawn = await t.story({ at: minutes(2), headline: 'Withdrawn' })
      await t.services.articles.unpublish(withdrawn)
      await t.story({ ru: true, at: minutes(1) })

      const list = await t.get('/articles?edition=en')
      expect(list.status).toBe(200)
      expect(list.json.nextCursor).toBeNull()
      expect(list.json.items.map((s: { id: number }) => s.id)).toEqual([newer, older])
      const [first] = list.json.items
      expect(first).toEqual({
        id: newer,
        edition: 'en',
        section: { id: t.room.world.id, slug: 'world', name: 'World' },
        slug: 'newer-story',
        url: `https://news.example.com/en/world/20260214/newer-story-${newer}`,
        headline: 'Newer story',
        dek: 'Both sides agreed to meet again next week.',
        datelinePlace: 'MOSCOW',
        source: '',
        breaking: false,
        publishedAt: minutes(5).toISOString(),
        updatedAt: TEST_NOW.toISOString(),
        lead: {
          id: t.room.photo,
          width: 1920,
          height: 1280,
          alt: 'Delegates walking into a hall',
          caption: 'Delegates arrive for the talks',
          credit: '© Dateline / Jane Doe',
          url: `https://news.example.com/media/${t.room.photo}/1280.jpg`,
          srcset: {
            avif: expect.stringContaining(
              `https://news.example.com/media/${t.room.photo}/320.avif 320w`,
            ),
            webp: expect.stringContaining('1920.webp 1920w'),
            jpg: expect.stringContaining('960.jpg 960w'),
          },
        },
        tags: [{ id: t.room.tag, slug: 'diplomacy', name: 'Diplomacy' }],
        authors: [{ id: t.room.author, slug: 'jane-doe', name: 'Jane Doe' }],
      })
      // Without an edition, every edition's stories.
      expect((await t.get('/articles')).json.items).toHaveLength(3)
    })

    it('filter by section, tag, author and time of change', async () => {
      await open()
      const { taxonomy } = t.services
      const europe = await taxonomy.createSection({
        editionId: t.room.en.id,
        slug: 'europe',
        name: 'Europe',
        description: 'Europe',
        parentId: t.room.world.id,
      })
      const economy = await taxonomy.createSection({
        editionId: t.room.en.id,
        slug: 'economy',
        name: 'Economy',
        description: 'Economy',
      })
      const trade = await taxonomy.createTag({
        editionId: t.room.en.id,
        slug: 'trade',
        name: 'Trade',
      })
      const john = await taxonomy.createAuthor({
        editionId: t.room.en.id,
        slug: 'john-roe',
        name: 'John Roe',
        bio: '',
      })
      const inWorld = await t.story({ at: minutes(50) })
      const inEurope = await t.story({ at: minutes(40), sectionId: europe, tagIds: [trade] })
      const inEconomy = await t.story({
        at: minutes(30),
        sectionId: economy,
        tagIds: [trade, t.room.tag],
        authorIds: [john],
      })
      const ids = async (query: string) =>
        (await t.get(`/articles?${query}`)).json.items.map((s: { id: number }) => s.id)

      // A section's list holds its subsections' stories, as its page does.
      expect(await ids('edition=en&section=world')).toEqual([inEurope, inWorld])
      expect(await ids('edition=en&section=europe')).toEqual([inEurope])
      expect(await ids('edition=en&tag=trade')).toEqual([inEconomy, inEurope])
      expect(await ids('edition=en&tag=diplomacy')).toEqual([inEconomy, inWorld])
      expect(await ids('edition=en&author=john-roe')).toEqual([inEconomy])
      expect(await ids('edition=en&author=jane-doe')).toEqual([inEurope, inWorld])
      expect(await ids('edition=en&tag=trade&author=jane-doe')).toEqual([inEurope])
      expect(await ids('edition=en&section=economy&tag=trade&author=john-roe')).toEqual([inEconomy])
      expect(await ids('edition=ru')).toEqual([])

      // Changed since a time: oldest change first, the sync order.
      t.clock.advance(60_000)
      await t.services.articles.update(inWorld, { dek: 'Changed.' })
      t.clock.advance(60_000)
      await t.services.articles.update(inEconomy, { dek: 'Changed too.' })
      const since = new Date(TEST_NOW.getTime() + 1).toISOString()
      expect(await ids(`edition=en&updatedSince=${since}`)).toEqual([inWorld, inEconomy])
      expect(
        await ids(`edition=en&updatedSince=${encodeURIComponent('2026-02-14T13:01:30+01:00')}`),
      ).toEqual([inEconomy])
      expect(await ids('edition=en&updatedSince=2026-02-15')).toEqual([])
      // A story scheduled ahead changes for a partner when it goes public, not when it was saved.
      const scheduled = await t.story({ at: new Date(TEST_NOW.getTime() + 3_600_000) })
      const later = new Date(TEST_NOW.getTime() + 1_800_000).toISOString()
      expect(await ids(`edition=en&updatedSince=${later}`)).toEqual([])
      t.clock.set(new Date(TEST_NOW.getTime() + 7_200_000))
      expect(await ids(`edition=en&updatedSince=${later}`)).toEqual([scheduled])

      for (const [query, field] of [
        ['section=world', 'section'],
        ['edition=en&section=nowhere', 'section'],
        ['edition=en&tag=nothing', 'tag'],
        ['edition=en&author=nobody', 'author'],
        ['edition=xx', 'edition'],
      ] as const) {
        const refused = await t.get(`/articles?${query}`)
        expect(refused.status, query).toBe(400)
        expect(refused.json.error.field, query).toBe(field)
      }
    })

    it('send only the fields asked for', async () => {
      await open()
      const id = await t.story({ at: minutes(1) })
      const list = await t.get('/articles?edition=en&fields=headline,url')
      expect(list.json.items).toEqual([
        { id, headline: 'Talks will go on, ministers say', url: expect.stringContaining(`-${id}`) },
      ])
      expect((await t.get('/articles?fields=id')).json.items).toEqual([{ id }])
      expect((await t.get(`/articles/${id}?fields=headline,body`)).json).toEqual({
        id,
        headline: 'Talks will go on, ministers say',
        body: { doc: expect.any(Object), html: expect.any(String) },
      })
      for (const fields of ['body', 'nope', 'headline,,url', 'headline,__proto__'])
        expect((await t.get(`/articles?fields=${fields}`)).json.error.field, fields).toBe('fields')
    })

    it('send one story with its body as a document and as HTML', async () => {
      await open()
      const other = await t.story({ at: minutes(20), headline: 'Earlier talks' })
      const id = await t.story({
        at: minutes(5),
        body: doc(
          paragraph('First <paragraph> & more.'),
          {
            type: 'figure',
            attrs: { mediaId: t.room.photo, caption: 'The hall', credit: '© Dateline' },
          },
          { type: 'relatedArticle', attrs: { articleId: other } },
        ),
        relatedIds: [other],
      })
      await t.services.articles.correct(id, 'An earlier version misspelt a name.')
      const story = await t.get(`/articles/${id}`)
      expect(story.status).toBe(200)
      expect(story.json.body.doc).toEqual(
        expect.objectContaining({ type: 'doc', content: expect.any(Array) }),
      )
      expect(story.json.body.doc.content[0]).toEqual(paragraph('First <paragraph> & more.'))
      const { html } = story.json.body
      expect(html).toContain('<p>First &lt;paragraph> &amp; more.</p>')
      expect(html).toContain(`src="https://news.example.com/media/${t.room.photo}/1280.jpg"`)
      expect(html).toContain('<span class="caption">The hall</span>')
      expect(html).toContain(
        `href="https://news.example.com/en/world/20260214/earlier-talks-${other}"`,
      )
      expect(html).toContain('Read also')
      expect(story.json.corrections).toEqual([
        { text: 'An earlier version misspelt a name.', createdAt: TEST_NOW.toISOString() },
      ])
      expect(story.json.related).toEqual([
        {
          id: other,
          edition: 'en',
          headline: 'Earlier talks',
          url: expect.stringContaining(`-${other}`),
          publishedAt: minutes(20).toISOString(),
        },
      ])
      expect(story.json.translations).toEqual([])

      const draft = await t.story({ publish: false })
      expect((await t.get(`/articles/${draft}`)).status).toBe(404)
      await t.services.articles.unpublish(id)
      const gone = await t.get(`/articles/${id}`)
      expect(gone.status).toBe(410)
      expect(gone.json.error.code).toBe('gone')
      expect((await t.get('/articles/999999')).status).toBe(404)
    })

    it('search through the search service, or say it is not there', async () => {
      await open()
      const missing = await t.get('/search?edition=en&q=talks')
      expect(missing.status).toBe(501)
      expect(missing.json.error.code).toBe('not_implemented')
      await t.close()

      const asked: unknown[] = []
      await open({
        search: async (query) => {
          asked.push(query)
          return { items: [], page: query.page, hasNext: false }
        },
      })
      const found = await t.get('/search?edition=ru&q=переговоры&page=2')
      expect(found.status).toBe(200)
      expect(found.json).toEqual({ items: [], page: 2, hasNext: false })
      expect(asked).toEqual([{ editionId: t.room.ru.id, q: 'переговоры', page: 2 }])
      expect((await t.get('/search?edition=en')).status).toBe(400)
      expect((await t.get('/search?edition=xx&q=a')).status).toBe(400)
      await t.close()

      // The site's search, its hits sent with absolute addresses and their matched words marked.
      let id = 0
      await open({
        siteSearch: {
          search: async (edition, text, options) => ({
            items: [
              {
                id,
                editionId: edition.id,
                sectionId: t.room.world.id,
                slug: 'talks-will-go-on',
                headline: 'Talks will go on',
                breaking: false,
                publishedAt: minutes(1),
                headlineParts: [
                  { text: 'Talks', match: true },
                  { text: ' will go on', match: false },
                ],
                snippet: [{ text: text, match: true }],
              },
            ],
            page: options.page,
            hasNext: false,
            query: { terms: [] },
          }),
        },
      })
      id = await t.story({ at: minutes(1) })
      expect((await t.get('/search?edition=en&q=talks')).json).toEqual({
        items: [
          {
            id,
            edition: 'en',
            headline: 'Talks will go on',
            url: `https://news.example.com/en/world/20260214/talks-will-go-on-${id}`,
            breaking: false,
            publishedAt: minutes(1).toISOString(),
            headlineParts: [
              { text: 'Talks', match: true },
              { text: ' will go on', match: false },
            ],
            snippet: [{ text: 'talks', match: true }],
          },
        ],
        page: 1,
        hasNext: false,
      })
    })

    it('describe themselves in an OpenAPI document, apart from the Admin API', async () => {
      await open()
      const document = await t.api.inject({ url: '/api/v1/openapi.json' })
      expect(document.statusCode).toBe(200)
      const openapi = document.json()
      expect(openapi.openapi).toMatch(/^3\./)
      expect(openapi.servers).toEqual([{ url: '/api/v1' }])
      expect(Object.keys(openapi.paths).sort()).toEqual([
        '/articles',
        '/articles/{id}',
        '/authors',
        '/editions',
        '/editions/{code}/sections',
        '/search',
        '/tags',
      ])
      // The Admin API keeps its own document, with its key routes and none of these.
      const admin = (await t.owner.get('/openapi.json')).json
      expect(Object.keys(admin.paths)).toContain('/api-keys')
      expect(Object.keys(admin.paths)).not.toContain('/editions/{code}/sections')
    })
  })

  describe('HTTP', () => {
    it('answers with a strong ETag and 304 when nothing changed', async () => {
      await open()
      await t.story({ at: minutes(1) })
      const first = await t.get('/articles?edition=en')
      const etag = first.headers.etag as string
      expect(etag).toMatch(/^"[A-Za-z0-9_-]{32}"$/)
      expect(first.headers['cache-control']).toBe('private, no-cache')
      expect((await t.get('/articles?edition=en')).headers.etag).toBe(etag)

      const unchanged = await t.get('/articles?edition=en', { 'if-none-match': etag })
      expect(unchanged.status).toBe(304)
      expect(unchanged.body).toBe('')
      expect(unchanged.headers.etag).toBe(etag)
      expect(
        (await t.get('/articles?edition=en', { 'if-none-match': `"x", W/${etag}` })).status,
      ).toBe(304)

      await t.story({ at: TEST_NOW, headline: 'Something new' })
      const changed = await t.get('/articles?edition=en', { 'if-none-match': etag })
      expect(changed.status).toBe(200)
      expect(changed.headers.etag).not.toBe(etag)
      // Errors are not kept or tagged.
      const error = await t.get('/articles?limit=0')
      expect(error.headers.etag).toBeUndefined()
      expect(error.headers['cache-control']).toBe('no-store')
    })

    it('allows configured origins only, and answers their preflight', async () => {
      await open({ corsOrigins: ['https://partner.example'] })
      const allowed = await t.get('/editions', { origin: 'https://partner.example' })
      expect(allowed.headers['access-control-allow-origin']).toBe('https://partner.example')
      expect(allowed.headers.vary).toMatch(/origin/i)
      expect(allowed.headers['access-control-expose-headers']).toContain('etag')
      const refusedKey = await t.get('/editions', {
        origin: 'https://partner.example',
        authorization: 'Bearer nope',
      })
      expect(refusedKey.status).toBe(401)
      expect(refusedKey.headers['access-control-allow-origin']).toBe('https://partner.example')

      const denied = await t.get('/editions', { origin: 'https://elsewhere.example' })
      expect(denied.status).toBe(200)
      expect(denied.headers['access-control-allow-origin']).toBeUndefined()
      expect(denied.headers.vary).toMatch(/origin/i)

      // A browser asks first, without the key.
      const preflight = await t.api.inject({
        method: 'OPTIONS',
        url: '/api/v1/articles?edition=en',
        headers: {
          origin: 'https://partner.example',
          'access-control-request-method': 'GET',
          'access-control-request-headers': 'authorization',
        },
      })
      expect(preflight.statusCode).toBe(204)
      expect(preflight.headers['access-control-allow-origin']).toBe('https://partner.example')
      expect(preflight.headers['access-control-allow-methods']).toContain('GET')
      expect(preflight.headers['access-control-allow-headers']).toContain('authorization')
      const deniedPreflight = await t.api.inject({
        method: 'OPTIONS',
        url: '/api/v1/articles',
        headers: { origin: 'https://elsewhere.example', 'access-control-request-method': 'GET' },
      })
      expect(deniedPreflight.headers['access-control-allow-origin']).toBeUndefined()
      expect(deniedPreflight.headers['access-control-allow-methods']).toBeUndefined()
      await t.close()

      await open({ corsOrigins: ['*'] })
      expect(
        (await t.get('/editions', { origin: 'https://any.example' })).headers[
          'access-control-allow-origin'
        ],
      ).toBe('https://any.example')
      await t.close()

      await open()
      const plain = await t.get('/editions', { origin: 'https://partner.example' })
      expect(plain.headers['access-control-allow-origin']).toBeUndefined()
      expect(plain.headers.vary).toBeUndefined()
    })

    it('refuses garbage parameters with 400, never a 500', async () => {
      await open()
      await t.story({ at: minutes(1) })
      for (const url of [
        '/articles?limit=abc',
        '/articles?limit=0',
        '/articles?limit=101',
        '/articles?limit=1.5',
        '/articles?limit=1&limit=2',
        '/articles?edition=EN',
        '/articles?edition=en&edition=ru',
        '/articles?edition=en&section=../x',
        `/articles?edition=en&tag=${'a'.repeat(500)}`,
        '/articles?updatedSince=yesterday',
        '/articles?updatedSince=2026-13-45T00:00:00Z',
        '/articles?updatedSince=2026-02-14T12:00:00',
        '/articles?sectoin=world',
        '/articles?__proto__=x',
        `/articles?cursor=${'x'.repeat(600)}`,
        '/articles/abc',
        '/articles/0',
        '/articles/99999999999',
        '/articles/1?fields=nope',
        '/editions?x=1',
        '/editions/EN!/sections',
        '/tags?edition=en&limit=-1',
        '/search?edition=en&q=',
      ]) {
        const answer = await t.get(url)
        expect(answer.status, url).toBe(400)
        expect(answer.json.error.code, url).toBe('invalid_input')
        expect(answer.json.error.message, url).toEqual(expect.any(String))
      }
      const unknown = await t.get('/nothing/here')
      expect(unknown.status).toBe(404)
      expect(unknown.json.error.code).toBe('not_found')
    })
  })

  describe('paging', () => {
    /** Walks a list to its end, calling `between` before each next page. */
    async function walk(url: string, between: (page: number) => Promise<void>) {
      const seen: number[] = []
      let cursor: string | null = null
      for (let page = 0; page < 50; page++) {
        const answer = await t.get(cursor ? `${url}&cursor=${encodeURIComponent(cursor)}` : url)
        expect(answer.status).toBe(200)
        seen.push(...answer.json.items.map((s: { id: number }) => s.id))
        cursor = answer.json.nextCursor
        if (!cursor) return seen
        await between(page)
      }
      throw new Error('the walk did not end')
    }

    it('neither repeats nor skips a story while new ones are published', async () => {
      await open()
      // Stories that exist when the walk starts, three of them filed at the very same minute.
      const existing: number[] = []
      for (let i = 12; i >= 1; i--) existing.unshift(await t.story({ at: minutes(i * 10) }))
      for (let i = 0; i < 3; i++) existing.unshift(await t.story({ at: minutes(5) }))
      const expected = (await t.get('/articles?edition=en&limit=100&fields=id')).json.items.map(
        (s: { id: number }) => s.id,
      )
      expect(expected).toHaveLength(15)

      // Why the order guarantees it: the list is ordered by (listed_at, id) descending and a page
      // starts strictly after the last (listed_at, id) seen, not at an offset. A story published
      // during the walk is listed at the time it is published, which is no earlier than any story
      // already there; at the same instant its id is higher, since ids grow. So it sorts before the
      // cursor and never moves the stories after it: those come each exactly once. (A story
      // back-dated behind the cursor would show up in a later page, but it is new, not repeated.)
      const published: number[] = []
      const seen = await walk('/articles?edition=en&limit=4&fields=id', async (page) => {
        t.clock.advance(1_000)
        published.push(await t.story({ headline: `Published during page ${page}` }))
        // Publishing at the same time as the next page is read, and one story at exactly the time
        // of a story already listed: ties are broken by id, so it sorts ahead of the cursor too.
        const [, tie] = await Promise.all([
          t.get('/editions'),
          t.story({ at: minutes(5), headline: 'Same minute as others' }),
        ])
        published.push(tie)
      })
      expect(published.length).toBeGreaterThanOrEqual(6)
      expect(new Set(seen).size).toBe(seen.length)
      expect(seen.filter((id) => existing.includes(id))).toEqual(expected)
      expect(seen.filter((id) => published.includes(id))).toEqual([])
    })

    it('in the sync order, brings each change once and new ones at the end', async () => {
      await open()
      // All written at TEST_NOW: the same updated_at, ordered by id.
      const existing: number[] = []
      for (let i = 0; i < 10; i++) existing.push(await t.story({ at: minutes(i + 1) }))
      const since = encodeURIComponent(minutes(60).toISOString())
      const published: number[] = []
      const seen = await walk(
        `/articles?edition=en&updatedSince=${since}&limit=3&fields=id`,
        async () => {
          // Same clock: the new story has the same updated_at as the others and a higher id;
          // either way it comes after the cursor, in a later page.
          published.push(await t.story({ headline: 'Published during the sync' }))
        },
      )
      expect(seen).toEqual([...existing, ...published])
    })

    it('refuses forged, tampered and borrowed cursors with 400', async () => {
      await open()
      for (let i = 1; i <= 3; i++) await t.story({ at: minutes(i) })
      const first = await t.get('/articles?edition=en&limit=1')
      const cursor = first.json.nextCursor as string
      expect(cursor).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/)
      expect((await t.get(`/articles?edition=en&limit=1&cursor=${cursor}`)).status).toBe(200)

      const [payload, signature] = cursor.split('.') as [string, string]
      const decoded = JSON.parse(Buffer.from(payload, 'base64url').toString())
      const edited = Buffer.from(
        JSON.stringify([decoded[0], decoded[1], decoded[2], decoded[3] + 1]),
      ).toString('base64url')
      const flipped = `${payload.slice(0, -1)}${payload.endsWith('A') ? 'B' : 'A'}`
      for (const bad of [
        'garbage',
        `${edited}.${signature}`,
        `${flipped}.${signature}`,
        `${payload}.${signature.slice(0, -2)}`,
        `${payload}.`,
        `${payload}.${signature}.x`,
        Buffer.from(JSON.stringify({ at: '2026-01-01T00:00:00Z', id: 1 })).toString('base64url'),
        '%00%ff',
      ]) {
        const answer = await t.get(`/articles?edition=en&limit=1&cursor=${encodeURIComponent(bad)}`)
        expect(answer.status, bad).toBe(400)
        expect(answer.json.error.field, bad).toBe('cursor')
      }
      // A genuine cursor, but from another list.
      const borrowed = await t.get(`/articles?edition=en&tag=diplomacy&limit=1&cursor=${cursor}`)
      expect(borrowed.status).toBe(400)
      expect(borrowed.json.error.message).toContain('another list')
    })
  })
})

describe.each(DIALECTS)('Content API as the app mounts it (%s)', (dialect) => {
  it('serves with keys made in the newsroom, and CORS from API_CORS_ORIGINS', async () => {
    const t = await testApp(dialect, { API_CORS_ORIGINS: 'https://partner.example' })
    try {
      const owner = await setUpOwner(t.app, () => t.services.staff.setupLink())
      await newsroom(t.services)
      const made = await owner.post('/api-keys', { name: 'Partner wire' })
      expect(made.status).toBe(201)
      const answer = await t.app.inject({
        url: '/api/v1/articles?edition=en',
        headers: { authorization: `Bearer ${made.json.key}`, origin: 'https://partner.example' },
      })
      expect(answer.statusCode).toBe(200)
      expect(answer.json()).toEqual({ items: [], nextCursor: null })
      expect(answer.headers['access-control-allow-origin']).toBe('https://partner.example')
      expect((await t.app.inject({ url: '/api/v1/editions' })).statusCode).toBe(401)
      // Two OpenAPI documents, one per API, each of its own routes.
      const content = (await t.app.inject({ url: '/api/v1/openapi.json' })).json()
      expect(Object.keys(content.paths)).toContain('/articles')
      expect(Object.keys(content.paths)).not.toContain('/api-keys')
      const admin = (await owner.get('/openapi.json')).json
      expect(Object.keys(admin.paths)).toContain('/api-keys')
      expect(Object.keys(admin.paths)).not.toContain('/editions/{code}/sections')
    } finally {
      await t.close()
    }
  })
})
