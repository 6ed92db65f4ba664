// Chat across two instances on one PostgreSQL schema and one Redis: readers on different instances
// share the room, see every message in the same order, feel moderation at once, and are counted.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { ChatActor } from '../src/chat/chat.types.ts'
import { buildApp } from '../src/main.ts'
import { fixedClock } from '../src/platform/clock.ts'
import { loadConfig } from '../src/platform/config.ts'
import { openDatabase } from '../src/platform/db/database.ts'
import {
  type ChatClient,
  type ChatReader,
  chatReader,
  openChat,
  upgradeStatus,
} from './chat-client.ts'
import { newsroom } from './factories.ts'
import { redisAvailable, startRedis } from './redis-server.ts'
import { DIALECTS, POSTGRES_URL, TEST_NOW, testDatabase } from './setup.ts'
import { type SmtpSink, startSmtpSink } from './smtp-sink.ts'

const ready = DIALECTS.includes('postgres') && redisAvailable
const STAFF: ChatActor = { kind: 'staff', name: 'Olga Owner' }

describe.skipIf(!ready)('chat on two instances with PostgreSQL and Redis', () => {
  let redis: Awaited<ReturnType<typeof startRedis>>
  let sink: SmtpSink
  let shared: Awaited<ReturnType<typeof testDatabase>>
  let a: Awaited<ReturnType<typeof buildApp>>
  let b: Awaited<ReturnType<typeof buildApp>>
  let urlA: string
  let urlB: string
  let alice: ChatReader
  let bob: ChatReader
  let mod: ChatReader
  let roomId: number
  let rooms = 0
  const clocks = [fixedClock(TEST_NOW), fixedClock(TEST_NOW)]
  const open: ChatClient[] = []

  beforeAll(async () => {
    redis = await startRedis()
    sink = await startSmtpSink()
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
        SMTP_URL: sink.url,
      })
      const database = openDatabase({ dialect: 'postgres', url: POSTGRES_URL, schema })
      return buildApp(config, { database, clock })
    }
    a = await instance(clocks[0]!)
    b = await instance(clocks[1]!)
    urlA = await a.app.listen({ port: 0, host: '127.0.0.1' })
    urlB = await b.app.listen({ port: 0, host: '127.0.0.1' })
    await newsroom(a.services)
    await b.services.catalogue.reload()
    alice = await chatReader(a, sink, 'Alice on A')
    bob = await chatReader(a, sink, 'Bob on B')
    mod = await chatReader(a, sink, 'Moderator on A')
  })
  afterAll(async () => {
    for (const client of open) await client.close()
    await a?.app.close()
    await b?.app.close()
    await shared?.dispose()
    await sink?.close()
    await redis?.stop()
  })
  beforeEach(async () => {
    for (const client of open.splice(0)) await client.close()
    for (const clock of clocks) clock.advance(61 * 60_000)
    const room = await a.services.chat.create(STAFF, 1, { name: `Cluster room ${++rooms}` })
    roomId = room.id
    await a.services.chat.addMember(STAFF, 'chat_room_moderators', roomId, mod.email)
  })

  const join = async (base: string, reader?: ChatReader) => {
    const client = await openChat({ base, roomId, cookie: reader?.cookie })
    open.push(client)
    await client.next('hello')
    return client
  }
  let nonces = 0
  const say = async (client: ChatClient, text: string) => {
    const nonce = `c${++nonces}`
    client.send({ type: 'send', nonce, text })
    return Promise.race([
      client.next('ack', (f) => f.nonce === nonce),
      client.next('error', (f) => f.nonce === nonce),
    ])
  }
  const ids = (client: ChatClient) => client.all('message').map((f) => f.message.id)

  it('lets readers on two instances chat, each seeing every message in id order', async () => {
    const onA = await join(urlA, alice)
    const onB = await join(urlB, bob)
    const sent: number[] = []
    for (let i = 0; i < 6; i++) {
      const answer = await say(i % 2 === 0 ? onA : onB, `Turn ${i}`)
      if (answer.type !== 'ack') throw new Error(JSON.stringify(answer))
      sent.push(answer.messageId)
      // Each waits to see the message before the next is written: a conversation.
      await Promise.all(
        [onA, onB].map((c) => c.next('message', (f) => f.message.id === answer.messageId)),
      )
    }
    expect(ids(onA)).toEqual(sent)
    expect(ids(onB)).toEqual(sent)
    expect(onB.all('message')[0]?.message).toMatchObject({
      author: { id: alice.id, name: 'Alice on A' },
      text: 'Turn 0',
    })

    // Both at once: every message reaches both, and sorted by id the two rooms read the same.
    const burst = await Promise.all(
      Array.from({ length: 8 }, (_, i) => say(i % 2 === 0 ? onA : onB, `Burst ${i}`)),
    )
    const burstIds = burst.map((f) => (f as { messageId: number }).messageId)
    const last = Math.max(...burstIds)
    for (const client of [onA, onB])
      await expect.poll(() => ids(client).length, { timeout: 5000 }).toBe(sent.length + 8)
    const sorted = (list: number[]) => [...list].sort((x, y) => x - y)
    expect(sorted(ids(onA))).toEqual(sorted([...sent, ...burstIds]))
    expect(sorted(ids(onB))).toEqual(sorted(ids(onA)))
    expect(Math.max(...ids(onB))).toBe(last)
  })

  it('applies slow mode, a mute and a ban made on one instance at once on the other', async () => {
    const moderator = await join(urlA, mod)
    const onB = await join(urlB, bob)
    moderator.send({ type: 'slowMode', seconds: 60 })
    await onB.next('room', (f) => f.room.slowModeSeconds === 60)
    expect((await say(onB, 'First')).type).toBe('ack')
    expect(await say(onB, 'Second')).toMatchObject({ code: 'slow_mode' })

    moderator.send({ type: 'slowMode', seconds: 0 })
    await onB.next('room', (f) => f.room.slowModeSeconds === 0)
    moderator.send({ type: 'mute', readerId: bob.id, minutes: 5, reason: 'Too loud' })
    expect((await onB.next('error', (f) => f.code === 'muted' && !f.nonce)).message).toContain(
      'Too loud',
    )
    expect(await say(onB, 'Third')).toMatchObject({ code: 'muted' })

    await b.services.chat.lift(STAFF, roomId, bob.id)
    expect((await say(onB, 'Fourth')).type).toBe('ack')
    moderator.send({ type: 'ban', readerId: bob.id, reason: 'Enough' })
    expect((await onB.closed).code).toBe(4403)
    expect(await upgradeStatus({ base: urlB, roomId, cookie: bob.cookie })).toBe(403)
    expect(await upgradeStatus({ base: urlA, roomId, cookie: bob.cookie })).toBe(403)
  })

  it('counts the readers of both instances in each instance’s presence', async () => {
    const onA = await join(urlA, alice)
    const onB = await join(urlB)
    await join(urlB)
    const latest = (client: ChatClient) => client.all('presence').at(-1)?.online
    await expect.poll(() => latest(onA), { timeout: 10_000 }).toBe(3)
    await expect.poll(() => latest(onB), { timeout: 10_000 }).toBe(3)
    expect(a.services.chat.online(roomId)).toBe(3)
    expect((await a.services.chat.rooms(1)).find((r) => r.id === roomId)?.online).toBe(3)
    await onA.close()
    await expect.poll(() => latest(onB), { timeout: 10_000 }).toBe(2)
    expect(b.services.chat.online(roomId)).toBe(2)
  })
})
