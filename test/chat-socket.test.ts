// Chat rooms over real WebSockets on both databases: reading as a guest, writing, replies,
// reactions, deleting, slow mode, mutes and bans, the abuse limits, hostile text, bad frames and
// upgrades, and resuming after a dropped connection without losing or repeating a message.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { ChatService } from '../src/chat/chat.service.ts'
import type { ChatActor } from '../src/chat/chat.types.ts'
import { cleanComment } from '../src/community/comment-text.ts'
import {
  type ChatClient,
  type ChatReader,
  chatReader,
  openChat,
  upgradeStatus,
} from './chat-client.ts'
import { newsroom } from './factories.ts'
import { HOSTILE } from './hostile-corpus.ts'
import { DIALECTS, testApp } from './setup.ts'
import { type SmtpSink, startSmtpSink } from './smtp-sink.ts'

const STAFF: ChatActor = { kind: 'staff', name: 'Olga Owner' }

describe.each(DIALECTS)('chat sockets on %s', (dialect) => {
  let sink: SmtpSink
  let t: Awaited<ReturnType<typeof testApp>>
  let chat: ChatService
  let base: string
  let editionId: number
  let alice: ChatReader
  let bob: ChatReader
  let mod: ChatReader
  let carol: ChatReader
  let dave: ChatReader
  let roomId: number
  const open: ChatClient[] = []
  let rooms = 0

  beforeAll(async () => {
    sink = await startSmtpSink()
    t = await testApp(dialect, { SMTP_URL: sink.url })
    const room = await newsroom(t.services)
    editionId = room.en.id
    chat = t.services.chat
    base = await t.app.listen({ port: 0, host: '127.0.0.1' })
    alice = await chatReader(t, sink, 'Alice Reader')
    bob = await chatReader(t, sink, 'Bob Reader')
    mod = await chatReader(t, sink, 'Moderator Mia')
    carol = await chatReader(t, sink, 'Carol Reader')
    dave = await chatReader(t, sink, 'Dave Reader')
  })
  afterAll(async () => {
    for (const client of open) await client.close()
    await t?.close()
    await sink?.close()
  })
  beforeEach(async () => {
    for (const client of open.splice(0)) await client.close()
    // Each test starts in a room of its own with every rate limit's window over.
    t.clock.advance(61 * 60_000)
    const room = await chat.create(STAFF, editionId, { name: `Room ${++rooms}` })
    roomId = room.id
    await chat.addMember(STAFF, 'chat_room_moderators', roomId, mod.email)
  })

  const join = async (reader?: ChatReader, after?: number) => {
    const client = await openChat({ base, roomId, cookie: reader?.cookie, after })
    open.push(client)
    await client.next('hello')
    return client
  }
  let nonces = 0
  /** Sends a message and waits for its answer: the ack, or the error. */
  const say = async (client: ChatClient, text: string, replyTo?: number) => {
    const nonce = `n${++nonces}`
    client.send({ type: 'send', nonce, text, ...(replyTo && { replyTo }) })
    const answer = await Promise.race([
      client.next('ack', (f) => f.nonce === nonce),
      client.next('error', (f) => f.nonce === nonce),
    ])
    return answer
  }
  const posted = async (client: ChatClient, text: string, replyTo?: number) => {
    const answer = await say(client, text, replyTo)
    if (answer.type !== 'ack') throw new Error(`refused: ${JSON.stringify(answer)}`)
    return answer.messageId
  }

  it('lets a guest read but not write, and shows writers their standing', async () => {
    const guest = await join()
    expect(guest.frames[0]).toEqual({
      type: 'hello',
      room: { id: roomId, name: `Room ${rooms}`, slowModeSeconds: 0, archived: false },
      me: null,
      online: 1,
      resumed: false,
      myReactions: [],
    })
    expect(await say(guest, 'Hello')).toMatchObject({
      type: 'error',
      code: 'not_allowed',
      message: 'Log in to write in the chat.',
    })
    const writer = await join(alice)
    expect(writer.frames[0]).toMatchObject({
      me: { id: alice.id, name: 'Alice Reader', moderator: false, canWrite: true },
    })
    const id = await posted(writer, 'Good morning')
    const seen = await guest.next('message', (f) => f.message.id === id)
    expect(seen.message).toMatchObject({
      roomId,
      author: { id: alice.id, name: 'Alice Reader' },
      text: 'Good morning',
      replyTo: null,
      reactions: {},
    })
    expect((await join(mod)).frames[0]).toMatchObject({ me: { moderator: true, canWrite: true } })
    await guest.next('presence', (f) => f.online === 3)
    // A reader's second tab is the same reader; a second guest is another one.
    const tab = await join(alice)
    expect(tab.frames[0]).toMatchObject({ online: 3 })
    await join()
    await guest.next('presence', (f) => f.online === 4)
  })

  it('broadcasts messages, quoted replies, reactions and deletions to the whole room', async () => {
    const a = await join(alice)
    const b = await join(bob)
    const first = await posted(a, 'The talks resume today.')
    await b.next('message', (f) => f.message.id === first)
    const reply = await posted(b, 'Finally!', first)
    const quoted = await a.next('message', (f) => f.message.id === reply)
    expect(quoted.message.replyTo).toEqual({
      id: first,
      author: 'Alice Reader',
      excerpt: 'The talks resume today.',
      deleted: false,
    })

    b.send({ type: 'react', messageId: first, emoji: '👍' })
    expect((await a.next('reactions')).reactions).toEqual({ '👍': 1 })
    a.send({ type: 'react', messageId: first, emoji: '👍' })
    await b.next('reactions', (f) => f.reactions['👍'] === 2)
    b.send({ type: 'unreact', messageId: first, emoji: '👍' })
    await a.next('reactions', (f) => f.reactions['👍'] === 1)
    b.send({ type: 'react', messageId: first, emoji: '🤡' })
    expect(await b.next('error')).toMatchObject({ code: 'invalid' })
    // Coming back, a reader is told which reactions are theirs.
    const again = await join(alice)
    expect(again.frames[0]).toMatchObject({ type: 'hello', myReactions: [`${first} 👍`] })
    await again.close()

    b.send({ type: 'delete', messageId: first })
    expect(await b.next('error', (f) => f.code === 'not_allowed')).toMatchObject({
      message: 'You cannot do that in this chat.',
    })
    a.send({ type: 'delete', messageId: first })
    expect(await b.next('deleted')).toEqual({ type: 'deleted', messageId: first })
    const history = await chat.history(roomId, {})
    expect(history.messages.map((m) => m.id)).toEqual([reply])
    expect(history.messages[0]?.replyTo).toEqual({
      id: first,
      author: '',
      excerpt: '',
      deleted: true,
    })
    expect(history.messages[0]?.reactions).toEqual({})
    expect(await say(b, 'Reply to nothing', first)).toMatchObject({ code: 'not_found' })
  })

  it('lets a moderator delete any message, logged', async () => {
    const a = await join(alice)
    const m = await join(mod)
    const id = await posted(a, 'Something rude')
    m.send({ type: 'delete', messageId: id })
    await a.next('deleted', (f) => f.messageId === id)
    expect(await chat.log(roomId, { limit: 10 })).toContainEqual(
      expect.objectContaining({
        action: 'delete',
        actorName: 'Moderator Mia',
        actorKind: 'reader',
        messageId: id,
        readerId: alice.id,
        detail: 'Something rude',
      }),
    )
  })

  it('turns slow mode on for everyone but the moderators, at once', async () => {
    const a = await join(alice)
    const m = await join(mod)
    m.send({ type: 'slowMode', seconds: 30 })
    expect((await a.next('room')).room.slowModeSeconds).toBe(30)
    await posted(a, 'One')
    expect(await say(a, 'Two')).toMatchObject({
      code: 'slow_mode',
      retryAfter: 30,
      message: 'Slow mode is on. You can write again in 30 s.',
    })
    await posted(m, 'Moderators are not slowed')
    await posted(m, 'down')
    t.clock.advance(30_000)
    await posted(a, 'Two')
    a.send({ type: 'slowMode', seconds: 0 })
    await a.next('error', (f) => f.code === 'not_allowed')
    expect((await chat.log(roomId, { limit: 10 }))[0]).toMatchObject({
      action: 'slow_mode',
      detail: '30 s',
    })
  })

  it('mutes a reader with a clear reason and the time it ends, and lifts it', async () => {
    const a = await join(alice)
    const m = await join(mod)
    m.send({ type: 'mute', readerId: alice.id, minutes: 10, reason: 'Calm down' })
    const told = await a.next('error', (f) => f.code === 'muted')
    const until = new Date(t.clock.now().getTime() + 10 * 60_000)
    const time = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/London',
      dateStyle: 'long',
      timeStyle: 'short',
    }).format(until)
    expect(told.message).toBe(`You cannot write in this chat until ${time}. Reason: Calm down`)
    expect(await say(a, 'Why?')).toMatchObject({ code: 'muted', message: told.message })
    const again = await join(alice)
    expect(again.frames[0]).toMatchObject({
      me: { canWrite: false, reason: 'muted', mutedUntil: until.toISOString() },
    })
    // A moderator cannot mute another moderator, nor a reader mute anyone.
    a.send({ type: 'mute', readerId: mod.id, minutes: 5, reason: 'x' })
    expect(await a.next('error', (f) => f.code === 'not_allowed')).toBeDefined()

    await chat.lift(STAFF, roomId, alice.id)
    await posted(a, 'Thank you')
    expect((await chat.log(roomId, { limit: 10 })).map((e) => e.action).slice(0, 2)).toEqual([
      'lift',
      'mute',
    ])
  })

  it('closes a banned reader’s sockets and keeps them out; the room goes on', async () => {
    const c1 = await join(carol)
    const c2 = await join(carol)
    const b = await join(bob)
    const m = await join(mod)
    m.send({ type: 'ban', readerId: carol.id, reason: 'Spam' })
    expect(await c1.closed).toEqual({ code: 4403, reason: 'banned' })
    expect((await c2.closed).code).toBe(4403)
    expect(await upgradeStatus({ base, roomId, cookie: carol.cookie })).toBe(403)
    const id = await posted(b, 'Still here')
    await m.next('message', (f) => f.message.id === id)
    expect((await chat.log(roomId, { limit: 1 }))[0]).toMatchObject({
      action: 'ban',
      readerId: carol.id,
      detail: 'Spam',
    })
    await chat.lift(STAFF, roomId, carol.id)
    expect(await upgradeStatus({ base, roomId, cookie: carol.cookie })).toBe(101)
  })

  it('refuses the same text twice, too long a message, and too many messages', async () => {
    const a = await join(alice)
    await posted(a, 'Same words')
    expect(await say(a, '  Same words ')).toMatchObject({
      code: 'duplicate',
      message: 'You have sent this message already.',
    })
    expect(await say(a, 'x'.repeat(1001))).toMatchObject({
      code: 'too_long',
      message: 'A message can be at most 1000 characters long.',
    })
    await posted(a, 'y'.repeat(1000))
    expect(await say(a, ' \n ')).toMatchObject({
      code: 'invalid',
      message: 'Write something first.',
    })
    for (let i = 3; i <= 20; i++) await posted(a, `Message ${i}`)
    expect(await say(a, 'Message 21')).toMatchObject({ code: 'rate_limited', retryAfter: 60 })

    // Every reader here writes from the same address: 60 a minute between them.
    const b = await join(bob)
    const d = await join(dave)
    const m = await join(mod)
    for (let i = 1; i <= 20; i++) await posted(b, `Bob ${i}`)
    for (let i = 1; i <= 20; i++) await posted(d, `Dave ${i}`)
    expect(await say(m, 'Over the address limit')).toMatchObject({ code: 'rate_limited' })
  })

  it('refuses banned words and holds back suspect ones, the edition’s and the room’s', async () => {
    await t.services.communitySettings.save(editionId, {
      ...(await t.services.communitySettings.get(editionId)),
      bannedWords: ['spam'],
      suspectWords: ['casino'],
    })
    await chat.update(STAFF, roomId, { bannedWords: ['scam'], suspectWords: ['lottery'] })
    const a = await join(alice)
    for (const [text, code] of [
      ['Buy sp@m now', 'refused_words'],
      ['A real s c a m', 'refused_words'],
      ['Best casino', 'held'],
      ['Win the lottery', 'held'],
    ] as const)
      expect(await say(a, text)).toMatchObject({ code })
    await posted(a, 'Nothing wrong here')
    await t.services.communitySettings.save(editionId, {
      ...(await t.services.communitySettings.get(editionId)),
      bannedWords: [],
      suspectWords: [],
    })
  })

  it('round-trips the hostile corpus as exact text', async () => {
    const a = await join(alice)
    const guest = await join()
    let sent = 0
    for (const { name, text } of HOSTILE) {
      if (Buffer.byteLength(JSON.stringify({ type: 'send', nonce: 'n', text })) > 8000) continue
      // A reader may send 20 a minute.
      if (++sent % 15 === 0) t.clock.advance(61_000)
      const stored = cleanComment(text)
      const answer = await say(a, text)
      if (stored === '') {
        expect(answer, name).toMatchObject({ code: 'invalid' })
        continue
      }
      if ([...stored].length > 1000) {
        expect(answer, name).toMatchObject({ code: 'too_long' })
        continue
      }
      expect(answer.type, name).toBe('ack')
      const id = (answer as { messageId: number }).messageId
      const live = await guest.next('message', (f) => f.message.id === id)
      expect(live.message.text, name).toBe(stored)
      const page = await fetch(`${base}/chat/rooms/${roomId}/messages?limit=1`)
      expect((await page.json()).messages[0].text, name).toBe(stored)
    }
    // Markup and scripts are kept as they were typed: only invisible and control characters go.
    const script = guest.all('message').find((f) => f.message.text.includes('<script>'))
    expect(script?.message.text).toBe('<script>alert(1)</script>')
  })

  it('answers malformed frames with an error, and closes on repeated garbage or oversize', async () => {
    const bystander = await join(bob)
    const a = await join(alice)
    a.send('{not json')
    expect(await a.next('error')).toMatchObject({ code: 'invalid' })
    a.send({ type: 'shout', text: 'hi' })
    a.send({ type: 'send', nonce: '', text: 'empty nonce' })
    a.send({ type: 'send', nonce: 'x', text: 'extra', admin: true })
    a.send({ type: 'ping' })
    await a.next('pong')
    expect(a.all('error')).toHaveLength(4)
    // Five in a row, whatever they are.
    a.send(Buffer.from([0x00, 0xff]))
    for (let i = 0; i < 4; i++) a.send('garbage')
    expect(await a.closed).toEqual({ code: 1008, reason: 'malformed frames' })

    const big = await join(alice)
    big.send({ type: 'send', nonce: 'big', text: 'x'.repeat(9000) })
    expect((await big.closed).code).toBe(1008)

    const id = await posted(bystander, 'Nothing happened to me')
    expect(id).toBeGreaterThan(0)
  })

  it('refuses forged sessions, other origins and unknown rooms at the upgrade', async () => {
    expect(await upgradeStatus({ base, roomId, cookie: 'dateline_reader=forged' })).toBe(401)
    expect(await upgradeStatus({ base, roomId, origin: 'https://evil.example' })).toBe(403)
    expect(await upgradeStatus({ base, roomId, origin: null })).toBe(403)
    expect(await upgradeStatus({ base, roomId: 999_999 })).toBe(404)
    expect(await upgradeStatus({ base, roomId, after: 'x' })).toBe(400)
    expect(await upgradeStatus({ base, roomId, cookie: alice.cookie })).toBe(101)
    // A session that has ended is refused like a forged one.
    const now = t.clock.now()
    t.clock.advance(400 * 86_400_000)
    expect(await upgradeStatus({ base, roomId, cookie: bob.cookie })).toBe(401)
    t.clock.set(now)
  })

  it('resumes after a dropped connection with nothing lost and nothing twice', async () => {
    const b = await join(bob)
    const a = await join(alice)
    const before = [await posted(b, 'One'), await posted(b, 'Two'), await posted(b, 'Three')]
    await a.next('message', (f) => f.message.id === before[2])
    a.socket.terminate()
    const missed = [await posted(b, 'Four'), await posted(b, 'Five')]
    // A message the client already shows is deleted while it is away.
    b.send({ type: 'delete', messageId: before[1]! })
    await b.next('deleted', (f) => f.messageId === before[1])
    // More arrive while the client reconnects and catches up.
    const racing = Array.from({ length: 10 }, (_, i) => `Racing ${i}`)
    const nonces = racing.map((text, i) => {
      b.send({ type: 'send', nonce: `race${i}`, text })
      return `race${i}`
    })
    const back = await join(alice, before[2])
    const acks = await Promise.all(nonces.map((n) => b.next('ack', (f) => f.nonce === n)))
    const last = Math.max(...acks.map((f) => f.messageId))
    await back.next('message', (f) => f.message.id === last)
    const ids = back.all('message').map((f) => f.message.id)
    expect(ids).toEqual([...missed, ...acks.map((f) => f.messageId)].sort((x, y) => x - y))
    expect(back.frames[0]).toMatchObject({ type: 'hello', resumed: true })
    expect(back.all('deleted').map((f) => f.messageId)).toEqual([before[1]])
  })

  it('tells a client that missed too much to reload', async () => {
    const b = await join(bob)
    const first = await posted(b, 'Before a long absence')
    await t.database.db
      .insertInto('chat_messages')
      .values(
        Array.from({ length: 501 }, (_, i) => ({
          room_id: roomId,
          reader_id: bob.id,
          body: `Backlog ${i}`,
          created_at: t.clock.now().toISOString(),
        })),
      )
      .execute()
    const back = await join(alice, first)
    expect(back.frames.slice(0, 2).map((f) => f.type)).toEqual(['hello', 'reset'])
    expect(back.frames[0]).toMatchObject({ resumed: false })
    expect(back.all('message')).toHaveLength(0)
  })

  it('pages the history as JSON, and refuses malformed paging', async () => {
    const b = await join(bob)
    for (let i = 1; i <= 5; i++) await posted(b, `Page ${i}`)
    const get = async (query: string) => {
      const response = await fetch(`${base}/chat/rooms/${roomId}/messages${query}`)
      return { status: response.status, json: await response.json() }
    }
    const latest = await get('?limit=2')
    expect(latest.json.messages.map((m: { text: string }) => m.text)).toEqual(['Page 4', 'Page 5'])
    const older = await get(`?limit=2&before=${latest.json.olderBefore}`)
    expect(older.json.messages.map((m: { text: string }) => m.text)).toEqual(['Page 2', 'Page 3'])
    const oldest = await get(`?limit=2&before=${older.json.olderBefore}`)
    expect(oldest.json).toMatchObject({ olderBefore: null })
    expect(oldest.json.messages).toHaveLength(1)
    for (const query of ['?limit=0', '?limit=101', '?before=abc', '?before=-1'])
      expect((await get(query)).status, query).toBe(400)
    expect((await get('?limit=x')).json.error.code).toBe('invalid_input')
    expect((await fetch(`${base}/chat/rooms/999999/messages`)).status).toBe(404)
  })
})

describe('chat sockets when the server stops', () => {
  it('closes them with 1001, going away', async () => {
    const t = await testApp('sqlite')
    await newsroom(t.services)
    await t.services.chat.ensureGeneralRooms()
    const room = await t.services.chat.roomBySlug(1, 'general')
    const base = await t.app.listen({ port: 0, host: '127.0.0.1' })
    const client = await openChat({ base, roomId: room!.id })
    await client.next('hello')
    await t.close()
    expect((await client.closed).code).toBe(1001)
  })
})
