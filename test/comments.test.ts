// Comments through the reader API on both databases: threads, likes, reports, edits, moderation
// modes and filters, hostile input, live updates, and what deleting an account leaves.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { setUpOwner } from './admin-client.ts'
import { newArticle, newsroom } from './factories.ts'
import { HOSTILE, ONE_MEGABYTE } from './hostile-corpus.ts'
import { clientFor, confirmedReader, type ReaderClient } from './reader-client.ts'
import { DIALECTS, testApp } from './setup.ts'
import { type SmtpSink, startSmtpSink } from './smtp-sink.ts'
import { openStream } from './sse-client.ts'

describe.each(DIALECTS)('comments on %s', (dialect) => {
  let sink: SmtpSink
  let t: Awaited<ReturnType<typeof testApp>>
  let room: Awaited<ReturnType<typeof newsroom>>
  let story: number
  let alice: ReaderClient
  let bob: ReaderClient

  beforeAll(async () => {
    sink = await startSmtpSink()
  })
  afterAll(async () => {
    await sink.close()
  })
  beforeEach(async () => {
    t = await testApp(dialect, { SMTP_URL: sink.url })
    room = await newsroom(t.services)
    story = await newArticle(t.services, room)
    await t.services.communitySettings.save(room.en.id, {
      ...(await t.services.communitySettings.get(room.en.id)),
      holdNewReaders: false,
    })
    alice = await confirmedReader(t, sink, 'Alice Reader')
    bob = await confirmedReader(t, sink, 'Bob Reader')
  })
  afterEach(async () => {
    await t.close()
  })

  const thread = async (client: ReaderClient, query = '') =>
    (await client.call('GET', `/articles/${story}/comments${query}`)).json
  const post = (client: ReaderClient, text: string, parentId?: number) =>
    client.call('POST', `/articles/${story}/comments`, { text, ...(parentId && { parentId }) })

  it('threads replies two levels deep, counts them, and keeps likes and reports to one per reader', async () => {
    const anonymous = await clientFor(t.app, undefined, 0, '')
    expect(await thread(anonymous)).toMatchObject({ count: 0, open: true, items: [] })
    const refused = await post(anonymous, 'Hello')
    expect(refused.status).toBe(401)
    expect(refused.json.error.message).toBe('Log in to comment.')

    const first = await post(alice, 'The talks were long overdue. See https://example.org/report.')
    expect(first.status).toBe(201)
    expect(first.json.segments).toEqual([
      { text: 'The talks were long overdue. See ' },
      { text: 'https://example.org/report', href: 'https://example.org/report' },
      { text: '.' },
    ])
    const reply = await post(bob, 'I disagree.', first.json.id)
    const deeper = await post(alice, 'Why?', reply.json.id)
    const deepest = await post(bob, 'Because.', deeper.json.id)
    expect([reply.json.depth, deeper.json.depth, deepest.json.depth]).toEqual([1, 2, 2])
    expect(deepest.json.parentId).toBe(reply.json.id)

    const seen = await thread(bob)
    expect(seen.count).toBe(4)
    expect(seen.items).toHaveLength(1)
    expect(seen.items[0].replies[0].replies.map((c: { id: number }) => c.id)).toEqual([
      deeper.json.id,
      deepest.json.id,
    ])

    expect((await bob.call('POST', `/comments/${first.json.id}/like`)).json).toEqual({
      likes: 1,
      likedByMe: true,
    })
    expect((await bob.call('POST', `/comments/${first.json.id}/like`)).status).toBe(409)
    expect((await alice.call('POST', `/comments/${first.json.id}/like`)).status).toBe(403)
    expect((await thread(bob)).items[0].likedByMe).toBe(true)
    expect((await bob.call('DELETE', `/comments/${first.json.id}/like`)).json).toEqual({
      likes: 0,
      likedByMe: false,
    })

    expect(
      (await bob.call('POST', `/comments/${first.json.id}/report`, { reason: 'Spam' })).status,
    ).toBe(204)
    expect(
      (await bob.call('POST', `/comments/${first.json.id}/report`, { reason: 'Spam' })).status,
    ).toBe(409)

    // The story's page counts them, and its cached copy is dropped when the count changes.
    const url = t.services.urls.article((await t.services.reading.story(story))! as never)
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(200)
  })

  it('edits within a quarter of an hour, deletes its own, and refuses replies to deleted comments', async () => {
    const mine = await post(alice, 'First version')
    expect(mine.json.editableUntil).not.toBeNull()
    expect(
      (await alice.call('PATCH', `/comments/${mine.json.id}`, { text: 'Second version' })).json
        .editedAt,
    ).not.toBeNull()
    expect(
      (await bob.call('PATCH', `/comments/${mine.json.id}`, { text: 'Not mine' })).status,
    ).toBe(403)
    t.clock.advance(16 * 60_000)
    expect(
      (await alice.call('PATCH', `/comments/${mine.json.id}`, { text: 'Too late' })).status,
    ).toBe(403)
    const reply = await post(bob, 'A reply', mine.json.id)
    expect((await alice.call('DELETE', `/comments/${mine.json.id}`)).status).toBe(204)
    // Deleted with a reply under it: shown as deleted, its text gone.
    const seen = await thread(bob)
    expect(seen.items[0]).toMatchObject({ deleted: true, segments: [], author: null })
    expect(seen.items[0].replies[0].id).toBe(reply.json.id)
    expect(seen.count).toBe(1)
    expect((await post(bob, 'Reply to a deleted one', mine.json.id)).status).toBe(404)
    expect((await post(bob, 'Reply to nothing', 99999)).status).toBe(404)
    expect((await bob.call('POST', '/articles/99999/comments', { text: 'Nowhere' })).status).toBe(
      404,
    )
  })

  it('applies the modes, word lists, link limit and hold for new readers, and lets moderators decide', async () => {
    const owner = await setUpOwner(t.app, () => t.services.staff.setupLink())
    const settings = {
      ...(await t.services.communitySettings.get(room.en.id)),
      bannedWords: ['spam', 'спам'],
      suspectWords: ['idiot'],
      maxLinks: 1,
      holdNewReaders: true,
    }
    expect((await owner.raw('PUT', `/editions/${room.en.id}/community`, settings)).status).toBe(200)

    for (const text of [
      'Buy sp@m now',
      'S.P.A.M here',
      'ＳＰＡＭ',
      'cпaм и ещё',
      'buy s\u200Bpam',
    ]) {
      const response = await post(alice, text)
      expect({ text, status: response.status }).toEqual({ text, status: 422 })
    }
    expect((await post(alice, 'Specialists and spammers are different words.')).status).toBe(201)
    expect((await post(alice, 'https://a.example https://b.example')).status).toBe(422)

    // Carol is new: her comment waits, visible only to her, until a moderator approves one.
    const carol = await confirmedReader(t, sink, 'Carol New')
    const held = await post(carol, 'My first comment')
    expect(held.json.status).toBe('held')
    expect((await thread(bob)).items.map((c: { id: number }) => c.id)).not.toContain(held.json.id)
    expect((await thread(carol)).items.map((c: { id: number }) => c.id)).toContain(held.json.id)
    const queue = await owner.get('/comments?queue=held')
    expect(queue.json.items.map((c: { id: number }) => c.id)).toContain(held.json.id)
    expect(
      (await owner.post('/comments/moderate', { ids: [held.json.id], action: 'approve' })).json
        .updated,
    ).toBe(1)
    expect((await thread(bob)).items.map((c: { id: number }) => c.id)).toContain(held.json.id)
    expect((await post(carol, 'My second comment')).json.status).toBe('visible')

    // Suspect words hold a comment and say why.
    const suspect = await post(carol, 'You idiot')
    expect(suspect.json.status).toBe('held')
    expect((await owner.get('/comments?queue=held')).json.items[0].flags).toEqual(['idiot'])

    // Muted and banned readers are refused with the reason.
    expect(
      (await owner.post(`/readers/${carol.id}/mute`, { reason: 'Heated', days: 1 })).status,
    ).toBe(204)
    expect((await post(carol, 'Muted?')).json.error.message).toBe(
      'You cannot comment for the time being.',
    )
    expect((await owner.post(`/readers/${bob.id}/ban`, { reason: 'Abuse' })).status).toBe(204)
    expect((await post(bob, 'Banned?')).status).toBe(403)

    // Pre-moderated stories hold everything; closed ones take nothing.
    await t.services.articles.update(story, { commentMode: 'premoderated' })
    expect((await post(alice, 'Held by the mode')).json.status).toBe('held')
    await t.services.articles.update(story, { commentMode: 'closed' })
    const closed = await post(alice, 'Closed?')
    expect(closed.status).toBe(403)
    expect(closed.json.error.message).toBe('Comments are closed for this story.')
    expect((await thread(alice)).open).toBe(false)
    const log = await owner.get('/moderation/log')
    expect(log.json.items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['approve', 'mute', 'ban']),
    )
  })

  it('stores hostile text inertly and refuses oversize bodies, forged sessions and missing tokens', async () => {
    for (const { name, text } of HOSTILE) {
      const response = await post(alice, text)
      if (response.status === 201) {
        for (const segment of response.json.segments)
          if (segment.href)
            expect({ name, href: segment.href }).toEqual({
              name,
              href: expect.stringMatching(/^https?:\/\//),
            })
      } else expect({ name, status: response.status }).toEqual({ name, status: expect.any(Number) })
      expect(response.status).toBeLessThan(500)
    }
    const big = await post(alice, ONE_MEGABYTE)
    expect(big.status).toBe(413)
    const forged = await clientFor(t.app, 'A'.repeat(43), 0, '')
    expect((await post(forged, 'Forged')).status).toBe(401)
    const noToken = await t.app.inject({
      method: 'POST',
      url: `/community/articles/${story}/comments`,
      headers: { 'content-type': 'application/json' },
      payload: { text: 'No token' },
    })
    expect(noToken.statusCode).toBe(403)
    const garbage = await alice.call('POST', `/articles/${story}/comments`, '{"text":')
    expect(garbage.status).toBe(400)
    expect((await alice.call('GET', '/articles/abc/comments')).status).toBe(400)
  })

  it('limits how fast one reader posts, and refuses the same text twice', async () => {
    expect((await post(alice, 'Same words')).status).toBe(201)
    expect((await post(alice, 'Same words')).status).toBe(409)
    let last = 0
    for (let i = 0; i < 8; i++) last = (await post(alice, `Comment number ${i}`)).status
    expect(last).toBe(429)
    t.clock.advance(61_000)
    expect((await post(alice, 'After a minute')).status).toBe(201)
  })

  it('pushes new comments and counts to readers watching the story', async () => {
    const base = await t.app.listen({ port: 0, host: '127.0.0.1' })
    const stream = await openStream(`${base}/community/articles/${story}/comments/stream`)
    await new Promise((r) => setTimeout(r, 100))
    const posted = await post(alice, 'Live from the summit')
    const [event] = await stream.waitFor(1, 2000)
    expect(event!.event).toBe('comment')
    expect(JSON.parse(event!.data)).toMatchObject({
      kind: 'posted',
      id: posted.json.id,
      count: 1,
      comment: {
        segments: [{ text: 'Live from the summit' }],
        author: { displayName: 'Alice Reader' },
      },
    })
    await bob.call('POST', `/comments/${posted.json.id}/like`)
    const [, likes] = await stream.waitFor(2, 2000)
    expect(likes!.event).toBe('likes')
    await alice.call('DELETE', `/comments/${posted.json.id}`)
    const [, , removed] = await stream.waitFor(3, 2000)
    expect(JSON.parse(removed!.data)).toMatchObject({ kind: 'removed', count: 0 })
    await stream.close()
  })

  it('keeps comments as a deleted user, or removes them, when the account is deleted', async () => {
    const kept = await post(alice, 'I will leave soon')
    const session = await t.services.readers.authenticate(undefined)
    expect(session).toBeUndefined()
    const signedIn = await t.services.readers.login(
      {
        email: (
          await t.database.db
            .selectFrom('readers')
            .select('email')
            .where('id', '=', alice.id)
            .executeTakeFirstOrThrow()
        ).email,
        password: 'a long reader password',
      },
      { editionId: room.en.id, locale: 'en-GB', accountUrl: 'https://news.example.com/en/account' },
      { ip: '127.0.0.1' },
    )
    const aliceSession = await t.services.readers.authenticate(signedIn.token)
    await t.services.readers.deleteAccount(aliceSession!, 'a long reader password')
    const seen = await thread(bob)
    expect(seen.items.find((c: { id: number }) => c.id === kept.json.id)).toMatchObject({
      author: null,
      deleted: false,
    })

    await t.services.communitySettings.save(room.en.id, {
      ...(await t.services.communitySettings.get(room.en.id)),
      onAccountDelete: 'remove',
    })
    const gone = await post(bob, 'Bob leaves too')
    const bobSignedIn = await t.services.readers.login(
      {
        email: (
          await t.database.db
            .selectFrom('readers')
            .select('email')
            .where('id', '=', bob.id)
            .executeTakeFirstOrThrow()
        ).email,
        password: 'a long reader password',
      },
      { editionId: room.en.id, locale: 'en-GB', accountUrl: 'https://news.example.com/en/account' },
      { ip: '127.0.0.1' },
    )
    await t.services.readers.deleteAccount(
      (await t.services.readers.authenticate(bobSignedIn.token))!,
      'a long reader password',
    )
    expect((await thread(alice)).items.map((c: { id: number }) => c.id)).not.toContain(gone.json.id)
  })
})
