// Web push on both databases, sent to a push service on loopback that checks each push as a real
// one and the browser would: the VAPID token, the encryption headers, the payload decrypted with
// the browser's key. Topics, expired subscriptions, retries, one alert per story, bad input.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import webPush from 'web-push'
import { buildApp } from '../src/main.ts'
import { openDatabase } from '../src/platform/db/database.ts'
import { loadAssets } from '../src/site/assets.ts'
import { PUSH_LIMIT } from '../src/subscriptions/push.service.ts'
import { createPushSender } from '../src/subscriptions/push-sender.ts'
import { checkEndpoint } from '../src/subscriptions/push-subscription.ts'
import { storedVapidKeys } from '../src/subscriptions/vapid.ts'
import { newArticle, newsroom } from './factories.ts'
import {
  browserKeys,
  decryptPush,
  type PushService,
  type ReceivedPush,
  startPushService,
  vapidToken,
} from './push-service.ts'
import { DIALECTS, POSTGRES_URL, testApp } from './setup.ts'

const SECOND = 1_000
const SITE = 'https://news.example.com'
const JSON_FROM_SITE = { origin: SITE, 'content-type': 'application/json' }

type Browser = ReturnType<typeof browserKeys> & { endpoint: string; path: string }

describe.each(DIALECTS)('web push on %s', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>
  let room: Awaited<ReturnType<typeof newsroom>>
  let service: PushService

  beforeEach(async () => {
    t = await testApp(dialect, { PUSH_ALLOW_INSECURE_ENDPOINTS: 'true' })
    room = await newsroom(t.services)
    service = await startPushService()
  })
  afterEach(async () => {
    await t.close()
    await service.close()
  })

  const call = (
    method: 'POST' | 'DELETE',
    payload: unknown,
    headers: Record<string, string> = JSON_FROM_SITE,
    ip = '127.0.0.1',
  ) =>
    t.app.inject({
      method,
      url: '/subscriptions/push',
      headers,
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
      remoteAddress: ip,
    })
  const browser = (name: string): Browser => ({
    ...browserKeys(),
    path: `/push/${name}`,
    endpoint: `${service.origin}/push/${name}`,
  })
  const subscribe = async (b: Browser, topics: string[] = [], edition = 'en') => {
    const answer = await call('POST', {
      edition,
      subscription: { endpoint: b.endpoint, expirationTime: null, keys: b.keys },
      topics,
    })
    expect(answer.statusCode, answer.body).toBe(201)
    return b
  }
  const opened = (push: ReceivedPush | undefined, b: Browser) =>
    JSON.parse(decryptPush(push?.body ?? Buffer.alloc(0), b))
  const storyUrl = (id: number, slug = 'talks-will-go-on-ministers-say') =>
    `${SITE}/en/world/20260214/${slug}-${id}`
  const pendingSends = async () =>
    (
      await t.database.db
        .selectFrom('jobs')
        .select('id')
        .where('kind', '=', 'push.send')
        .where('done_at', 'is', null)
        .execute()
    ).length
  const subscriptions = async () =>
    (
      await sql<{ endpoint: string }>`select endpoint from push_subscriptions order by id`.execute(
        t.database.db,
      )
    ).rows.map((row) => row.endpoint)

  it('sends a breaking story to each subscribed browser, signed and encrypted as browsers expect', async () => {
    const phone = await subscribe(browser('phone'))
    const laptop = await subscribe(browser('laptop'))
    await newArticle(t.services, room, { headline: 'Quiet news' })
    await t.jobs.runDue()
    expect(service.received).toHaveLength(0)

    const id = await newArticle(t.services, room, { breaking: true })
    await t.jobs.runDue()
    expect(service.received.map((push) => push.path).sort()).toEqual([laptop.path, phone.path])

    const push = service.to(phone.path)[0]!
    expect(push.headers).toMatchObject({
      'content-encoding': 'aes128gcm',
      'content-type': 'application/octet-stream',
      ttl: '3600',
      urgency: 'high',
      topic: `story-${id}`,
    })
    const token = vapidToken(String(push.headers.authorization))
    expect(token?.key).toBe(t.services.push.publicKey)
    expect(token?.header).toMatchObject({ alg: 'ES256', typ: 'JWT' })
    expect(token?.claims.aud).toBe(service.origin)
    expect(token?.claims.sub).toBe(SITE)
    expect(token?.claims.exp).toBeGreaterThan(Date.now() / 1000)
    expect(token?.claims.exp).toBeLessThanOrEqual(Date.now() / 1000 + 24 * 60 * 60)
    // A token signed by anyone else does not pass.
    const forged = String(push.headers.authorization).replace(/k=[\w-]+$/, `k=${phone.keys.p256dh}`)
    expect(vapidToken(forged)).toBeUndefined()

    const expected = {
      title: 'Talks will go on, ministers say',
      body: 'Both sides agreed to meet again next week.',
      url: storyUrl(id),
      tag: `story-${id}`,
      icon: `${SITE}/assets/logo-square.png`,
      lang: 'en-GB',
      dir: 'ltr',
    }
    expect(opened(push, phone)).toEqual(expected)
    expect(opened(service.to(laptop.path)[0], laptop)).toEqual(expected)
    // Only the browser's own key opens its push.
    expect(() => opened(push, laptop)).toThrow()

    expect(await pendingSends()).toBe(0)
    t.clock.advance(60 * 60 * SECOND)
    await t.jobs.runDue()
    expect(service.received).toHaveLength(2)
  })

  it('keeps one subscription per endpoint: subscribing again updates its keys, topics and edition', async () => {
    const first = browser('tablet')
    await subscribe(first, [`section:${room.world.id}`])
    const renewed = { ...browserKeys(), path: first.path, endpoint: first.endpoint }
    const again = await call('POST', {
      edition: 'ru',
      subscription: { endpoint: renewed.endpoint, keys: renewed.keys },
      topics: [],
    })
    expect(again.statusCode).toBe(200)
    expect(again.json()).toEqual({ edition: 'ru', topics: [] })
    expect(await subscriptions()).toEqual([first.endpoint])

    await newArticle(t.services, room, { breaking: true })
    const id = await newArticle(t.services, room, { breaking: true, ru: true })
    await t.jobs.runDue()
    expect(service.received).toHaveLength(1)
    expect(opened(service.received[0], renewed)).toMatchObject({
      title: 'Переговоры продолжатся',
      url: `${SITE}/ru/world/20260214/peregovory-prodolzhatsya-${id}`,
      lang: 'ru-RU',
    })
  })

  it('pushes breaking news to every browser of the edition, other new stories to their followers', async () => {
    const economy = await t.services.taxonomy.createSection({
      editionId: room.en.id,
      slug: 'economy',
      name: 'Economy',
      description: 'Economy: markets and money',
    })
    const europe = await t.services.taxonomy.createSection({
      editionId: room.en.id,
      parentId: room.world.id,
      slug: 'europe',
      name: 'Europe',
    })
    const everything = await subscribe(browser('everything'))
    const world = await subscribe(browser('world'), [`section:${room.world.id}`])
    const diplomacy = await subscribe(browser('diplomacy'), [`tag:${room.tag}`])
    const money = await subscribe(browser('money'), [`section:${economy}`])
    const russian = await subscribe(browser('russian'), [`section:${room.mir.id}`], 'ru')
    const reached = () => service.received.map((push) => push.path).sort()
    const urgencies = () => new Set(service.received.map((push) => push.headers.urgency))

    // A new story in World tagged Diplomacy: its followers only, not urgently.
    const talks = await newArticle(t.services, room)
    await t.jobs.runDue()
    expect(reached()).toEqual([diplomacy.path, world.path])
    expect(urgencies()).toEqual(new Set(['normal']))
    expect(opened(service.to(world.path)[0], world)).toMatchObject({
      title: 'Talks will go on, ministers say',
      url: storyUrl(talks),
    })

    // A story in a subsection reaches the followers of its parent section.
    service.received.length = 0
    await newArticle(t.services, room, { headline: 'Ports reopen', sectionId: europe, tagIds: [] })
    await t.jobs.runDue()
    expect(reached()).toEqual([world.path])

    // Breaking news in Economy: every browser of the edition, urgently.
    service.received.length = 0
    const rates = await newArticle(t.services, room, {
      breaking: true,
      headline: 'Rates go up',
      sectionId: economy,
      tagIds: [],
    })
    await t.jobs.runDue()
    expect(reached()).toEqual([diplomacy.path, everything.path, money.path, world.path])
    expect(urgencies()).toEqual(new Set(['high']))
    expect(opened(service.to(money.path)[0], money)).toMatchObject({
      title: 'Rates go up',
      url: `${SITE}/en/economy/20260214/rates-go-up-${rates}`,
    })

    // The World story flagged breaking later: the browsers that had it are not woken again.
    service.received.length = 0
    await t.services.articles.update(talks, { breaking: true })
    await t.jobs.runDue()
    expect(reached()).toEqual([everything.path, money.path])
    expect(service.to(russian.path)).toHaveLength(0)
  })

  it('removes subscriptions answered 404 or 410, and retries a 500 without resending the others', async () => {
    const gone = await subscribe(browser('gone'))
    const missing = await subscribe(browser('missing'))
    const flaky = await subscribe(browser('flaky'))
    const fine = await subscribe(browser('fine'))
    service.answer(gone.path, 410)
    service.answer(missing.path, 404)
    service.answer(flaky.path, 500)

    const id = await newArticle(t.services, room, { breaking: true })
    await t.jobs.runDue()
    expect(service.received).toHaveLength(4)
    expect(await subscriptions()).toEqual([flaky.endpoint, fine.endpoint])
    expect(await pendingSends()).toBe(1)

    // Not before the backoff: at most 5 s after the first attempt.
    expect(await t.jobs.runDue()).toBe(0)
    t.clock.advance(5 * SECOND)
    await t.jobs.runDue()
    expect(service.received).toHaveLength(5)
    expect(service.to(flaky.path)).toHaveLength(2)
    expect(service.to(fine.path)).toHaveLength(1)
    expect(opened(service.to(flaky.path)[1], flaky)).toMatchObject({ url: storyUrl(id) })

    // Delivered: the standby of the third attempt was cancelled, and nothing comes again.
    expect(await pendingSends()).toBe(0)
    t.clock.advance(60 * 60 * SECOND)
    expect(await t.jobs.runDue()).toBe(0)
    expect(service.received).toHaveLength(5)
  })

  it('alerts once per story, however often it is flagged, unflagged or published again', async () => {
    const reader = await subscribe(browser('reader'))
    const follower = await subscribe(browser('follower'), [`section:${room.world.id}`])
    const id = await newArticle(t.services, room)
    await t.services.articles.unpublish(id)
    await t.services.articles.publish(id)
    await t.jobs.runDue()
    expect(service.to(follower.path)).toHaveLength(1)
    expect(service.to(reader.path)).toHaveLength(0)

    await t.services.articles.update(id, { breaking: true })
    await t.jobs.runDue()
    expect(service.to(reader.path)).toHaveLength(1)

    await t.services.articles.update(id, { breaking: false })
    await t.services.articles.update(id, { breaking: true })
    await t.services.articles.unpublish(id)
    await t.services.articles.publish(id)
    t.clock.advance(60 * SECOND)
    await t.jobs.runDue()
    expect(service.received).toHaveLength(2)

    // A breaking draft alerts when it goes public, not before.
    const draft = await newArticle(t.services, room, { breaking: true, publish: false })
    await t.jobs.runDue()
    expect(service.received).toHaveLength(2)
    await t.services.articles.publish(draft)
    await t.jobs.runDue()
    expect(service.received.map((push) => push.path).sort()).toEqual(
      [follower.path, follower.path, reader.path, reader.path].sort(),
    )
  })

  it('forgets a subscription on DELETE, and answers 204 for one it does not know', async () => {
    const reader = await subscribe(browser('reader'))
    const removed = await call('DELETE', { endpoint: reader.endpoint })
    expect(removed.statusCode).toBe(204)
    expect(await subscriptions()).toEqual([])
    expect((await call('DELETE', { endpoint: reader.endpoint })).statusCode).toBe(204)
    await newArticle(t.services, room, { breaking: true })
    await t.jobs.runDue()
    expect(service.received).toHaveLength(0)
  })

  it('refuses a bogus subscription with a 400 that says what is wrong, and keeps nothing', async () => {
    const good = browserKeys().keys
    const offCurve = Buffer.concat([Buffer.from([4]), Buffer.alloc(64, 1)]).toString('base64url')
    const endpoint = `${service.origin}/push/bogus`
    const cases: [string, unknown, string | undefined, RegExp][] = [
      [
        'plain http',
        { endpoint: 'http://push.example.com/x', keys: good },
        'subscription.endpoint',
        /https/,
      ],
      [
        'a private address',
        { endpoint: 'https://10.1.2.3/x', keys: good },
        'subscription.endpoint',
        /private/,
      ],
      [
        'a link-local address',
        { endpoint: 'https://169.254.169.254/x', keys: good },
        'subscription.endpoint',
        /private/,
      ],
      [
        'a private IPv6 address',
        { endpoint: 'https://[fd00::1]/x', keys: good },
        'subscription.endpoint',
        /private/,
      ],
      [
        'a local name',
        { endpoint: 'https://printer.local/x', keys: good },
        'subscription.endpoint',
        /private/,
      ],
      ['not a URL', { endpoint: 'push service', keys: good }, 'subscription.endpoint', /not a URL/],
      [
        'credentials',
        { endpoint: 'https://a:b@push.example.com/x', keys: good },
        'subscription.endpoint',
        /user name/,
      ],
      [
        'a short p256dh',
        { endpoint, keys: { ...good, p256dh: good.p256dh.slice(0, 40) } },
        'subscription.keys.p256dh',
        /65 bytes/,
      ],
      [
        'p256dh in base64',
        { endpoint, keys: { ...good, p256dh: `${good.p256dh.slice(0, 86)}+` } },
        'subscription.keys.p256dh',
        /base64url/,
      ],
      [
        'p256dh off the curve',
        { endpoint, keys: { ...good, p256dh: offCurve } },
        'subscription.keys.p256dh',
        /curve/,
      ],
      [
        'a short auth',
        { endpoint, keys: { ...good, auth: good.auth.slice(0, 20) } },
        'subscription.keys.auth',
        /16 bytes/,
      ],
      [
        'a padded auth',
        { endpoint, keys: { ...good, auth: `${good.auth}==` } },
        'subscription.keys.auth',
        /16 bytes/,
      ],
      ['no keys', { endpoint }, undefined, /keys/],
    ]
    for (const [index, [name, subscription, field, message]] of cases.entries()) {
      const answer = await call(
        'POST',
        { edition: 'en', subscription, topics: [] },
        JSON_FROM_SITE,
        `10.9.0.${index + 1}`,
      )
      expect(answer.statusCode, name).toBe(400)
      expect(answer.json().error, name).toMatchObject({
        code: 'invalid_input',
        ...(field && { field }),
      })
      expect(answer.json().error.message, name).toMatch(message)
    }

    const topics: [string[], RegExp][] = [
      [['section:world'], /not a topic/],
      [['author:1'], /not a topic/],
      [[`section:${room.mir.id}`], /not a section of the en edition/],
      [[`tag:${room.ruTag}`], /not a tag of the en edition/],
      [['tag:999999'], /not a tag/],
    ]
    for (const [index, [chosen, message]] of topics.entries()) {
      const answer = await call(
        'POST',
        { edition: 'en', subscription: { endpoint, keys: good }, topics: chosen },
        JSON_FROM_SITE,
        `10.9.1.${index + 1}`,
      )
      expect(answer.statusCode, chosen[0]).toBe(400)
      expect(answer.json().error).toMatchObject({
        field: 'topics',
        message: expect.stringMatching(message),
      })
    }
    const noEdition = await call('POST', { edition: 'xx', subscription: { endpoint, keys: good } })
    expect(noEdition.json().error).toMatchObject({
      field: 'edition',
      message: 'There is no edition "xx".',
    })
    expect((await call('POST', '{"edition": "en", "subscription": ')).statusCode).toBe(400)
    expect(await subscriptions()).toEqual([])
  })

  it('takes changes from the site’s own pages in JSON only: 403 from elsewhere, 415 for forms', async () => {
    const reader = browser('reader')
    const body = { edition: 'en', subscription: { endpoint: reader.endpoint, keys: reader.keys } }
    const attempts: [string, Record<string, string>, number][] = [
      ['another site', { ...JSON_FROM_SITE, origin: 'https://evil.example' }, 403],
      ['the site over http', { ...JSON_FROM_SITE, origin: 'http://news.example.com' }, 403],
      ['no Origin', { 'content-type': 'application/json' }, 403],
      ['a form', { origin: SITE, 'content-type': 'application/x-www-form-urlencoded' }, 415],
      ['plain text', { origin: SITE, 'content-type': 'text/plain' }, 415],
    ]
    for (const [name, headers, status] of attempts) {
      const answer = await call('POST', body, headers)
      expect(answer.statusCode, name).toBe(status)
      expect(answer.json().error.code, name).toBe(status === 403 ? 'csrf' : 'unsupported_media')
    }
    await subscribe(reader)
    const foreign = await call(
      'DELETE',
      { endpoint: reader.endpoint },
      { ...JSON_FROM_SITE, origin: 'https://evil.example' },
    )
    expect(foreign.statusCode).toBe(403)
    expect(await subscriptions()).toEqual([reader.endpoint])
  })

  it('stops a flood from one address with 429 and Retry-After, and lets others through', async () => {
    const reader = browser('flood')
    const body = { edition: 'en', subscription: { endpoint: reader.endpoint, keys: reader.keys } }
    for (let i = 0; i < PUSH_LIMIT.max; i++)
      expect((await call('POST', body, JSON_FROM_SITE, '203.0.113.7')).statusCode).toBeLessThan(300)
    const refused = await call('POST', body, JSON_FROM_SITE, '203.0.113.7')
    expect(refused.statusCode).toBe(429)
    expect(refused.json().error.code).toBe('rate_limited')
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0)
    expect(
      (await call('DELETE', { endpoint: reader.endpoint }, JSON_FROM_SITE, '203.0.113.7'))
        .statusCode,
    ).toBe(429)
    expect((await call('POST', body, JSON_FROM_SITE, '203.0.113.8')).statusCode).toBe(200)
    t.clock.advance(PUSH_LIMIT.windowMs)
    expect((await call('POST', body, JSON_FROM_SITE, '203.0.113.7')).statusCode).toBe(200)
  })

  it('serves the service worker at the root, never kept long, and the page script as JavaScript', async () => {
    const worker = await t.app.inject({ method: 'GET', url: '/sw.js' })
    expect(worker.statusCode).toBe(200)
    expect(worker.headers['content-type']).toBe('text/javascript; charset=utf-8')
    expect(worker.headers['cache-control']).toBe('no-cache')
    expect(worker.body).toContain('showNotification')
    expect(worker.body).toContain('notificationclick')

    const { push } = loadAssets()
    expect(push.href).toMatch(/^\/assets\/push\.[0-9a-f]{12}\.js$/)
    const script = await t.app.inject({ method: 'GET', url: push.href })
    expect(script.statusCode).toBe(200)
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8')
    expect(script.body).toContain('requestPermission')
  })

  it('keeps its VAPID keys in DATA_DIR, readable by the server’s user only', async () => {
    const file = path.join(t.config.dataDir, 'vapid.json')
    const kept = JSON.parse(fs.readFileSync(file, 'utf8'))
    expect(kept.publicKey).toBe(t.services.push.publicKey)
    expect(Buffer.from(kept.publicKey, 'base64url')).toHaveLength(65)
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600)
  })
})

describe('push endpoints and VAPID keys', () => {
  it('refuses loopback and plain http unless PUSH_ALLOW_INSECURE_ENDPOINTS allows loopback', () => {
    for (const url of [
      'http://127.0.0.1:8080/x',
      'https://127.0.0.1/x',
      'https://localhost/x',
      'https://[::1]/x',
    ])
      expect(() => checkEndpoint(url, false), url).toThrow(/private or loopback|https/)
    expect(checkEndpoint('http://127.0.0.1:8080/x', true)).toBe('http://127.0.0.1:8080/x')
    expect(checkEndpoint('https://localhost/x', true)).toBe('https://localhost/x')
    expect(() => checkEndpoint('http://10.0.0.1/x', true)).toThrow(/https/)
    expect(() => checkEndpoint('https://10.0.0.1/x', true)).toThrow(/private/)
    expect(checkEndpoint('https://fcm.googleapis.com/fcm/send/abc:def', false)).toBe(
      'https://fcm.googleapis.com/fcm/send/abc:def',
    )
  })

  it('sends nothing to a loopback or private address unless allowed, whatever was stored', async () => {
    const service = await startPushService()
    const { port } = new URL(service.origin)
    const keys = browserKeys().keys
    const vapid = { ...webPush.generateVAPIDKeys(), subject: SITE }
    const strict = createPushSender({ vapid, allowLoopback: false })
    try {
      const targets = [
        `http://127.0.0.1:${port}/push/plain`,
        `https://127.0.0.1:${port}/push/literal`,
        `https://localhost:${port}/push/named`,
      ].map((endpoint, i) => ({ id: i + 1, endpoint, ...keys }))
      const results = await strict.send(targets, '{}', { ttl: 60, urgency: 'high' })
      expect(results.failed.map((f) => [f.id, f.error])).toEqual([
        [1, 'not an https endpoint'],
        [2, '127.0.0.1 is a private address'],
        [3, expect.stringMatching(/^localhost resolves to (127\.0\.0\.1|::1), a private address$/)],
      ])
      expect(results.sent).toEqual([])
      expect(service.received).toEqual([])
    } finally {
      strict.close()
      await service.close()
    }
  })

  it('makes one key pair when several instances start on one DATA_DIR at once', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-vapid-'))
    try {
      const pairs = await Promise.all(Array.from({ length: 8 }, () => storedVapidKeys(dir)))
      expect(new Set(pairs.map((pair) => pair.publicKey)).size).toBe(1)
      expect(fs.readdirSync(dir)).toEqual(['vapid.json'])
      expect(await storedVapidKeys(dir)).toEqual(pairs[0])
      fs.writeFileSync(path.join(dir, 'vapid.json'), '{"publicKey": "x"}')
      await expect(storedVapidKeys(dir)).rejects.toThrow(/does not hold a VAPID key pair/)
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe.runIf(DIALECTS.includes('postgres'))('web push across instances on PostgreSQL', () => {
  let t: Awaited<ReturnType<typeof testApp>>
  let b: Awaited<ReturnType<typeof buildApp>>
  let service: PushService

  beforeEach(async () => {
    t = await testApp('postgres', { PUSH_ALLOW_INSECURE_ENDPOINTS: 'true' })
    service = await startPushService()
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(
      t.database.db,
    )
    const database = openDatabase({
      dialect: 'postgres',
      url: POSTGRES_URL,
      schema: rows[0]!.schema,
    })
    b = await buildApp(t.config, { database, clock: t.clock })
  })
  afterEach(async () => {
    await b.app.close()
    await t.close()
    await service.close()
  })

  it('sends one alert per browser when both instances flag the story and race for the jobs', async () => {
    expect(b.services.push.publicKey).toBe(t.services.push.publicKey)
    const room = await newsroom(t.services)
    await b.services.catalogue.reload()
    const browsers = Array.from({ length: 3 }, (_, i) => ({ ...browserKeys(), path: `/push/${i}` }))
    for (const reader of browsers) {
      const answer = await t.app.inject({
        method: 'POST',
        url: '/subscriptions/push',
        headers: JSON_FROM_SITE,
        payload: {
          edition: 'en',
          subscription: { endpoint: `${service.origin}${reader.path}`, keys: reader.keys },
        },
      })
      expect(answer.statusCode).toBe(201)
    }
    const id = await newArticle(t.services, room)
    await Promise.all([
      t.services.articles.update(id, { breaking: true }),
      b.services.articles.update(id, { breaking: true }),
    ])
    const drain = async (jobs: { runDue(): Promise<number> }) => {
      while ((await jobs.runDue()) > 0);
    }
    await Promise.all([drain(t.jobs), drain(b.jobs)])
    expect(service.received.map((push) => push.path).sort()).toEqual(browsers.map((r) => r.path))
    for (const reader of browsers)
      expect(JSON.parse(decryptPush(service.to(reader.path)[0]!.body, reader))).toMatchObject({
        tag: `story-${id}`,
      })
  })
})
