// A page costs a fixed number of SQL queries, however long its lists grow (no N+1).
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { doc, newArticle, newsroom, paragraph } from './factories.ts'
import { DIALECTS, testApp } from './setup.ts'

describe.each(DIALECTS)('queries per page on %s', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>
  let room: Awaited<ReturnType<typeof newsroom>>
  beforeEach(async () => {
    t = await testApp(dialect)
    room = await newsroom(t.services)
  })
  afterEach(() => t.close())

  async function queriesFor(url: string) {
    const before = t.database.stats.queries
    const res = await t.app.inject({ url })
    expect(res.statusCode, url).toBe(200)
    return t.database.stats.queries - before
  }

  /** Adds `n` stories, each with two tags, two authors, a figure and related links to earlier ones. */
  async function grow(n: number, from: number) {
    const tag2 = await t.services.taxonomy.createTag({
      editionId: room.en.id,
      slug: `tag-${from}`,
      name: `Tag ${from}`,
    })
    const author2 = await t.services.taxonomy.createAuthor({
      editionId: room.en.id,
      slug: `author-${from}`,
      name: `Author ${from}`,
    })
    const ids: number[] = []
    for (let i = 0; i < n; i++) {
      ids.push(
        await newArticle(t.services, room, {
          headline: `Story ${from + i}`,
          slug: `story-${from + i}`,
          at: new Date(Date.UTC(2026, 1, 14, 0, from + i)),
          tagIds: [room.tag, tag2],
          authorIds: [room.author, author2],
          relatedIds: ids.slice(-3),
          body: doc(
            paragraph('Text.'),
            { type: 'figure', attrs: { mediaId: room.photo, caption: 'c', credit: 'r' } },
            ...ids.slice(-3).map((articleId) => ({ type: 'relatedArticle', attrs: { articleId } })),
          ),
        }),
      )
    }
    return ids
  }

  it('stays constant for every page type as lists grow', async () => {
    const small = await grow(4, 0)
    const pages = (last: number) => [
      '/en',
      '/en/world',
      '/en/tags/diplomacy',
      '/en/authors/jane-doe',
      `/en/world/20260214/story-${last}-${last + 1}`,
    ]
    const lastSmall = small.length - 1
    const before: number[] = []
    for (const url of pages(lastSmall)) before.push(await queriesFor(url))
    const large = await grow(36, 4)
    const lastLarge = large.length + small.length - 1
    // The newest story now has three related stories and three related cards in its body.
    for (const [i, url] of pages(lastLarge).entries()) {
      expect(await queriesFor(url), url).toBe(before[i])
    }
    expect(Math.max(...before)).toBeLessThanOrEqual(8)
  })
})
