// Webhooks on both databases, delivered to a receiver on loopback that checks the signature with
// its own code: signing, retries with backoff, private addresses, comments, disabling, deleting,
// and one delivery per hook while two instances race for the jobs.
import { createHmac, timingSafeEqual } from 'node:crypto'
import http, { type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { sql } from 'kysely'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createWebhookService } from '../src/discovery/webhooks.service.ts'
import { type Database, openDatabase } from '../src/platform/db/database.ts'
import { createJobRunner } from '../src/platform/jobs/job-runner.ts'
import { type AdminClient, joinAs, setUpOwner } from './admin-client.ts'
import { newArticle, newsroom } from './factories.ts'
import { confirmedReader } from './reader-client.ts'
import { DIALECTS, POSTGRES_URL, TEST_NOW, testApp } from './setup.ts'
import { type SmtpSink, startSmtpSink } from './smtp-sink.ts'

const SECOND = 1_000

interface Received {
  path: string
  headers: IncomingHttpHeaders
  body: string
}

/** An HTTP server standing for a partner's endpoint: answers `answers` in turn, then 200s. */
async function startReceiver() {
  const received: Received[] = []
  const answers: number[] = []
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      received.push({
        path: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      })
      response.statusCode = answers.shift() ?? 200
      response.end('thanks')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    received,
    answers,
    port,
    url: `http://127.0.0.1:${port}/hooks/dateline?source=newsroom`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** The receiver's own check, written from the documentation rather than from the sender's code. */
function signedWith(secret: string, request: Received): boolean {
  const timestamp = String(request.headers['x-dateline-timestamp'])
  const expected = `sha256=${createHmac('sha256', secret).update(`${timestamp}.${request.body}`).digest('hex')}`
  const given = String(request.headers['x-dateline-signature'])
  return (
    given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected))
  )
}

const json = (request: Received | undefined) => JSON.parse(request?.body ?? 'null')

describe.each(DIALECTS)('webhooks on %s', (dialect) => {
  let sink: SmtpSink
  let t: Awaited<ReturnType<typeof testApp>>
  let room: Awaited<ReturnType<typeof newsroom>>
  let owner: AdminClient
  let receiver: Awaited<ReturnType<typeof startReceiver>>

  beforeAll(async () => {
    sink = await startSmtpSink()
  })
  afterAll(async () => {
    await sink.close()
  })
  beforeEach(async () => {
    t = await testApp(dialect, { SMTP_URL: sink.url })
    room = await newsroom(t.services)
    owner = await setUpOwner(t.app, () => t.services.staff.setupLink())
    receiver = await startReceiver()
  })
  afterEach(async () => {
    await t.close()
    await receiver.close()
  })

  const allowPrivate = async (allow: boolean) => {
    const saved = await owner.raw('PUT', '/settings/webhooks', { allowPrivate: allow })
    expect(saved.json).toEqual({ allowPrivate: allow })
  }
  /** A hook to the loopback receiver, which only the private-address setting lets through. */
  const hook = async (events: string[], url = receiver.url) => {
    await allowPrivate(true)
    const created = await owner.post('/webhooks', { url, events })
    expect(created.status).toBe(201)
    return created.json as { id: number; secret: string; url: string }
  }
  const deliveries = async (id: number) => {
    const answer = await owner.get(`/webhooks/${id}/deliveries`)
    expect(answer.status).toBe(200)
    return answer.json.items as {
      deliveryId: string
      event: string
      attempt: number
      statusCode: number | null
      error: string | null
      durationMs: number
    }[]
  }
  const pendingJobs = async () =>
    (
      await t.database.db
        .selectFrom('jobs')
        .select('id')
        .where('kind', '=', 'webhook.deliver')
        .where('done_at', 'is', null)
        .execute()
    ).length

  it('signs each delivery so a receiver with the secret can verify it, and sends it once', async () => {
    const created = await hook(['story.published', 'story.updated'])
    expect(created.secret).toMatch(/^whsec_[\w-]{32}$/)
    const id = await newArticle(t.services, room)
    expect(await t.jobs.runDue()).toBeGreaterThan(0)
    expect(await t.jobs.runDue()).toBe(0)

    expect(receiver.received).toHaveLength(1)
    const request = receiver.received[0]!
    expect(signedWith(created.secret, request)).toBe(true)
    expect(signedWith('whsec_someone-else', request)).toBe(false)
    expect(
      signedWith(created.secret, { ...request, body: request.body.replace('Talks', 'Tanks') }),
    ).toBe(false)
    const payload = json(request)
    expect(request.path).toBe('/hooks/dateline?source=newsroom')
    expect(request.headers).toMatchObject({
      host: `127.0.0.1:${receiver.port}`,
      'content-type': 'application/json',
      'user-agent': 'Dateline-Webhooks/1',
      'x-dateline-event': 'story.published',
      'x-dateline-delivery': payload.id,
      'x-dateline-timestamp': String(TEST_NOW.getTime() / 1000),
    })
    expect(payload).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      event: 'story.published',
      createdAt: TEST_NOW.toISOString(),
      data: {
        article: {
          id,
          edition: 'en',
          section: 'world',
          headline: 'Talks will go on, ministers say',
          url: expect.stringMatching(
            new RegExp(
              `^https://news\\.example\\.com/en/world/\\d{8}/talks-will-go-on-ministers-say-${id}$`,
            ),
          ),
          publishedAt: TEST_NOW.toISOString(),
          updatedAt: TEST_NOW.toISOString(),
        },
      },
    })

    // Not subscribed to unpublishing; subscribed to updates.
    t.clock.advance(60 * SECOND)
    await t.services.articles.unpublish(id)
    await t.services.articles.publish(id)
    await t.jobs.runDue()
    expect(receiver.received.map((r) => r.headers['x-dateline-event'])).toEqual([
      'story.published',
      'story.published',
    ])
    await t.services.articles.update(id, { headline: 'Talks will go on for a week' })
    await t.jobs.runDue()
    expect(json(receiver.received[2])).toMatchObject({
      event: 'story.updated',
      data: { article: { headline: 'Talks will go on for a week' } },
    })

    const log = await deliveries(created.id)
    expect(log).toHaveLength(3)
    expect(log[0]).toMatchObject({
      event: 'story.updated',
      attempt: 1,
      statusCode: 200,
      error: null,
    })
    expect(log[2]?.deliveryId).toBe(payload.id)
    const list = await owner.get('/webhooks')
    expect(list.json.items).toEqual([
      expect.objectContaining({
        id: created.id,
        url: receiver.url,
        events: ['story.published', 'story.updated'],
        secret: created.secret,
        disabled: false,
        lastDelivery: expect.objectContaining({ event: 'story.updated', statusCode: 200 }),
      }),
    ])
  })

  it('retries after a 500 with backoff, the same delivery id, and logs both answers', async () => {
    const created = await hook(['story.published'])
    receiver.answers.push(500)
    await newArticle(t.services, room)
    await t.jobs.runDue()
    expect(receiver.received).toHaveLength(1)
    expect((await deliveries(created.id)).map((d) => [d.attempt, d.statusCode])).toEqual([[1, 500]])
    expect(await pendingJobs()).toBe(1)

    // Not before the backoff: at most 5 s after the first attempt.
    expect(await t.jobs.runDue()).toBe(0)
    t.clock.advance(5 * SECOND)
    await t.jobs.runDue()
    expect(receiver.received).toHaveLength(2)
    const [first, second] = receiver.received
    expect(second?.headers['x-dateline-delivery']).toBe(first?.headers['x-dateline-delivery'])
    expect(second?.body).toBe(first?.body)
    expect(signedWith(created.secret, second!)).toBe(true)
    expect(second?.headers['x-dateline-timestamp']).toBe(String(TEST_NOW.getTime() / 1000 + 5))
    const log = await deliveries(created.id)
    expect(log.map((d) => [d.attempt, d.statusCode, d.error])).toEqual([
      [2, 200, null],
      [1, 500, null],
    ])
    expect(log[0]?.deliveryId).toBe(log[1]?.deliveryId)
    expect(log.every((d) => Number.isInteger(d.durationMs) && d.durationMs >= 0)).toBe(true)

    // Delivered: the standby of the second attempt was cancelled, and nothing comes again.
    expect(await pendingJobs()).toBe(0)
    t.clock.advance(60 * 60 * SECOND)
    expect(await t.jobs.runDue()).toBe(0)
    expect(receiver.received).toHaveLength(2)
  })

  it('refuses private and loopback addresses unless an admin allows them, at saving and at sending', async () => {
    const refused = async (url: string, message: RegExp) => {
      const answer = await owner.post('/webhooks', { url, events: ['story.published'] })
      expect(answer.status, url).toBe(400)
      expect(answer.json.error).toMatchObject({ code: 'invalid_input', field: 'url' })
      expect(answer.json.error.message).toMatch(message)
    }
    expect((await owner.get('/settings/webhooks')).json).toEqual({ allowPrivate: false })
    const notPublic = /private or loopback address/
    await refused(receiver.url, notPublic)
    await refused(`http://localhost:${receiver.port}/`, notPublic)
    await refused('http://[::1]/hook', notPublic)
    await refused('http://[::ffff:127.0.0.1]/hook', notPublic)
    await refused('http://2130706433/hook', notPublic)
    await refused('http://169.254.169.254/latest/meta-data', notPublic)
    await refused('http://10.1.2.3/hook', notPublic)
    await refused('http://100.64.0.1/hook', notPublic)
    await refused('http://[fd00::1]/hook', notPublic)
    await refused('ftp://partner.example/hook', /https:\/\/ or http:\/\/ only/)
    await refused('https://user:secret@partner.example/hook', /user names and passwords/)
    await refused(`https://partner.example/${'a'.repeat(2_000)}`, /longer than 2000/)
    await refused('partner.example/hook', /full address/)
    const badEvent = await owner.post('/webhooks', {
      url: 'http://93.184.215.14/',
      events: ['story.deleted'],
    })
    expect(badEvent.json.error).toMatchObject({
      field: 'events',
      message: expect.stringContaining('story.deleted'),
    })
    const noEvent = await owner.post('/webhooks', { url: 'http://93.184.215.14/', events: [] })
    expect(noEvent.json.error).toMatchObject({
      field: 'events',
      message: 'Choose at least one event.',
    })

    // A public address is taken as it is; nothing is sent to it in this test.
    const publicHook = await owner.post('/webhooks', {
      url: 'http://93.184.215.14/hook',
      events: ['story.published'],
    })
    expect(publicHook.status).toBe(201)
    expect((await owner.delete(`/webhooks/${publicHook.json.id}`)).status).toBe(204)

    // Allowed, saved; then no longer allowed: the delivery is refused, logged and not retried.
    const created = await hook(['story.published'], `http://localhost:${receiver.port}/hook`)
    await allowPrivate(false)
    await newArticle(t.services, room)
    await t.jobs.runDue()
    expect(receiver.received).toHaveLength(0)
    const [attempt, ...rest] = await deliveries(created.id)
    expect(rest).toHaveLength(0)
    expect(attempt).toMatchObject({ attempt: 1, statusCode: null })
    expect(attempt?.error).toMatch(/^localhost resolves to .*, a private or loopback address/)
    expect(await pendingJobs()).toBe(0)

    const editor = await joinAs(t.app, owner, 'editor')
    expect((await editor.get('/webhooks')).status).toBe(403)
    expect((await editor.raw('PUT', '/settings/webhooks', { allowPrivate: true })).status).toBe(403)
  })

  it('delivers a comment once readers can see it: posted, or approved by a moderator', async () => {
    const story = await newArticle(t.services, room)
    const settings = t.services.communitySettings
    await settings.save(room.en.id, { ...(await settings.get(room.en.id)), holdNewReaders: false })
    const alice = await confirmedReader(t, sink, 'Alice Reader')
    const created = await hook(['comment.posted'])

    const posted = await alice.call('POST', `/articles/${story}/comments`, {
      text: 'Long overdue.',
    })
    expect(posted.status).toBe(201)
    await t.jobs.runDue()
    expect(receiver.received).toHaveLength(1)
    expect(signedWith(created.secret, receiver.received[0]!)).toBe(true)
    expect(json(receiver.received[0])).toMatchObject({
      event: 'comment.posted',
      data: {
        comment: {
          id: posted.json.id,
          articleId: story,
          text: 'Long overdue.',
          author: { id: alice.id, displayName: 'Alice Reader' },
        },
      },
    })

    await settings.save(room.en.id, { ...(await settings.get(room.en.id)), holdNewReaders: true })
    const bob = await confirmedReader(t, sink, 'Bob Reader')
    const held = await bob.call('POST', `/articles/${story}/comments`, { text: 'First time here.' })
    expect(held.json.status).toBe('held')
    await t.jobs.runDue()
    expect(receiver.received).toHaveLength(1)
    const approved = await owner.post('/comments/moderate', {
      ids: [held.json.id],
      action: 'approve',
    })
    expect(approved.status).toBe(200)
    await t.jobs.runDue()
    expect(receiver.received).toHaveLength(2)
    expect(json(receiver.received[1]).data.comment).toMatchObject({
      id: held.json.id,
      text: 'First time here.',
      author: { displayName: 'Bob Reader' },
    })
  })

  it('sends nothing to a disabled hook, not even what was pending when it was disabled', async () => {
    const created = await hook(['story.published'])
    await newArticle(t.services, room, { headline: 'Pending when disabled' })
    const disabled = await owner.patch(`/webhooks/${created.id}`, { disabled: true })
    expect(disabled.json).toMatchObject({ disabled: true })
    await newArticle(t.services, room, { headline: 'Published while disabled' })
    await t.jobs.runDue()
    expect(receiver.received).toHaveLength(0)
    expect(await pendingJobs()).toBe(0)
    expect(await deliveries(created.id)).toEqual([])
    expect((await owner.post(`/webhooks/${created.id}/test`)).status).toBe(409)

    await owner.patch(`/webhooks/${created.id}`, { disabled: false })
    await newArticle(t.services, room, { headline: 'Published once enabled again' })
    await t.jobs.runDue()
    expect(receiver.received.map((r) => json(r).data.article.headline)).toEqual([
      'Published once enabled again',
    ])
  })

  it('stops the pending deliveries of a hook that is deleted', async () => {
    const created = await hook(['story.published'])
    receiver.answers.push(500)
    await newArticle(t.services, room)
    await t.jobs.runDue()
    expect(await pendingJobs()).toBe(1)
    expect((await owner.delete(`/webhooks/${created.id}`)).status).toBe(204)
    expect(await pendingJobs()).toBe(0)
    t.clock.advance(60 * 60 * SECOND)
    await t.jobs.runDue()
    expect(receiver.received).toHaveLength(1)
    expect((await owner.get(`/webhooks/${created.id}/deliveries`)).status).toBe(404)
    expect((await owner.delete(`/webhooks/${created.id}`)).status).toBe(404)
  })

  it('rotates the secret and signs a test ping with the new one', async () => {
    const created = await hook(['story.published'])
    const rotated = await owner.post(`/webhooks/${created.id}/rotate`)
    expect(rotated.status).toBe(200)
    expect(rotated.json.secret).toMatch(/^whsec_/)
    expect(rotated.json.secret).not.toBe(created.secret)
    const test = await owner.post(`/webhooks/${created.id}/test`)
    expect(test.status).toBe(202)
    await t.jobs.runDue()
    const [ping] = receiver.received
    expect(ping?.headers['x-dateline-event']).toBe('ping')
    expect(ping?.headers['x-dateline-delivery']).toBe(test.json.deliveryId)
    expect(json(ping)).toMatchObject({ event: 'ping', data: { webhook: { id: created.id } } })
    expect(signedWith(rotated.json.secret, ping!)).toBe(true)
    expect(signedWith(created.secret, ping!)).toBe(false)

    const changed = await owner.patch(`/webhooks/${created.id}`, { events: ['comment.posted'] })
    expect(changed.json.events).toEqual(['comment.posted'])
    await newArticle(t.services, room)
    await t.jobs.runDue()
    expect(receiver.received).toHaveLength(1)
  })
})

describe.runIf(DIALECTS.includes('postgres'))('webhooks across instances on PostgreSQL', () => {
  let t: Awaited<ReturnType<typeof testApp>>
  let other: Database
  let receiver: Awaited<ReturnType<typeof startReceiver>>

  beforeEach(async () => {
    t = await testApp('postgres')
    receiver = await startReceiver()
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(
      t.database.db,
    )
    other = openDatabase({ dialect: 'postgres', url: POSTGRES_URL, schema: rows[0]!.schema })
  })
  afterEach(async () => {
    await other.close()
    await t.close()
    await receiver.close()
  })

  it('delivers each change to each hook once while two instances race for the jobs', async () => {
    const room = await newsroom(t.services)
    const owner = await setUpOwner(t.app, () => t.services.staff.setupLink())
    await owner.raw('PUT', '/settings/webhooks', { allowPrivate: true })
    const secrets = new Map<string, string>()
    for (const path of ['/a', '/b', '/c']) {
      const created = await owner.post('/webhooks', {
        url: `http://127.0.0.1:${receiver.port}${path}`,
        events: ['story.published'],
      })
      secrets.set(path, created.json.secret)
    }
    for (let i = 0; i < 5; i++) await newArticle(t.services, room, { headline: `Story ${i}` })

    const quiet = { warn: () => {}, error: () => {} }
    const second = createWebhookService({
      db: other.db,
      clock: t.clock,
      log: quiet,
      catalogue: t.services.catalogue,
      articleUrl: () => '',
    })
    const runner = createJobRunner({
      db: other.db,
      clock: t.clock,
      log: quiet,
      handlers: second.handlers,
    })
    const drain = async (jobs: { runDue(): Promise<number> }) => {
      while ((await jobs.runDue()) > 0);
    }
    await Promise.all([drain(t.jobs), drain(runner)])

    expect(receiver.received).toHaveLength(15)
    const ids = new Set(receiver.received.map((r) => r.headers['x-dateline-delivery']))
    expect(ids.size).toBe(15)
    expect(receiver.received.every((r) => signedWith(secrets.get(r.path) ?? '', r))).toBe(true)
    const headlines = receiver.received
      .filter((r) => r.path === '/a')
      .map((r) => json(r).data.article.headline)
    expect(headlines.sort()).toEqual(['Story 0', 'Story 1', 'Story 2', 'Story 3', 'Story 4'])
  })
})
