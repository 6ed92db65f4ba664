// Reading on at the end of a story, over HTTP, on every dialect: the link on the page, the fragment
// that appends the next story of the section, its depth limit, bad input, and the view report.
import Fastify, { type FastifyInstance } from 'fastify'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { nextStoryRoutes } from '../src/site/next-story.routes.tsx'
import { createViews, type Views } from '../src/site/views.ts'
import { newArticle, newsroom } from './factories.ts'
import { DIALECTS, testApp } from './setup.ts'

describe.each(DIALECTS)('next story on %s', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>
  let room: Awaited<ReturnType<typeof newsroom>>
  let stories: FastifyInstance
  let views: Views

  beforeEach(async () => {
    t = await testApp(dialect)
    room = await newsroom(t.services)
    views = createViews()
    // The routes on their own, over the app's services: they do not depend on how buildApp wires them.
    stories = Fastify()
    await nextStoryRoutes(stories, {
      reading: t.services.reading,
      catalogue: t.services.catalogue,
      urls: t.services.urls,
      clock: t.clock,
      views,
      siteName: t.config.siteName,
      publicUrl: t.config.publicUrl,
    })
  })
  afterEach(async () => {
    await stories.close()
    await t.close()
  })

  const at = (hour: number, minute = 0) => new Date(Date.UTC(2026, 1, 14, hour, minute))
  const story = (headline: string, when: Date, more: Parameters<typeof newArticle>[2] = {}) =>
    newArticle(t.services, room, { headline, slug: 'story', at: when, ...more })
  const urlOf = (id: number) => `/en/world/20260214/story-${id}`
  const fragment = (url: string) => stories.inject({ method: 'GET', url })
  const headlines = (html: string) =>
    [...html.matchAll(/<h1 class="article__headline">([^<]*)<\/h1>/g)].map((m) => m[1] ?? '')

  it('ends a story with a plain link to the next older one of its section', async () => {
    const older = await story('Older in the section', at(8))
    const opened = await story('The story read', at(10))
    const page = await t.app.inject({ url: urlOf(opened) })
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain(
      `<nav class="next-story" aria-label="Next story" data-fragment="/en/stories/${opened}/next?depth=1" data-depth="1">` +
        `<a href="${urlOf(older)}" rel="next">Next story: Older in the section</a></nav>`,
    )
    expect(page.body).toContain(`data-url="${urlOf(opened)}"`)
    expect(page.body).toContain('data-title="The story read · Dateline"')

    const oldest = await t.app.inject({ url: urlOf(older) })
    expect(oldest.statusCode).toBe(200)
    expect(oldest.body).not.toContain('class="next-story"')
  })

  it('orders stories filed at the very same time by id, without skipping or looping', async () => {
    const before = await story('Filed earlier', at(7))
    const same = [] as number[]
    for (const name of ['Tie one', 'Tie two', 'Tie three', 'Tie four'])
      same.push(await story(name, at(9)))
    const nextOf = async (id: number) =>
      /href="([^"]+)" rel="next"/.exec((await t.app.inject({ url: urlOf(id) })).body)?.[1]
    // Newest first means the highest id first among equal times, then down to the earlier story.
    expect(await nextOf(same[3]!)).toBe(urlOf(same[2]!))
    expect(await nextOf(same[1]!)).toBe(urlOf(same[0]!))
    expect(await nextOf(same[0]!)).toBe(urlOf(before))
  })

  it('speaks the edition language in the link', async () => {
    await newArticle(t.services, room, { ru: true, slug: 'ranshe', at: at(8) })
    const id = await newArticle(t.services, room, { ru: true, slug: 'pozzhe', at: at(9) })
    const page = await t.app.inject({ url: `/ru/world/20260214/pozzhe-${id}` })
    expect(page.body).toContain('aria-label="Следующий материал"')
    expect(page.body).toContain('>Следующий материал: Переговоры продолжатся</a>')
  })

  it('answers the next story as a fragment, with its own way on', async () => {
    const oldest = await story('Oldest', at(7))
    const middle = await story('Middle', at(8))
    const newest = await story('Newest', at(9))
    const res = await fragment(`/en/stories/${newest}/next?depth=1`)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(res.headers['cache-control']).toBe('public, max-age=30')
    expect(res.body).toMatch(/^<article class="article" /)
    expect(res.body).not.toContain('<html')
    expect(res.body).not.toContain('site-header')
    expect(res.body).toContain(`data-url="${urlOf(middle)}"`)
    expect(res.body).toContain('data-title="Middle · Dateline"')
    expect(res.body).toContain(`data-view="/en/stories/${middle}/view"`)
    expect(headlines(res.body)).toEqual(['Middle'])
    expect(res.body).toContain('MOSCOW (Dateline) -')
    expect(res.body).toMatch(
      new RegExp(
        `</article><nav class="next-story" [^>]*data-fragment="/en/stories/${middle}/next\\?depth=2" data-depth="2"><a href="${urlOf(oldest)}" rel="next">Next story: Oldest</a></nav>$`,
      ),
    )
    // The oldest story has nothing after it: no nav at all.
    const last = await fragment(`/en/stories/${middle}/next?depth=2`)
    expect(headlines(last.body)).toEqual(['Oldest'])
    expect(last.body).not.toContain('next-story')
  })

  it('walks the section from newer to older, leaving out other sections, editions and hidden stories', async () => {
    const politics = await t.services.taxonomy.createSection({
      editionId: room.en.id,
      slug: 'politics',
      name: 'Politics',
    })
    await story('Twin A', at(7))
    await story('Twin B', at(7))
    await story('Eight', at(8))
    await story('Other section', at(8, 30), { sectionId: politics })
    await newArticle(t.services, room, { ru: true, at: at(8, 45) })
    await story('Draft', at(8, 50), { publish: false })
    await story('Embargoed', new Date('2026-02-15T08:00:00Z'))
    const withdrawn = await story('Withdrawn', at(8, 55))
    await t.services.articles.unpublish(withdrawn)
    let id = await story('Nine', at(9))

    const read: string[] = []
    for (let depth = 1; ; depth++) {
      const res = await fragment(`/en/stories/${id}/next?depth=${depth}`)
      if (res.statusCode === 404) break
      expect(res.statusCode).toBe(200)
      read.push(...headlines(res.body))
      id = Number(/data-view="\/en\/stories\/(\d+)\/view"/.exec(res.body)![1])
    }
    // Stories published at the same moment follow the lists' order: the later id first.
    expect(read).toEqual(['Eight', 'Twin B', 'Twin A'])
  })

  it('appends ten stories, then leaves only the link onward', async () => {
    const ids: number[] = []
    for (let i = 0; i < 12; i++) ids.unshift(await story(`Story ${i}`, at(i)))
    // ids[0] is the newest; the story appended at depth d is ids[d].
    for (let depth = 1; depth <= 10; depth++) {
      const res = await fragment(`/en/stories/${ids[depth - 1]}/next?depth=${depth}`)
      expect(res.statusCode, `depth ${depth}`).toBe(200)
      expect(headlines(res.body)).toEqual([`Story ${11 - depth}`])
      if (depth < 10)
        expect(res.body).toContain(
          `data-fragment="/en/stories/${ids[depth]}/next?depth=${depth + 1}"`,
        )
    }
    const tenth = await fragment(`/en/stories/${ids[9]}/next?depth=10`)
    expect(tenth.body).toContain(
      `<nav class="next-story" aria-label="Next story"><a href="${urlOf(ids[11]!)}" rel="next">Next story: Story 0</a></nav>`,
    )
    expect(tenth.body).not.toContain('data-fragment')
    expect((await fragment(`/en/stories/${ids[10]}/next?depth=11`)).statusCode).toBe(400)
  })

  it('answers bad or unknown addresses with a short 400 or 404, never a 500', async () => {
    const older = await story('Older', at(8))
    const newer = await story('Newer', at(9))
    const draft = await story('Draft', at(9), { publish: false })
    await newArticle(t.services, room, { ru: true, at: at(8) })
    const ruNewer = await newArticle(t.services, room, { ru: true, at: at(9) })
    const cases: [string, number][] = [
      [`/en/stories/${newer}/next?depth=1`, 200],
      [`/en/stories/${newer}/next?depth=10`, 200],
      [`/xx/stories/${newer}/next?depth=1`, 404],
      [`/en/stories/abc/next?depth=1`, 400],
      [`/en/stories/0/next?depth=1`, 400],
      [`/en/stories/-1/next?depth=1`, 400],
      [`/en/stories/2147483648/next?depth=1`, 400],
      [`/en/stories/99999999999999999999/next?depth=1`, 400],
      [`/en/stories/${newer}/next`, 400],
      [`/en/stories/${newer}/next?depth=0`, 400],
      [`/en/stories/${newer}/next?depth=11`, 400],
      [`/en/stories/${newer}/next?depth=1.5`, 400],
      [`/en/stories/${newer}/next?depth=abc`, 400],
      [`/en/stories/${newer}/next?depth=1&depth=2`, 400],
      [`/en/stories/2147483647/next?depth=1`, 404],
      [`/en/stories/${older}/next?depth=1`, 404],
      [`/en/stories/${draft}/next?depth=1`, 404],
      [`/en/stories/${ruNewer}/next?depth=1`, 404],
      [`/ru/stories/${newer}/next?depth=1`, 404],
    ]
    for (const [url, status] of cases) {
      const res = await fragment(url)
      expect(res.statusCode, url).toBe(status)
      if (status !== 200) {
        expect(res.headers['content-type'], url).toBe('text/plain; charset=utf-8')
        expect(res.headers['cache-control'], url).toBe('no-store')
        expect(res.body.length, url).toBeLessThan(40)
      }
    }
  })

  it('counts each reported view of a story readers can see', async () => {
    const id = await story('Read on', at(9))
    const draft = await story('Draft', at(9), { publish: false })
    const view = (url: string) => stories.inject({ method: 'POST', url })
    expect((await view(`/en/stories/${id}/view`)).statusCode).toBe(204)
    expect((await view(`/en/stories/${id}/view`)).statusCode).toBe(204)
    expect(views.count(id)).toBe(2)
    for (const [url, status] of [
      ['/en/stories/abc/view', 400],
      ['/en/stories/2147483648/view', 400],
      ['/xx/stories/1/view', 404],
      [`/ru/stories/${id}/view`, 404],
      [`/en/stories/${draft}/view`, 404],
      ['/en/stories/999999/view', 404],
    ] as const) {
      expect((await view(url)).statusCode, url).toBe(status)
    }
    expect(views.count(id)).toBe(2)
    expect(views.count(draft)).toBe(0)
  })
})
