// Two instances on one PostgreSQL and one Redis stay in step: streams, page caches, withdrawals,
// and a Redis outage in the middle.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../src/main.ts'
import { fixedClock } from '../src/platform/clock.ts'
import { loadConfig } from '../src/platform/config.ts'
import { openDatabase } from '../src/platform/db/database.ts'
import { newArticle, newsroom } from './factories.ts'
import { redisAvailable, startRedis } from './redis-server.ts'
import { DIALECTS, POSTGRES_URL, TEST_NOW, testDatabase } from './setup.ts'
import { openStream } from './sse-client.ts'

const ready = DIALECTS.includes('postgres') && redisAvailable

describe.skipIf(!ready)('two instances on PostgreSQL and Redis', () => {
  let redis: Awaited<ReturnType<typeof startRedis>>
  let shared: Awaited<ReturnType<typeof testDatabase>>
  let a: Awaited<ReturnType<typeof buildApp>>
  let b: Awaited<ReturnType<typeof buildApp>>
  let urlA: string
  let urlB: string
  const clocks = [fixedClock(TEST_NOW), fixedClock(TEST_NOW)]

  beforeAll(async () => {
    redis = await startRedis()
    shared = await testDatabase('postgres')
    const schema = (
      await shared.db
        .selectNoFrom((eb) => eb.fn<string>('current_schema').as('s'))
        .executeTakeFirstOrThrow()
    ).s
    const instance = async (clock: ReturnType<typeof fixedClock>) => {
      const config = loadConfig({
        DATA_DIR: shared.dataDir,
        PUBLIC_URL: 'https://news.example.com',
        LOG_LEVEL: 'silent',
        REDIS_URL: redis.url,
      })
      const database = openDatabase({ dialect: 'postgres', url: POSTGRES_URL, schema })
      return buildApp(config, { database, clock })
    }
    a = await instance(clocks[0]!)
    b = await instance(clocks[1]!)
    urlA = await a.app.listen({ port: 0, host: '127.0.0.1' })
    urlB = await b.app.listen({ port: 0, host: '127.0.0.1' })
  })
  afterAll(async () => {
    await a?.app.close()
    await b?.app.close()
    await shared?.dispose()
    await redis?.stop()
  })

  it('publishes through A to readers of B within a second, refreshes B, and withdraws through B on A', async () => {
    const room = await newsroom(a.services)
    await b.services.catalogue.reload()
    await newArticle(a.services, room, { headline: 'Before everything', slug: 'before' })
    // B renders and keeps its home page before the news.
    expect(await (await fetch(`${urlB}/en`)).text()).toContain('Before everything')

    const stream = await openStream(`${urlB}/en/newsfeed/stream`)
    await new Promise((r) => setTimeout(r, 200))
    const started = Date.now()
    const id = await newArticle(a.services, room, {
      headline: 'Cluster news',
      slug: 'cluster-news',
    })
    const [event] = await stream.waitFor(1, 1000)
    expect(Date.now() - started).toBeLessThan(1000)
    expect(JSON.parse(event!.data)).toMatchObject({
      kind: 'published',
      articleId: id,
      headline: 'Cluster news',
    })
    expect(await (await fetch(`${urlB}/en`)).text()).toContain('Cluster news')

    const url = `/en/world/20260214/cluster-news-${id}`
    expect((await fetch(`${urlA}${url}`)).status).toBe(200)
    await b.services.articles.unpublish(id)
    await stream.waitFor(2, 1000)
    expect((await fetch(`${urlA}${url}`)).status).toBe(410)
    await stream.close()
  })

  it('recovers the stream on B after Redis goes away and comes back', async () => {
    const room = {
      en: a.services.catalogue.edition('en')!,
      ru: a.services.catalogue.edition('ru')!,
      world: a.services.catalogue.section(a.services.catalogue.edition('en')!.id, 'world')!,
      mir: a.services.catalogue.section(a.services.catalogue.edition('ru')!.id, 'world')!,
    }
    const stream = await openStream(`${urlB}/en/newsfeed/stream`)
    await new Promise((r) => setTimeout(r, 200))
    await redis.stop()
    // Without Redis, both instances go on serving pages.
    expect((await fetch(`${urlA}/en/world`)).status).toBe(200)
    expect((await fetch(`${urlB}/ru`)).status).toBe(200)
    const during = await a.services.articles.create({
      editionId: room.en.id,
      sectionId: room.world.id,
      headline: 'Published while Redis was down',
      body: {
        type: 'doc',
        content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Text.' }] }],
      },
    })
    await a.services.articles.publish(during)
    await redis.start()
    const events = await stream.waitFor(1, 10_000)
    expect(JSON.parse(events[0]!.data)).toMatchObject({
      articleId: during,
      headline: 'Published while Redis was down',
    })
    // And B's pages, kept from before the outage, show it too.
    expect(await (await fetch(`${urlB}/en`)).text()).toContain('Published while Redis was down')
    await stream.close()
  })

  it('publishes a scheduled story once, whichever instance takes its job', async () => {
    const en = a.services.catalogue.edition('en')!
    const world = a.services.catalogue.section(en.id, 'world')!
    const body = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Text.' }] }],
    }
    const at = new Date(TEST_NOW.getTime() + 10 * 60_000)
    const ids: number[] = []
    for (let i = 0; i < 20; i++) {
      const id = await a.services.articles.create({
        editionId: en.id,
        sectionId: world.id,
        headline: `Embargoed ${i}`,
        body,
      })
      await a.services.articles.publish(id, at)
      ids.push(id)
    }
    const published: number[] = []
    b.bus.subscribe((event) => {
      if (event.type === 'story' && event.kind === 'published' && ids.includes(event.articleId))
        published.push(event.articleId)
    })
    for (const clock of clocks) clock.set(new Date(at.getTime() + 1000))
    // Both instances' runners race for the same due jobs.
    const [ranA, ranB] = await Promise.all([a.jobs.runDue(), b.jobs.runDue()])
    expect(ranA + ranB).toBe(20)
    await new Promise((r) => setTimeout(r, 300))
    expect(published.sort((x, y) => x - y)).toEqual(ids)
    const events = await shared.db
      .selectFrom('story_events')
      .select('article_id')
      .where('article_id', 'in', ids)
      .where('kind', '=', 'published')
      .execute()
    expect(events).toHaveLength(20)
    expect(await a.jobs.runDue()).toBe(0)
  })

  it('shows a section added through A on B at once', async () => {
    const en = a.services.catalogue.edition('en')!
    const id = await a.services.taxonomy.createSection({
      editionId: en.id,
      slug: 'sport',
      name: 'Sport',
    })
    await expect
      .poll(() => b.services.catalogue.sectionById(id)?.name, { timeout: 2000 })
      .toBe('Sport')
    expect((await fetch(`${urlB}/en/sport`)).status).toBe(200)
  })
})
