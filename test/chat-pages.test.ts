// The chat pages of the reader site on both databases: the rooms of an edition, a room's messages
// rendered read-only (escaped, paged, in the edition's language and time zone), their errors, the
// "Chats" navigation and the way from a story to its topic's room.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ChatIslandConfig } from '../src/chat/pages/island-config.ts'
import { newArticle, newsroom } from './factories.ts'
import { HOSTILE } from './hostile-corpus.ts'
import { confirmedReader, type ReaderClient } from './reader-client.ts'
import { DIALECTS, testApp } from './setup.ts'
import { type SmtpSink, startSmtpSink } from './smtp-sink.ts'

const STAFF = { kind: 'staff' as const, name: 'Desk Editor' }
const ISLAND = /<script type="module" src="(\/assets\/chat\.[0-9a-f]{12}\.js)"><\/script>/

/** The island's JSON, read back from its data attribute as a browser would. */
function islandConfig(html: string): ChatIslandConfig | undefined {
  const raw = /data-chat-island="([^"]*)"/.exec(html)?.[1]
  if (raw === undefined) return undefined
  const text = raw
    .replaceAll('&quot;', '"')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&')
  return JSON.parse(text) as ChatIslandConfig
}

/** Nothing a reader typed became markup: our island's script is the only one besides the site's. */
function expectInert(html: string) {
  const page = html
    .replace(ISLAND, '')
    .replaceAll(/<script src="\/assets\/live\.[0-9a-f]{12}\.js" defer(?:="")?><\/script>/g, '')
    .replaceAll(/data-chat-island="[^"]*"/g, '')
  expect(page).not.toContain('<script')
  expect(page).not.toContain('<img src=x')
  expect(page).not.toContain('<svg')
  expect(page).not.toContain('<iframe')
  expect(page).not.toMatch(/<[^>]*\s(?:onerror|onload|onmouseover|onfocus)=/i)
  expect(page).not.toMatch(/href="\s*javascript:/i)
}

describe.each(DIALECTS)('chat pages on %s', (dialect) => {
  let sink: SmtpSink
  let t: Awaited<ReturnType<typeof testApp>>
  let room: Awaited<ReturnType<typeof newsroom>>
  let alice: ReaderClient
  let bob: ReaderClient
  let chat: Awaited<ReturnType<typeof testApp>>['services']['chat']

  beforeAll(async () => {
    sink = await startSmtpSink()
    t = await testApp(dialect, { SMTP_URL: sink.url })
    room = await newsroom(t.services)
    chat = t.services.chat
    await chat.ensureGeneralRooms()
    alice = await confirmedReader(t, sink, 'Alice Reader')
    bob = await confirmedReader(t, sink, 'Bob Reader')
  })
  afterAll(async () => {
    await t?.close()
    await sink?.close()
  })

  /** Posts as `reader`, the clock moving on so the rate limits and slow mode never refuse. */
  const post = async (reader: ReaderClient, roomId: number, text: string, replyTo?: number) => {
    t.clock.advance(4_000)
    return chat.post(reader.id, roomId, { text, ...(replyTo && { replyTo }) }, { ip: '127.0.0.1' })
  }
  const general = async (code: 'en' | 'ru') => {
    const found = await chat.roomBySlug(room[code].id, 'general')
    if (!found) throw new Error(`no general room in ${code}`)
    return found
  }
  const get = (url: string) => t.app.inject({ url })

  it('lists the rooms, general first, with readers online, and keeps the page out of caches', async () => {
    await chat.create(STAFF, room.en.id, {
      name: 'Election night',
      slug: 'election-night',
      description: 'The count, as it happens.',
    })
    const gone = await chat.create(STAFF, room.en.id, { name: 'Old news', slug: 'old-news' })
    await chat.update(STAFF, gone.id, { archived: true })

    const en = await get('/en/chats')
    expect(en.statusCode).toBe(200)
    expect(en.headers['cache-control']).toBe('no-cache')
    expect(en.headers['surrogate-key']).toBeUndefined()
    expect(en.body).toContain('<h1>Chats</h1>')
    const names = [...en.body.matchAll(/class="chat-rooms__name"><a href="([^"]+)">/g)].map(
      (m) => m[1],
    )
    expect(names).toEqual(['/en/chats/general', '/en/chats/election-night'])
    expect(en.body).toContain('The count, as it happens.')
    expect(en.body).toContain('0 readers here now')
    expect(en.body).not.toContain('Old news')

    const ru = await get('/ru/chats')
    expect(ru.statusCode).toBe(200)
    expect(ru.body).toContain('<h1>Чаты</h1>')
    expect(ru.body).toContain('0 читателей здесь сейчас')
    expect(ru.body).toContain('href="/ru/chats/general"')
  })

  it('links "Chats" in the navigation of every edition', async () => {
    expect((await get('/en')).body).toContain('<a href="/en/chats">Chats</a>')
    expect((await get('/ru')).body).toContain('<a href="/ru/chats">Чаты</a>')
  })

  it('renders a room read-only: messages escaped, replies quoted, reactions counted, times zoned', async () => {
    const en = await general('en')
    const first = await post(alice, en.id, 'Polls close at ten.')
    const reply = await post(bob, en.id, 'And the count starts <b>at once</b>?', first.id)
    await chat.react(alice.id, reply.id, '👍', true)
    await chat.react(bob.id, first.id, '👍', true)
    const refused: string[] = []
    for (const { name, text } of HOSTILE)
      await post(alice, en.id, text).catch(() => refused.push(name))
    expect(refused.length).toBeLessThan(HOSTILE.length / 2)

    const page = await get('/en/chats/general')
    expect(page.statusCode).toBe(200)
    expect(page.headers['cache-control']).toBe('no-cache')
    expect(page.headers['surrogate-key']).toBeUndefined()
    expectInert(page.body)
    expect(page.body).toContain('&lt;script>alert(1)&lt;/script>')
    expect(page.body).toContain('In reply to Alice Reader')
    expect(page.body).toContain('<q dir="auto">Polls close at ten.</q>')
    expect(page.body).toContain('And the count starts &lt;b>at once&lt;/b>?')
    expect(page.body).toMatch(/👍 <span class="chat-reaction__count">1<\/span>/)
    // The messages were posted just after noon UTC: London shows 12:xx.
    expect(page.body).toMatch(
      /<time class="chat-message__time" datetime="[^"]+" title="[^"]+">12:0\d<\/time>/,
    )

    // The island gets the same messages, the room's addresses and its words as data.
    const config = islandConfig(page.body)!
    expect(config.room.id).toBe(en.id)
    expect(config.socketPath).toBe(`/chat/rooms/${en.id}/socket`)
    expect(config.messages.map((m) => m.id)).toEqual(
      (await chat.history(en.id, {})).messages.map((m) => m.id),
    )
    expect(config.messages.find((m) => m.id === reply.id)?.text).toBe(
      'And the count starts <b>at once</b>?',
    )
    expect(config.strings['chat.island.send']).toBe('Send')

    const ruRoom = await general('ru')
    await post(bob, ruRoom.id, 'Добрый вечер')
    const ru = await get('/ru/chats/general')
    expect(ru.body).toContain('Добрый вечер')
    // Moscow is three hours ahead of UTC.
    expect(ru.body).toMatch(/class="chat-message__time"[^>]*>15:0\d<\/time>/)
    expect(islandConfig(ru.body)!.strings['chat.island.send']).toBe('Отправить')
  })

  it('works with JavaScript off: the log, the way to log in, and the island as an enhancement', async () => {
    const page = await get('/en/chats/general')
    expect(page.body).toMatch(
      /<div class="chat-log chat-log--static" role="log" aria-label="Messages">/,
    )
    expect(page.body).toContain(
      '<a href="/en/account/login?next=%2Fen%2Fchats%2Fgeneral">Log in</a> or <a href="/en/account/register?next=%2Fen%2Fchats%2Fgeneral">register</a> to write.',
    )
    expect(page.body).toContain('<noscript>')
    const script = ISLAND.exec(page.body)?.[1]
    expect(script).toBeDefined()
    const asset = await get(script!)
    expect(asset.statusCode).toBe(200)
    expect(asset.headers['content-type']).toContain('text/javascript')
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable')
  })

  it('pages back through older messages with links, read-only', async () => {
    const topic = await chat.create(STAFF, room.en.id, { name: 'Long night', slug: 'long-night' })
    const ids: number[] = []
    for (let i = 1; i <= 60; i++)
      ids.push((await post(i % 2 ? alice : bob, topic.id, `Update ${i}`)).id)

    const latest = await get('/en/chats/long-night')
    const shown = islandConfig(latest.body)!.messages.map((m) => m.id)
    expect(shown).toEqual(ids.slice(10))
    expect(latest.body).toContain('Update 60')
    expect(latest.body).not.toContain('>Update 10<')
    const older =
      /<a href="(\/en\/chats\/long-night\?before=\d+)" rel="prev">Older messages<\/a>/.exec(
        latest.body,
      )?.[1]
    expect(older).toBe(`/en/chats/long-night?before=${ids[10]}`)

    const page = await get(older!)
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('>Update 1<')
    expect(page.body).toContain('>Update 10<')
    expect(page.body).not.toContain('>Update 11<')
    expect(page.body).not.toContain('Older messages')
    expect(page.body).toContain('<a href="/en/chats/long-night">Latest messages</a>')
    expect(page.body).not.toMatch(ISLAND)
    expect(islandConfig(page.body)).toBeUndefined()
  })

  it('shows an archived room read-only with a notice', async () => {
    const topic = await chat.create(STAFF, room.en.id, { name: 'Summit', slug: 'summit' })
    await post(alice, topic.id, 'The summit is over.')
    await chat.update(STAFF, topic.id, { archived: true })
    const page = await get('/en/chats/summit')
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('This chat is archived')
    expect(page.body).toContain('The summit is over.')
    expect(page.body).not.toContain('to write.')
    expect(page.body).not.toMatch(ISLAND)
  })

  it('answers unknown rooms with the 404 page and malformed addresses with the 400 page', async () => {
    for (const url of [
      '/en/chats/nowhere',
      '/en/chats/Bad_Slug',
      '/xx/chats',
      '/xx/chats/general',
    ]) {
      const res = await get(url)
      expect({ url, status: res.statusCode }).toEqual({ url, status: 404 })
      expect(res.body).toContain('Page not found')
    }
    expect((await get('/ru/chats/nowhere')).body).toContain('Страница не найдена')
    for (const before of ['abc', '0', '-1', '1.5', '99999999999', '', '1e3']) {
      const res = await get(`/en/chats/general?before=${before}`)
      expect({ before, status: res.statusCode }).toEqual({ before, status: 400 })
      expect(res.body).toContain('the message number is not valid')
    }
    expect((await get('/en/chats/general?before=1&before=2')).statusCode).toBe(404)
  })

  it('links a story to the topic rooms of its tags, and drops the kept page when the room is archived', async () => {
    const topic = await chat.create(STAFF, room.en.id, {
      name: 'Geneva talks',
      slug: 'geneva-talks',
      tagId: room.tag,
    })
    const story = await newArticle(t.services, room, { headline: 'Ministers meet in Geneva' })
    const path = t.services.urls.article((await t.services.reading.story(story))! as never)
    const link = '<a href="/en/chats/geneva-talks">Discuss in the chat: Geneva talks</a>'
    expect((await get(path)).body).toContain(link)
    // Kept in the page cache now; archiving the room must drop it there.
    expect((await get(path)).headers.etag).toBeDefined()
    await chat.update(STAFF, topic.id, { archived: true })
    expect((await get(path)).body).not.toContain('Discuss in the chat')
    // Another edition's story links to nothing.
    const ru = await newArticle(t.services, room, { ru: true, slug: 'peregovory' })
    const ruPath = t.services.urls.article((await t.services.reading.story(ru))! as never)
    expect((await get(ruPath)).body).not.toContain('chat-links')
  })
})
