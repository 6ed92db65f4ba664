// Chat rooms through the Admin API on both databases: who may manage them, the general room of
// every edition, topic rooms and their settings, moderators and approved writers, mutes, bans,
// deleting messages, and the log that records every one of those actions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AdminClient, joinAs, setUpOwner } from './admin-client.ts'
import { type ChatReader, chatReader } from './chat-client.ts'
import { newsroom } from './factories.ts'
import { DIALECTS, testApp } from './setup.ts'
import { type SmtpSink, startSmtpSink } from './smtp-sink.ts'

describe.each(DIALECTS)('chat rooms in the Admin API on %s', (dialect) => {
  let sink: SmtpSink
  let t: Awaited<ReturnType<typeof testApp>>
  let room: Awaited<ReturnType<typeof newsroom>>
  let editor: AdminClient
  let author: AdminClient
  let alice: ChatReader
  let bob: ChatReader
  const ip = { ip: '127.0.0.1' }

  beforeAll(async () => {
    sink = await startSmtpSink()
    t = await testApp(dialect, { SMTP_URL: sink.url })
    room = await newsroom(t.services)
    await t.services.chat.ensureGeneralRooms()
    const owner = await setUpOwner(t.app, () => t.services.staff.setupLink())
    editor = await joinAs(t.app, owner, 'editor', 'Eddie Editor')
    author = await joinAs(t.app, owner, 'author')
    alice = await chatReader(t, sink, 'Alice Reader')
    bob = await chatReader(t, sink, 'Bob Reader')
  })
  afterAll(async () => {
    await t?.close()
    await sink?.close()
  })

  const create = (body: object) => editor.post('/chat/rooms', { editionId: room.en.id, ...body })

  it('gives every edition its general room, and lists rooms with who is online', async () => {
    // Running it again on another instance changes nothing.
    await t.services.chat.ensureGeneralRooms()
    const list = await editor.get('/chat/rooms')
    expect(list.status).toBe(200)
    expect(
      list.json.rooms.filter((r: { kind: string }) => r.kind === 'general').map((r: object) => r),
    ).toEqual([
      expect.objectContaining({
        editionId: room.en.id,
        slug: 'general',
        name: 'General chat',
        online: 0,
      }),
      expect.objectContaining({ editionId: room.ru.id, slug: 'general', name: 'Общий чат' }),
    ])
    const paths = Object.keys((await editor.get('/openapi.json')).json.paths)
    expect(paths).toEqual(expect.arrayContaining(['/chat/rooms', '/chat/rooms/{id}/sanctions']))
    const ru = await editor.get(`/chat/rooms?editionId=${room.ru.id}`)
    expect(ru.json.rooms).toHaveLength(1)
    expect((await author.get('/chat/rooms')).status).toBe(403)
    expect((await author.post('/chat/rooms', { editionId: room.en.id, name: 'Mine' })).status).toBe(
      403,
    )
  })

  it('creates topic rooms tied to a section or tag, and checks what they are given', async () => {
    const created = await create({
      name: 'Talks in Geneva',
      description: 'The peace talks as they happen',
      sectionId: room.world.id,
      tagId: room.tag,
      slowModeSeconds: 10,
      bannedWords: ['spam', ' spam ', ''],
    })
    expect(created.status).toBe(201)
    expect(created.json).toMatchObject({
      slug: 'talks-in-geneva',
      kind: 'topic',
      sectionId: room.world.id,
      tagId: room.tag,
      writePolicy: 'readers',
      slowModeSeconds: 10,
      bannedWords: ['spam'],
      suspectWords: [],
      archived: false,
      online: 0,
    })
    expect(
      (await t.services.chat.roomsForStory(room.en.id, room.world.id, [])).map((r) => r.id),
    ).toContain(created.json.id)
    expect((await create({ name: 'Talks in Geneva' })).json.error).toMatchObject({
      code: 'conflict',
      field: 'slug',
    })
    for (const [body, field] of [
      [{ name: 'Elsewhere', sectionId: room.mir.id }, 'sectionId'],
      [{ name: 'Tagged', tagId: room.ruTag }, 'tagId'],
      [{ name: 'Reserved', slug: 'general' }, 'slug'],
      [{ name: 'Bad slug', slug: 'Not A Slug' }, 'slug'],
      [{ name: '   ' }, 'name'],
      [{ name: 'Slow', slowModeSeconds: 3601 }, 'slowModeSeconds'],
      [{ name: 'Words', bannedWords: ['x'.repeat(101)] }, 'bannedWords.0'],
    ] as const) {
      const refused = await create(body)
      expect(refused.status, field).toBe(400)
      expect(refused.json.error.field, field).toBe(field)
    }
    expect((await editor.post('/chat/rooms', { editionId: 999, name: 'Nowhere' })).status).toBe(400)
    expect((await editor.post('/chat/rooms', { name: 'No edition' })).status).toBe(400)
  })

  it('renames, configures and archives rooms, but keeps the general room', async () => {
    const { json: topic } = await create({ name: 'Election night' })
    const patched = await editor.patch(`/chat/rooms/${topic.id}`, {
      name: 'Election night live',
      writePolicy: 'approved',
      suspectWords: ['casino'],
    })
    expect(patched.json).toMatchObject({
      name: 'Election night live',
      slug: 'election-night',
      writePolicy: 'approved',
      suspectWords: ['casino'],
    })
    const archived = await editor.patch(`/chat/rooms/${topic.id}`, { archived: true })
    expect(archived.json.archived).toBe(true)
    const shown = await t.services.chat.rooms(room.en.id)
    expect(shown.map((r) => r.id)).not.toContain(topic.id)
    expect(shown[0]?.kind).toBe('general')
    const general = shown[0]!
    expect((await editor.patch(`/chat/rooms/${general.id}`, { archived: true })).status).toBe(400)
    expect((await editor.patch(`/chat/rooms/${general.id}`, { name: 'Lobby' })).json.name).toBe(
      'Lobby',
    )
    expect((await editor.patch('/chat/rooms/99999', { name: 'x' })).status).toBe(404)
    expect(
      (await editor.raw('PATCH', `/chat/rooms/${topic.id}`, { name: 'x' }, { csrf: false })).status,
    ).toBe(403)
  })

  it('names moderators and approved writers by e-mail address', async () => {
    const { json: topic } = await create({ name: 'Approved only', writePolicy: 'approved' })
    const refused = await t.services.chat
      .post(alice.id, topic.id, { text: 'Let me in' }, ip)
      .catch((e: unknown) => e)
    expect(refused).toMatchObject({ chatCode: 'not_allowed', detail: { why: 'not_approved' } })

    const added = await editor.post(`/chat/rooms/${topic.id}/writers`, {
      email: ` ${alice.email.toUpperCase()} `,
    })
    expect(added.json.members).toEqual([
      { readerId: alice.id, name: 'Alice Reader', email: alice.email },
    ])
    await t.services.chat.post(alice.id, topic.id, { text: 'Thank you' }, ip)
    const unknown = await editor.post(`/chat/rooms/${topic.id}/moderators`, {
      email: 'nobody@readers.example',
    })
    expect(unknown.status).toBe(404)
    expect(unknown.json.error.field).toBe('email')
    await editor.post(`/chat/rooms/${topic.id}/moderators`, { email: bob.email })
    expect((await editor.get(`/chat/rooms/${topic.id}/moderators`)).json.members).toHaveLength(1)
    // A moderator writes in an approved-only room without being on its list.
    await t.services.chat.post(bob.id, topic.id, { text: 'Moderating' }, ip)
    expect((await editor.delete(`/chat/rooms/${topic.id}/writers/${alice.id}`)).status).toBe(204)
    expect((await editor.delete(`/chat/rooms/${topic.id}/writers/${alice.id}`)).status).toBe(404)
    expect((await editor.get(`/chat/rooms/${topic.id}/writers`)).json.members).toEqual([])
  })

  it('mutes, bans and lifts, deletes messages, and logs every action', async () => {
    const { json: topic } = await create({ name: 'Moderated' })
    const base = `/chat/rooms/${topic.id}`
    const message = await t.services.chat.post(alice.id, topic.id, { text: 'Rude words' }, ip)

    expect(
      (await editor.post(`${base}/sanctions`, { readerId: alice.id, kind: 'mute', reason: 'x' }))
        .json.error.field,
    ).toBe('minutes')
    expect(
      (
        await editor.post(`${base}/sanctions`, {
          readerId: alice.id,
          kind: 'mute',
          minutes: 60,
          reason: 'Cool off',
        })
      ).status,
    ).toBe(204)
    const muted = await t.services.chat
      .post(alice.id, topic.id, { text: 'Still here' }, ip)
      .catch((e: unknown) => e)
    expect(muted).toMatchObject({ chatCode: 'muted', detail: { reason: 'Cool off' } })
    await editor.post(`${base}/sanctions`, { readerId: bob.id, kind: 'ban', reason: 'Spam' })
    const sanctions = (await editor.get(`${base}/sanctions`)).json.sanctions
    expect(sanctions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          readerId: alice.id,
          readerName: 'Alice Reader',
          kind: 'mute',
          until: new Date(t.clock.now().getTime() + 3_600_000).toISOString(),
          byName: 'Eddie Editor',
        }),
        expect.objectContaining({ readerId: bob.id, kind: 'ban', until: null, reason: 'Spam' }),
      ]),
    )
    expect((await editor.delete(`${base}/sanctions/${alice.id}`)).status).toBe(204)
    expect((await editor.delete(`${base}/sanctions/${alice.id}`)).status).toBe(404)
    await t.services.chat.post(alice.id, topic.id, { text: 'Sorry' }, ip)

    expect((await editor.delete(`/chat/messages/${message.id}`)).status).toBe(204)
    expect((await editor.delete(`/chat/messages/${message.id}`)).status).toBe(404)
    const history = await t.services.chat.history(topic.id, {})
    expect(history.messages.map((m) => m.text)).toEqual(['Sorry'])

    const log = (await editor.get(`${base}/log`)).json
    expect(log.entries.map((e: { action: string }) => e.action)).toEqual([
      'delete',
      'lift',
      'ban',
      'mute',
      'create',
    ])
    expect(log.entries[0]).toMatchObject({
      actorName: 'Eddie Editor',
      actorKind: 'staff',
      messageId: message.id,
      readerId: alice.id,
      readerName: 'Alice Reader',
      detail: 'Rude words',
    })
    expect(log.olderBefore).toBeNull()
    expect((await author.get(`${base}/log`)).status).toBe(403)
    expect((await editor.get('/chat/rooms/99999/log')).status).toBe(404)
  })

  it("puts a reader's chat messages and reactions in their data download", async () => {
    const general = await t.services.chat.roomBySlug(room.en.id, 'general')
    const posted = await t.services.chat.post(bob.id, general!.id, { text: 'Mine to keep' }, ip)
    await t.services.chat.react(bob.id, posted.id, '👍', true)
    const data = await t.app.inject({
      method: 'GET',
      url: '/en/account/data.json',
      headers: { cookie: bob.cookie },
    })
    expect(data.statusCode).toBe(200)
    const { chatMessages, chatReactions } = data.json()
    expect(chatMessages).toContainEqual(
      expect.objectContaining({ id: posted.id, room_id: general!.id, body: 'Mine to keep' }),
    )
    expect(chatReactions).toContainEqual({ message_id: posted.id, emoji: '👍' })
  })
})
