// The live newsfeed over real HTTP: new, updated and withdrawn stories, resume, and bad Last-Event-IDs.
import net from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { newArticle, newsroom } from './factories.ts'
import { DIALECTS, testApp } from './setup.ts'
import { openStream } from './sse-client.ts'

describe.each(DIALECTS)('newsfeed stream on %s', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>
  let room: Awaited<ReturnType<typeof newsroom>>
  let base: string
  beforeEach(async () => {
    t = await testApp(dialect)
    room = await newsroom(t.services)
    base = await t.app.listen({ port: 0, host: '127.0.0.1' })
  })
  afterEach(() => t.close())

  const story = (data: string) => JSON.parse(data) as Record<string, unknown>

  it('sends a published story, its update and its withdrawal to an open stream', async () => {
    const stream = await openStream(`${base}/en/newsfeed/stream`)
    expect(stream.response.headers.get('content-type')).toContain('text/event-stream')
    await new Promise((r) => setTimeout(r, 100))
    const id = await newArticle(t.services, room, {
      headline: 'Ceasefire agreed',
      slug: 'ceasefire',
    })
    const [published] = await stream.waitFor(1)
    expect(published!.event).toBe('story')
    expect(story(published!.data)).toMatchObject({
      kind: 'published',
      articleId: id,
      headline: 'Ceasefire agreed',
      url: `/en/world/20260214/ceasefire-${id}`,
      time: '12:00',
      breaking: false,
    })
    await t.services.articles.update(id, { headline: 'Ceasefire agreed after talks' })
    await t.services.articles.update(id, { breaking: true })
    await t.services.articles.unpublish(id)
    const events = await stream.waitFor(4)
    expect(events.map((e) => story(e.data).kind)).toEqual([
      'published',
      'updated',
      'breaking',
      'unpublished',
    ])
    expect(story(events[1]!.data).headline).toBe('Ceasefire agreed after talks')
    expect(story(events[2]!.data).breaking).toBe(true)
    expect(story(events[3]!.data).url).toBeUndefined()
    expect(new Set(events.map((e) => Number(e.id))).size).toBe(4)
    await stream.close()
  })

  it('does not send another edition its stories', async () => {
    const stream = await openStream(`${base}/ru/newsfeed/stream`)
    await new Promise((r) => setTimeout(r, 100))
    await newArticle(t.services, room, { headline: 'English only' })
    await newArticle(t.services, room, { ru: true, headline: 'Только по-русски' })
    const [only] = await stream.waitFor(1)
    expect(story(only!.data).headline).toBe('Только по-русски')
    await new Promise((r) => setTimeout(r, 200))
    expect(stream.events).toHaveLength(1)
    await stream.close()
  })

  it('replays what a reconnecting reader missed, in order, without repeats', async () => {
    const first = await newArticle(t.services, room, { headline: 'Seen before', slug: 'seen' })
    const json = await (await fetch(`${base}/en/newsfeed.json`)).json()
    expect(json.items[0]).toMatchObject({ articleId: first, headline: 'Seen before' })
    const seen = json.lastEventId as number
    await newArticle(t.services, room, { headline: 'Missed one', slug: 'missed-one' })
    await newArticle(t.services, room, { headline: 'Missed two', slug: 'missed-two' })
    const stream = await openStream(`${base}/en/newsfeed/stream`, { 'last-event-id': String(seen) })
    const events = await stream.waitFor(2)
    expect(events.map((e) => story(e.data).headline)).toEqual(['Missed one', 'Missed two'])
    await newArticle(t.services, room, { headline: 'Live one', slug: 'live-one' })
    await stream.waitFor(3)
    await new Promise((r) => setTimeout(r, 200))
    expect(stream.events.map((e) => story(e.data).headline)).toEqual([
      'Missed one',
      'Missed two',
      'Live one',
    ])
    await stream.close()
  })

  it('tells a reader too far behind to reload, and ignores a garbage Last-Event-ID', async () => {
    const id = await newArticle(t.services, room, { slug: 'busy' })
    for (let i = 0; i < 101; i++) await t.services.articles.update(id, { dek: `Update ${i}` })
    const behind = await openStream(`${base}/en/newsfeed/stream?lastEventId=0`)
    const [reload] = await behind.waitFor(1)
    expect(reload!.event).toBe('reload')
    await behind.close()

    for (const garbage of ['abc', '-5', '1e9', '9'.repeat(40), '<script>']) {
      const stream = await openStream(`${base}/en/newsfeed/stream`, { 'last-event-id': garbage })
      expect(stream.response.status).toBe(200)
      await stream.close()
    }
    expect((await fetch(`${base}/xx/newsfeed/stream`)).status).toBe(404)
  })

  it('stays up when a thousand readers connect and drop at once', async () => {
    const { port } = new URL(base)
    const sockets = Array.from({ length: 1000 }, () => {
      const socket = net.connect(Number(port), '127.0.0.1')
      socket.on('error', () => {})
      socket.write('GET /en/newsfeed/stream HTTP/1.1\r\nHost: x\r\nLast-Event-ID: 1\r\n\r\n')
      return socket
    })
    await new Promise((r) => setTimeout(r, 300))
    for (const socket of sockets) socket.destroy()
    await new Promise((r) => setTimeout(r, 300))
    expect((await fetch(`${base}/healthz`)).status).toBe(200)
    const stream = await openStream(`${base}/en/newsfeed/stream`)
    await new Promise((r) => setTimeout(r, 100))
    await newArticle(t.services, room, { headline: 'Still here' })
    expect(JSON.parse((await stream.waitFor(1))[0]!.data).headline).toBe('Still here')
    await stream.close()
  })

  it('shows the full newsfeed page with paging, and a banner for a breaking story', async () => {
    await newArticle(t.services, room, { headline: 'Quiet day' })
    await newArticle(t.services, room, { headline: 'Earthquake hits the coast', breaking: true })
    const page = await t.app.inject({ url: '/en/newsfeed' })
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('<h1>Newsfeed</h1>')
    expect(page.body).toContain('Quiet day')
    expect(page.body).toMatch(/class="breaking-banner"[^>]*>.*Earthquake hits the coast/)
    expect((await t.app.inject({ url: '/en/newsfeed?page=2' })).statusCode).toBe(404)
    expect((await t.app.inject({ url: '/en/newsfeed?page=x' })).statusCode).toBe(400)
  })
})
