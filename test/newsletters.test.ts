// Newsletters over HTTP and through a real SMTP server on loopback, on both databases: double
// opt-in, the digest at the edition's local time, breaking alerts, one-click unsubscribing, bad
// links and addresses, floods, bounces, the newsroom's subscriber API, and sending each issue
// exactly once across instances, restarts, crashes and a mail server outage.
import type { ParsedMail } from 'mailparser'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { buildApp } from '../src/main.ts'
import { fixedClock } from '../src/platform/clock.ts'
import { loadConfig } from '../src/platform/config.ts'
import { openDatabase } from '../src/platform/db/database.ts'
import { createJobRunner } from '../src/platform/jobs/job-runner.ts'
import { createMailer } from '../src/platform/mail/mailer.ts'
import { createNewsletterRepository } from '../src/subscriptions/newsletter.repository.ts'
import { parseCsv } from '../src/subscriptions/newsletter-csv.ts'
import { BATCH_JOB, createNewsletterIssues } from '../src/subscriptions/newsletter-issues.ts'
import { createNewsletterLinks } from '../src/subscriptions/newsletter-links.ts'
import { createNewsletterSender } from '../src/subscriptions/newsletter-sender.ts'
import { joinAs, setUpOwner } from './admin-client.ts'
import { newArticle, newsroom } from './factories.ts'
import { confirmedReader, linkIn } from './reader-client.ts'
import { DIALECTS, POSTGRES_URL, TEST_NOW, testApp, testDatabase } from './setup.ts'
import { type SmtpSink, startSmtpSink } from './smtp-sink.ts'

const FORM = { 'content-type': 'application/x-www-form-urlencoded' }
const BOUNCE_SECRET = 'bounce-secret-for-the-tests-0123456789'
const ENV = { NEWSLETTER_RATE: '0', NEWSLETTER_BATCH: '2', NEWSLETTER_BOUNCE_SECRET: BOUNCE_SECRET }
/** 07:00 in London on the day after TEST_NOW: the first digest of the English edition. */
const EN_DIGEST = new Date('2026-02-15T07:00:00Z')
const MINUTE = 60_000
const HOUR = 60 * MINUTE

type TestApp = Awaited<ReturnType<typeof testApp>>
type Runner = { runDue(): Promise<number> }

let serial = 0
const address = (name: string) => `${name}.${++serial}.${Date.now() % 100_000}@readers.example`

const to = (mail: ParsedMail) => JSON.stringify(mail.to ?? '')
const header = (mail: ParsedMail, name: string) =>
  mail.headerLines.find((h) => h.key === name)?.line.replace(/^[^:]+:\s*/, '')

/** The hidden inputs of the page's form posting to `action`. */
function hiddenFields(html: string, action: string): Record<string, string> {
  const form = html.split('<form').find((part) => part.includes(`action="${action}"`)) ?? ''
  const fields: Record<string, string> = {}
  for (const m of form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g))
    fields[m[1]!] = m[2]!
  return fields
}

/** Runs every due job, again and again, until none is left. */
async function drain(...runners: Runner[]) {
  for (let rounds = 0; rounds < 100; rounds++) {
    const ran = await Promise.all(runners.map((r) => r.runDue()))
    if (ran.every((n) => n === 0)) return
  }
  throw new Error('jobs kept coming')
}

/** A browser with JavaScript off on the subscribe page: its cookie, its form, its address. */
function browser(t: { app: TestApp['app'] }, ip = '198.51.100.1', cookie = '') {
  let cookies = cookie
  return {
    async page(url = '/en/subscribe') {
      const response = await t.app.inject({
        method: 'GET',
        url,
        headers: { cookie: cookies },
        remoteAddress: ip,
      })
      const pre = response.cookies.find((c) => c.name === 'dateline_reader_csrf')
      if (pre) cookies = [cookies, `dateline_reader_csrf=${pre.value}`].filter(Boolean).join('; ')
      return response
    },
    async subscribe(email: string, lists: string[] = ['digest', 'breaking'], csrf?: string) {
      const token = csrf ?? hiddenFields((await this.page()).body, '/en/subscribe')._csrf ?? ''
      const body = new URLSearchParams({ _csrf: token, email })
      for (const list of lists) body.set(list, '1')
      return t.app.inject({
        method: 'POST',
        url: '/en/subscribe',
        headers: { ...FORM, cookie: cookies },
        payload: body.toString(),
        remoteAddress: ip,
      })
    },
  }
}

describe.each(DIALECTS)('newsletters on %s', (dialect) => {
  let sink: SmtpSink
  let t: TestApp
  let room: Awaited<ReturnType<typeof newsroom>>

  beforeAll(async () => {
    sink = await startSmtpSink()
  })
  afterAll(async () => {
    await sink.close()
  })
  beforeEach(async () => {
    t = await testApp(dialect, { SMTP_URL: sink.url, ...ENV })
    room = await newsroom(t.services)
  })
  afterEach(async () => {
    await t.close()
  })

  const mailsTo = (email: string) => sink.messages.filter((m) => to(m).includes(email))
  const subscriber = (email: string) =>
    t.database.db
      .selectFrom('newsletter_subscribers')
      .selectAll()
      .where('email', '=', email)
      .executeTakeFirst()

  /** Subscribes through the form and follows the mailed link. */
  const confirmed = async (email: string, lists: string[] = ['digest', 'breaking']) => {
    const before = sink.messages.length
    expect((await browser(t, '198.51.100.9').subscribe(email, lists)).statusCode).toBe(200)
    await drain(t.jobs)
    await sink.waitFor(before + 1)
    const link = new URL(linkIn(sink, email))
    const answer = await t.app.inject({ method: 'GET', url: link.pathname + link.search })
    expect(answer.statusCode).toBe(200)
    return link
  }

  it('confirms by a mailed link before anything is sent, and mails the digest only to the confirmed', async () => {
    const story = await newArticle(t.services, room, {
      headline: 'Ministers agree on a <new> deal',
      dek: 'Talks ended after midnight & both sides signed.',
    })
    const reader = browser(t)
    const page = await reader.page()
    expect(page.statusCode).toBe(200)
    expect(page.headers['cache-control']).toBe('no-store')
    const html = page.body
    expect(html).toContain('action="/en/subscribe"')
    expect(html).toMatch(/<input type="checkbox" name="digest" value="1"/)
    expect(html).toMatch(/<input type="checkbox" name="breaking" value="1"/)
    // The push section as push.js expects it, and the edition's and sections' feeds.
    expect(html).toMatch(/<section class="subscribe-push"[^>]* data-push-key="[\w-]{80,}"/)
    expect(html).toContain('data-edition="en"')
    expect(html).toContain(`name="push-topic" value="section:${room.world.id}"`)
    expect(html).toContain('data-push-enable')
    expect(html).toMatch(/data-push-disable[^>]*hidden/)
    expect(html).toContain('data-push-status')
    expect(html).toContain('href="/en/feed.xml"')
    expect(html).toContain('href="/en/world/atom.xml"')
    // The masthead's button on every page, leading here.
    const home = await t.app.inject({ method: 'GET', url: '/en' })
    expect(home.body).toMatch(/<a class="masthead__subscribe" href="\/en\/subscribe"/)

    const alice = address('alice')
    const bob = address('bob')
    const first = await reader.subscribe(alice)
    const second = await reader.subscribe(bob, ['digest'])
    expect(first.statusCode).toBe(200)
    expect(first.body).toContain('Check your inbox')
    // The same answer for every address, whatever is known of it.
    expect(second.body.replace(bob, alice)).toBe(first.body)
    await drain(t.jobs)
    await sink.waitFor(2)
    const [confirmation] = mailsTo(alice)
    expect(confirmation?.subject).toBe('Confirm your subscription to Dateline')
    expect(confirmation?.text).toContain('“Daily digest” and “Breaking news alerts”')
    expect(confirmation?.html).toContain('Confirm my subscription')
    expect(await subscriber(bob)).toMatchObject({ status: 'pending' })

    const link = new URL(linkIn(sink, alice))
    const done = await t.app.inject({ method: 'GET', url: link.pathname + link.search })
    expect(done.statusCode).toBe(200)
    expect(done.body).toContain('Subscription confirmed')
    expect(await subscriber(alice)).toMatchObject({ status: 'confirmed', source: 'form' })
    // Used once: the same link again is refused, and says so.
    const again = await t.app.inject({ method: 'GET', url: link.pathname + link.search })
    expect(again.statusCode).toBe(400)
    expect(again.body).toContain('This link is not valid any more')

    t.clock.set(new Date(EN_DIGEST.getTime() - 1))
    await drain(t.jobs)
    expect(mailsTo(alice)).toHaveLength(1)
    t.clock.set(EN_DIGEST)
    await drain(t.jobs)
    await sink.waitFor(3)
    expect(mailsTo(bob)).toHaveLength(1)
    const digest = mailsTo(alice)[1]!
    expect(digest.subject).toBe('Dateline: the day’s top stories, 15 February 2026')
    expect(digest.html).toContain('Ministers agree on a &lt;new> deal')
    expect(digest.html).toContain('max-width:600px')
    expect(digest.html).toContain(`https://news.example.com/media/${room.photo}/960.jpg`)
    const record = (await t.services.reading.story(story))!
    const url = t.services.urls.article({
      ...record,
      headline: '',
      publishedAt: record.publishedAt!,
    })
    expect(digest.html).toContain(`href="https://news.example.com${url}"`)
    expect(digest.text).toContain('Ministers agree on a <new> deal')
    expect(digest.text).toContain('Talks ended after midnight & both sides signed.')
    expect(digest.text).toContain(`https://news.example.com${url}`)
    const unsubscribe = header(digest, 'list-unsubscribe')
    expect(unsubscribe).toMatch(
      /^<https:\/\/news\.example\.com\/en\/subscribe\/unsubscribe\?token=\d+-digest-[\w-]{43}>$/,
    )
    expect(header(digest, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click')
    expect(digest.text).toContain(unsubscribe!.slice(1, -1))
  })

  it('refuses links reused, tampered or expired, malformed addresses, forged forms and floods', async () => {
    const bad = async (url: string, method: 'GET' | 'POST' = 'GET') => {
      const response = await t.app.inject({ method, url, headers: FORM, payload: '' })
      expect(response.statusCode, url).toBe(400)
      expect(response.body).toContain('This link is not valid any more')
    }
    await bad('/en/subscribe/confirm')
    await bad('/en/subscribe/confirm?token=short')
    await bad(`/en/subscribe/confirm?token=${'A'.repeat(43)}`)
    await bad('/en/subscribe/unsubscribe?token=1-digest-xyz')
    await bad(`/en/subscribe/unsubscribe?token=1-digest-${'A'.repeat(43)}`, 'POST')

    const late = address('late')
    const reader = browser(t)
    await reader.subscribe(late)
    await drain(t.jobs)
    await sink.waitFor(sink.messages.length)
    const link = new URL(linkIn(sink, late))
    // A character changed in the token.
    const token = link.searchParams.get('token')!
    const tampered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`
    await bad(`/en/subscribe/confirm?token=${tampered}`)
    t.clock.advance(48 * HOUR + 1)
    await bad(link.pathname + link.search)
    expect(await subscriber(late)).toMatchObject({ status: 'pending' })

    // An unsubscribe token made for one subscriber does not work for another.
    const carol = address('carol')
    t.clock.set(TEST_NOW)
    await confirmed(carol)
    const own = (await subscriber(carol))!.id
    const alert = await newArticle(t.services, room, { breaking: true })
    await drain(t.jobs)
    await sink.waitFor(sink.messages.length)
    const theirs = new URL(header(mailsTo(carol).at(-1)!, 'list-unsubscribe')!.slice(1, -1))
    const stolen = theirs.searchParams.get('token')!.replace(`${own}-`, `${own + 1000}-`)
    await bad(`/en/subscribe/unsubscribe?token=${stolen}`, 'POST')
    const wrongList = theirs.searchParams.get('token')!.replace('-breaking-', '-digest-')
    await bad(`/en/subscribe/unsubscribe?token=${wrongList}`, 'POST')
    expect(alert).toBeGreaterThan(0)

    const count = sink.messages.length
    for (const [email, lists, message] of [
      ['not an address', ['digest'], 'Enter an e-mail address such as name@example.com.'],
      ['@example.com', ['digest'], 'Enter an e-mail address such as name@example.com.'],
      [`${'x'.repeat(250)}@example.com`, ['digest'], 'Enter an e-mail address'],
      ['dan@example', ['digest'], 'Enter an e-mail address'],
      [address('erin'), [], 'Choose at least one newsletter.'],
    ] as const) {
      const response = await browser(t, '198.51.100.77').subscribe(email, [...lists])
      expect(response.statusCode, email).toBe(400)
      expect(response.body).toContain(message)
      expect(response.body).toContain('action="/en/subscribe"')
    }
    const forged = await browser(t, '198.51.100.78').subscribe(address('frank'), ['digest'], 'x')
    expect(forged.statusCode).toBe(403)
    const elsewhere = await t.app.inject({
      method: 'POST',
      url: '/en/subscribe',
      headers: { ...FORM, origin: 'https://evil.example' },
      payload: `email=${address('gina')}&digest=1`,
    })
    expect(elsewhere.statusCode).toBe(403)
    const huge = await t.app.inject({
      method: 'POST',
      url: '/en/subscribe',
      headers: FORM,
      payload: `email=${'x'.repeat(20_000)}`,
    })
    expect(huge.statusCode).toBe(413)
    expect(huge.body).toContain('What you sent is too long')
    expect(huge.body).toContain('action="/en/subscribe"')

    // One network address asking for many subscriptions.
    const flooder = browser(t, '203.0.113.50')
    const csrf = hiddenFields((await flooder.page()).body, '/en/subscribe')._csrf
    for (let i = 0; i < 10; i++)
      expect((await flooder.subscribe(address(`flood${i}`), ['digest'], csrf)).statusCode).toBe(200)
    const refused = await flooder.subscribe(address('flood-more'), ['digest'], csrf)
    expect(refused.statusCode).toBe(429)
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0)
    expect(refused.body).toContain('Too many requests')
    // One address asked for from many networks: three confirmation mails an hour at most.
    const target = address('target')
    for (let i = 0; i < 3; i++)
      expect((await browser(t, `192.0.2.${i + 1}`).subscribe(target)).statusCode).toBe(200)
    expect((await browser(t, '192.0.2.9').subscribe(target)).statusCode).toBe(429)
    await drain(t.jobs)
    await sink.waitFor(count + 13)
    expect(mailsTo(target)).toHaveLength(3)
    expect(sink.messages).toHaveLength(count + 13)
  })

  it('unsubscribes by the one-click POST of the mail header, and only asks on a GET', async () => {
    const dora = address('dora')
    await confirmed(dora)
    await newArticle(t.services, room, { headline: 'Earthquake hits the coast', breaking: true })
    await drain(t.jobs)
    await sink.waitFor(sink.messages.length)
    const alert = mailsTo(dora).at(-1)!
    expect(alert.subject).toBe('Breaking: Earthquake hits the coast')
    expect(alert.text).toContain('Earthquake hits the coast')
    expect(alert.html).toContain('Breaking news')
    const url = new URL(header(alert, 'list-unsubscribe')!.slice(1, -1))
    expect(url.searchParams.get('token')).toMatch(/-breaking-/)

    // A mail scanner opening the link changes nothing: the page asks first.
    const asked = await t.app.inject({ method: 'GET', url: url.pathname + url.search })
    expect(asked.statusCode).toBe(200)
    expect(asked.body).toContain(`Stop sending “Breaking news alerts” to ${dora}?`)
    expect(asked.body).toMatch(/<form method="post" action="\/en\/subscribe\/unsubscribe\?token=/)
    expect((await subscriber(dora))?.breaking).toBeTruthy()

    // RFC 8058: a POST of List-Unsubscribe=One-Click, no cookie, no CSRF token.
    const clicked = await t.app.inject({
      method: 'POST',
      url: url.pathname + url.search,
      headers: FORM,
      payload: 'List-Unsubscribe=One-Click',
    })
    expect(clicked.statusCode).toBe(200)
    expect(clicked.body).toContain('You have unsubscribed')
    expect(await subscriber(dora)).toMatchObject({ status: 'confirmed' })
    expect((await subscriber(dora))?.breaking).toBeFalsy()
    expect((await subscriber(dora))?.digest).toBeTruthy()
    // Used: the same link again does nothing more, and says so.
    const twice = await t.app.inject({
      method: 'POST',
      url: url.pathname + url.search,
      headers: FORM,
      payload: 'List-Unsubscribe=One-Click',
    })
    expect(twice.statusCode).toBe(400)

    const before = mailsTo(dora).length
    await newArticle(t.services, room, { headline: 'Second alert', breaking: true })
    await drain(t.jobs)
    expect(mailsTo(dora)).toHaveLength(before)

    // The digest's link, posted as multipart as some mail apps do: off the last list.
    t.clock.set(EN_DIGEST)
    await drain(t.jobs)
    await sink.waitFor(sink.messages.length)
    const digest = mailsTo(dora).at(-1)!
    expect(digest.subject).toContain('the day’s top stories')
    const digestUrl = new URL(header(digest, 'list-unsubscribe')!.slice(1, -1))
    const boundary = 'x-boundary-1'
    const multipart = await t.app.inject({
      method: 'POST',
      url: digestUrl.pathname + digestUrl.search,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--${boundary}--\r\n`,
    })
    expect(multipart.statusCode).toBe(200)
    expect(await subscriber(dora)).toMatchObject({ status: 'unsubscribed' })
  })

  it('alerts the breaking list once per story, ever', async () => {
    const eve = address('eve')
    await confirmed(eve, ['breaking'])
    const mails = () => mailsTo(eve).filter((m) => m.subject?.startsWith('Breaking:'))
    await newArticle(t.services, room, { headline: 'An ordinary story' })
    const story = await newArticle(t.services, room, { headline: 'Dam breaks', breaking: true })
    await drain(t.jobs)
    await sink.waitFor(sink.messages.length)
    expect(mails().map((m) => m.subject)).toEqual(['Breaking: Dam breaks'])

    // Withdrawn and published again, flagged again, edited: still one alert for the story.
    await t.services.articles.unpublish(story)
    await t.services.articles.publish(story)
    await t.services.articles.update(story, { breaking: false })
    await t.services.articles.update(story, { breaking: true })
    await t.services.articles.update(story, { dek: 'Updated.' })
    await drain(t.jobs)
    expect(mails()).toHaveLength(1)

    // A story flagged breaking after it went out is alerted when flagged.
    const later = await newArticle(t.services, room, { headline: 'Flood warning' })
    await drain(t.jobs)
    expect(mails()).toHaveLength(1)
    await t.services.articles.update(later, { breaking: true })
    await drain(t.jobs)
    await sink.waitFor(sink.messages.length)
    expect(mails().map((m) => m.subject)).toEqual([
      'Breaking: Dam breaks',
      'Breaking: Flood warning',
    ])
    // Nobody on the digest list gets alerts, and nobody on the alert list gets the digest.
    t.clock.set(EN_DIGEST)
    await drain(t.jobs)
    expect(mailsTo(eve).filter((m) => m.subject?.includes('top stories'))).toHaveLength(0)
  })

  it('subscribes a signed-in reader’s own confirmed address without a mail', async () => {
    const reader = await confirmedReader(t, sink, 'Rita Reader')
    const session = await t.database.db
      .selectFrom('readers')
      .select('email')
      .where('id', '=', reader.id)
      .executeTakeFirstOrThrow()
    const signedIn = await t.services.readers.login(
      { email: session.email, password: 'a long reader password' },
      { editionId: room.en.id, locale: 'en-GB', accountUrl: 'https://news.example.com/en/account' },
      { ip: '127.0.0.1' },
    )
    const client = browser(t, '198.51.100.20', `dateline_reader=${signedIn.token}`)
    const page = await client.page()
    expect(page.body).toContain(`value="${session.email}"`)
    const before = sink.messages.length
    const answer = await client.subscribe(session.email, ['digest'])
    expect(answer.statusCode).toBe(200)
    expect(answer.body).toContain('You are subscribed')
    await drain(t.jobs)
    expect(sink.messages).toHaveLength(before)
    expect(await subscriber(session.email)).toMatchObject({
      status: 'confirmed',
      source: 'account',
      reader_id: reader.id,
    })
    // Another address, even signed in, is confirmed by mail.
    const other = address('other')
    expect((await client.subscribe(other, ['digest'])).body).toContain('Check your inbox')
    expect(await subscriber(other)).toMatchObject({ status: 'pending' })
  })

  it('records bounces and complaints through the authenticated endpoint, and never mails them again', async () => {
    const fay = address('fay')
    const gus = address('gus')
    await confirmed(fay)
    await confirmed(gus)
    const report = (body: unknown, authorization?: string) =>
      t.app.inject({
        method: 'POST',
        url: '/subscriptions/bounces',
        headers: {
          'content-type': 'application/json',
          ...(authorization && { authorization }),
        },
        payload: JSON.stringify(body),
      })
    expect((await report({ email: fay, type: 'bounce' })).statusCode).toBe(401)
    expect((await report({ email: fay, type: 'bounce' }, 'Bearer wrong')).statusCode).toBe(401)
    const auth = `Bearer ${BOUNCE_SECRET}`
    const invalid = await report({ email: fay, type: 'lost' }, auth)
    expect(invalid.statusCode).toBe(400)
    expect(invalid.json().error).toMatchObject({ code: 'invalid_input', field: 'events.0.type' })
    expect((await report({ events: [{ email: 'nobody', type: 'bounce' }] }, auth)).statusCode).toBe(
      400,
    )
    expect((await report('text', auth)).statusCode).toBe(400)
    const recorded = await report(
      {
        events: [
          { email: fay.toUpperCase(), type: 'bounce', detail: '550 5.1.1 user unknown' },
          { email: gus, type: 'complaint' },
        ],
      },
      auth,
    )
    expect(recorded.statusCode).toBe(200)
    expect(recorded.json()).toEqual({ recorded: 2 })
    expect(await subscriber(fay)).toMatchObject({ status: 'bounced' })

    const before = sink.messages.length
    await newArticle(t.services, room, { breaking: true })
    await drain(t.jobs)
    // Subscribing again looks the same, and mails nothing.
    const again = await browser(t, '198.51.100.30').subscribe(fay)
    expect(again.statusCode).toBe(200)
    expect(again.body).toContain('Check your inbox')
    await drain(t.jobs)
    expect(sink.messages).toHaveLength(before)
  })

  it('sends the digest at each edition’s local time, day after day, as the newsroom sets it', async () => {
    const owner = await setUpOwner(t.app, () => t.services.staff.setupLink())
    // Imported subscribers of both editions, consent given last year.
    const en = address('en-reader')
    const ru = address('ru-reader')
    const csv = (email: string) => `email,lists,consent_at\n${email},digest,2025-06-01\n`
    for (const [edition, email] of [
      [room.en.id, en],
      [room.ru.id, ru],
    ] as const) {
      const imported = await owner.raw(
        'POST',
        `/subscribers/import?editionId=${edition}`,
        csv(email),
        {
          headers: { 'content-type': 'text/csv' },
        },
      )
      expect(imported.json).toMatchObject({ added: 1, problems: [] })
    }
    await newArticle(t.services, room, { headline: 'Morning story' })
    await newArticle(t.services, room, { headline: 'Утренняя новость', ru: true })

    expect(
      (await owner.raw('PUT', `/editions/${room.ru.id}/newsletter`, { digestTime: '25:00' }))
        .status,
    ).toBe(400)
    const moscow = await owner.raw('PUT', `/editions/${room.ru.id}/newsletter`, {
      digestTime: '09:30',
    })
    expect(moscow.status).toBe(200)
    // 09:30 in Moscow is 06:30 UTC, half an hour before 07:00 in London.
    expect(moscow.json).toEqual({
      digestTime: '09:30',
      timeZone: 'Europe/Moscow',
      nextDigestAt: '2026-02-15T06:30:00.000Z',
    })
    expect((await owner.get(`/editions/${room.en.id}/newsletter`)).json.nextDigestAt).toBe(
      EN_DIGEST.toISOString(),
    )

    const digests = (email: string) =>
      mailsTo(email).filter((m) => /top stories|главное за день/.test(m.subject ?? ''))
    t.clock.set(new Date('2026-02-15T06:29:59Z'))
    await drain(t.jobs)
    expect([digests(en).length, digests(ru).length]).toEqual([0, 0])
    t.clock.set(new Date('2026-02-15T06:30:00Z'))
    await drain(t.jobs)
    await sink.waitFor(sink.messages.length)
    expect([digests(en).length, digests(ru).length]).toEqual([0, 1])
    const russian = digests(ru)[0]!
    expect(russian.subject).toBe('Dateline: главное за день, 15 февраля 2026 г.')
    expect(russian.text).toContain('Утренняя новость')
    expect(russian.text).toContain('Отписаться')
    expect(russian.html).toContain('lang="ru-RU"')
    t.clock.set(EN_DIGEST)
    await drain(t.jobs)
    await sink.waitFor(sink.messages.length)
    expect([digests(en).length, digests(ru).length]).toEqual([1, 1])
    expect(digests(en)[0]!.text).not.toContain('Утренняя новость')

    // The next day, once each again; a day without stories sends nothing.
    t.clock.set(new Date('2026-02-16T04:00:00Z'))
    await newArticle(t.services, room, { headline: 'Second day' })
    t.clock.set(new Date('2026-02-16T07:00:00Z'))
    await drain(t.jobs)
    await sink.waitFor(sink.messages.length)
    expect([digests(en).length, digests(ru).length]).toEqual([2, 1])
    expect(digests(en)[1]!.text).toContain('Second day')
    expect(digests(en)[1]!.text).not.toContain('Morning story')
  })

  it('lets editors and admins count, search, export, import, unsubscribe and delete subscribers', async () => {
    const owner = await setUpOwner(t.app, () => t.services.staff.setupLink())
    const editor = await joinAs(t.app, owner, 'editor')
    const author = await joinAs(t.app, owner, 'author')
    const anonymous = (await import('./admin-client.ts')).adminClient(t.app)
    expect((await anonymous.get('/subscribers/counts')).status).toBe(401)
    expect((await author.get('/subscribers/counts')).status).toBe(403)
    expect((await author.get(`/subscribers/export.csv?editionId=${room.en.id}`)).status).toBe(403)
    expect((await editor.get('/subscribers/counts')).status).toBe(200)

    const pending = address('pending')
    await browser(t).subscribe(pending, ['breaking'])
    const rows = [
      'email,lists,consent_at',
      'Ann@Example.com,digest;breaking,2025-03-01',
      'bob@example.com,digest,2025-03-02T10:00:00Z',
      'not-an-address,digest,2025-03-01',
      'cid@example.com,digest,03/01/2025',
      'dee@example.com,digest,2030-01-01',
      'eve@example.com,weekly,2025-03-01',
      'ann@example.com,breaking,2025-04-01',
      `${pending},digest,2025-05-01`,
      '"=cmd@example.com",digest,2025-03-01',
      ...Array.from({ length: 55 }, (_, i) => `bulk${i}@example.com,digest,2025-01-01`),
    ].join('\r\n')
    const imported = await editor.raw('POST', `/subscribers/import?editionId=${room.en.id}`, rows, {
      headers: { 'content-type': 'text/csv' },
    })
    expect(imported.status).toBe(200)
    expect(imported.json).toMatchObject({ added: 58, merged: 1, skipped: [], problemCount: 4 })
    expect(imported.json.problems.map((p: { line: number }) => p.line)).toEqual([4, 5, 6, 7])
    expect(imported.json.problems[0].message).toContain('not an e-mail address')
    expect(await subscriber('ann@example.com')).toMatchObject({
      status: 'confirmed',
      source: 'import',
    })
    const ann = await subscriber('ann@example.com')
    expect([Boolean(ann?.digest), Boolean(ann?.breaking)]).toEqual([true, true])
    expect(new Date(ann!.consent_at!).toISOString()).toBe('2025-04-01T00:00:00.000Z')
    expect(await subscriber(pending)).toMatchObject({ status: 'confirmed' })

    const counts = (await editor.get('/subscribers/counts')).json.items
    expect(counts).toEqual([
      { editionId: room.en.id, status: 'confirmed', total: 59, digest: 59, breaking: 1 },
    ])
    const page1 = (await editor.get(`/subscribers?editionId=${room.en.id}`)).json
    expect(page1).toMatchObject({ page: 1, total: 59, hasNext: true })
    expect(page1.items).toHaveLength(50)
    const page2 = (await editor.get(`/subscribers?editionId=${room.en.id}&page=2`)).json
    expect(page2.items).toHaveLength(9)
    const found = (await editor.get('/subscribers?q=BOB@')).json
    expect(found.items.map((s: { email: string }) => s.email)).toEqual(['bob@example.com'])
    expect((await editor.get('/subscribers?q=%25')).json.total).toBe(0)
    expect((await editor.get('/subscribers?status=lost')).status).toBe(400)

    // Exported, and read back into the other edition: the same people, lists and consent dates.
    const exported = await editor.get(`/subscribers/export.csv?editionId=${room.en.id}`)
    expect(exported.headers['content-type']).toBe('text/csv; charset=utf-8')
    expect(exported.headers['content-disposition']).toContain('attachment')
    expect(exported.body).toContain("'=cmd@example.com")
    const back = await owner.raw(
      'POST',
      `/subscribers/import?editionId=${room.ru.id}`,
      exported.body,
      { headers: { 'content-type': 'text/csv' } },
    )
    expect(back.json).toMatchObject({ added: 59, merged: 0, problemCount: 0 })
    const again = await owner.get(`/subscribers/export.csv?editionId=${room.ru.id}`)
    const columns = (text: string) =>
      parseCsv(text)
        .map(({ fields }) => [fields[0], fields[1], fields[2], fields[3]].join(','))
        .sort()
    expect(columns(again.body)).toEqual(columns(exported.body))

    const bob = found.items[0].id
    const off = await editor.post(`/subscribers/${bob}/unsubscribe`)
    expect(off.json).toMatchObject({ status: 'unsubscribed', lists: [] })
    // Unsubscribed after the consent date the file gives: left as it is.
    const stale = await editor.raw(
      'POST',
      `/subscribers/import?editionId=${room.en.id}`,
      'email,consent_at\nbob@example.com,2025-03-02\n',
      { headers: { 'content-type': 'text/csv' } },
    )
    expect(stale.json).toMatchObject({ added: 0, merged: 0, skippedCount: 1 })
    expect((await editor.delete(`/subscribers/${bob}`)).status).toBe(204)
    expect((await editor.delete(`/subscribers/${bob}`)).status).toBe(404)
    expect((await editor.get('/subscribers?q=bob@')).json.items).toEqual([
      expect.objectContaining({ editionId: room.ru.id }),
    ])
    const empty = await editor.raw(
      'POST',
      `/subscribers/import?editionId=${room.en.id}`,
      'x,y\n1,2\n',
      {
        headers: { 'content-type': 'text/csv' },
      },
    )
    expect(empty.json.problems[0].message).toContain('email and consent_at')
    expect((await editor.get('/subscribers/export.csv?editionId=999')).status).toBe(404)
  })

  it('sends nothing twice and loses nothing through a crash mid-batch and a mail server outage', async () => {
    const owner = await setUpOwner(t.app, () => t.services.staff.setupLink())
    const emails = Array.from({ length: 7 }, (_, i) => address(`many${i}`))
    await owner.raw(
      'POST',
      `/subscribers/import?editionId=${room.en.id}`,
      `email,consent_at\n${emails.map((e) => `${e},2025-01-01`).join('\n')}\n`,
      { headers: { 'content-type': 'text/csv' } },
    )
    await newArticle(t.services, room, { headline: 'A day of news' })
    await drain(t.jobs)
    t.clock.set(EN_DIGEST)

    // An instance takes the first batch and dies right after its transaction commits.
    const links = createNewsletterLinks({ db: t.database.db, publicUrl: t.config.publicUrl })
    const mailer = createMailer({
      smtpUrl: sink.url,
      from: t.config.mailFrom,
      dataDir: t.config.dataDir,
      log: { info() {}, warn() {}, error() {} },
    })
    const sender = createNewsletterSender({
      db: t.database.db,
      clock: t.clock,
      log: { warn() {}, error() {} },
      mailer,
      catalogue: t.services.catalogue,
      links,
      siteName: t.config.siteName,
      publicUrl: t.config.publicUrl,
      rate: 0,
      batchSize: 2,
    })
    const issues = createNewsletterIssues({
      db: t.database.db,
      clock: t.clock,
      log: { warn() {}, error() {} },
      catalogue: t.services.catalogue,
      subscribers: createNewsletterRepository(t.database.db),
      siteName: t.config.siteName,
      batchSize: 2,
      articleUrl: (story) => t.config.publicUrl + t.services.urls.article(story),
      photoUrl: (id) => `${t.config.publicUrl}/media/${id}/960.jpg`,
    })
    const batch = sender.handlers[BATCH_JOB]!
    let died = 0
    const dying = createJobRunner({
      db: t.database.db,
      clock: t.clock,
      log: { warn() {}, error() {} },
      handlers: {
        ...issues.handlers,
        // The batch's transaction commits; what would follow it never runs.
        [BATCH_JOB]: async (trx, payload, job) => {
          died++
          await batch(trx, payload, job)
        },
      },
      batch: 2,
    })
    // The digest's scheduler, then the first of its batches.
    expect(await dying.runDue()).toBe(2)
    expect(died).toBe(1)
    mailer.close()

    // The mail server goes away in the middle of the rest.
    const port = sink.port
    const before = sink.messages.length
    await sink.close()
    await drain(t.jobs)
    expect(sink.messages).toHaveLength(before)
    sink = await startSmtpSink({ port })
    // Retries come with backoff; the dead instance's batch comes back after its lease.
    for (let minutes = 1; minutes <= 40; minutes++) {
      t.clock.set(new Date(EN_DIGEST.getTime() + minutes * MINUTE))
      await drain(t.jobs)
    }
    await sink.waitFor(7)
    const received = emails.map((e) => mailsTo(e).length)
    expect(received).toEqual(emails.map(() => 1))
    const sends = await t.database.db.selectFrom('newsletter_sends').select('status').execute()
    expect(sends.map((s) => s.status)).toEqual(emails.map(() => 'sent'))
  })
})

describe.skipIf(!DIALECTS.includes('postgres'))(
  'newsletters on two instances of PostgreSQL',
  () => {
    let sink: SmtpSink
    let shared: Awaited<ReturnType<typeof testDatabase>>
    const apps: Awaited<ReturnType<typeof buildApp>>[] = []
    const clocks = [fixedClock(TEST_NOW), fixedClock(TEST_NOW), fixedClock(TEST_NOW)]

    beforeAll(async () => {
      sink = await startSmtpSink()
      shared = await testDatabase('postgres')
    })
    afterAll(async () => {
      for (const app of apps) await app.app.close().catch(() => {})
      await shared?.dispose()
      await sink?.close()
    })

    const instance = async (
      clock: ReturnType<typeof fixedClock>,
      env: Record<string, string> = {},
    ) => {
      const schema = (
        await shared.db
          .selectNoFrom((eb) => eb.fn<string>('current_schema').as('s'))
          .executeTakeFirstOrThrow()
      ).s
      const config = loadConfig({
        DATA_DIR: shared.dataDir,
        PUBLIC_URL: 'https://news.example.com',
        LOG_LEVEL: 'silent',
        SMTP_URL: sink.url,
        ...ENV,
        ...env,
      })
      const database = openDatabase({ dialect: 'postgres', url: POSTGRES_URL, schema })
      const app = await buildApp(config, { database, clock })
      apps.push(app)
      return app
    }

    it('sends the digest exactly once across two instances, and across a restart mid-run', async () => {
      // A sends slowly, so it is still sending when it stops.
      const a = await instance(clocks[0]!, { NEWSLETTER_RATE: '5' })
      const b = await instance(clocks[1]!)
      const room = await newsroom(a.services)
      await b.services.catalogue.reload()
      const emails = Array.from({ length: 21 }, (_, i) => `cluster${i}@readers.example`)
      await a.services.newsletterAdmin.importCsv(
        room.en.id,
        `email,consent_at\n${emails.map((e) => `${e},2025-01-01`).join('\n')}\n`,
      )
      await newArticle(a.services, room, { headline: 'Cluster digest' })
      const count = (email: string) => sink.messages.filter((m) => to(m).includes(email)).length

      // Both instances race for the first day's jobs.
      for (const clock of clocks) clock.set(EN_DIGEST)
      await drain(a.jobs, b.jobs)
      await sink.waitFor(21)
      expect(emails.map(count)).toEqual(emails.map(() => 1))

      // The next day, A stops in the middle of sending; C, a new instance, finishes.
      const nextDay = new Date(EN_DIGEST.getTime() + 24 * HOUR)
      for (const clock of clocks) clock.set(new Date(nextDay.getTime() - HOUR))
      await newArticle(a.services, room, { headline: 'Second day' })
      await drain(a.jobs)
      for (const clock of clocks) clock.set(nextDay)
      a.jobs.start()
      await sink.waitFor(23, 10_000)
      await a.app.close()
      apps.splice(apps.indexOf(a), 1)
      const left = await shared.db
        .selectFrom('jobs')
        .select('id')
        .where('kind', '=', BATCH_JOB)
        .where('done_at', 'is', null)
        .execute()
      expect(left.length).toBeGreaterThan(0)
      const c = await instance(clocks[2]!)
      await drain(c.jobs, b.jobs)
      await sink.waitFor(42)
      expect(emails.map(count)).toEqual(emails.map(() => 2))
      const sends = await shared.db
        .selectFrom('newsletter_sends')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
      expect(Number(sends.n)).toBe(42)
      await new Promise((resolve) => setTimeout(resolve, 100))
      expect(sink.messages).toHaveLength(42)
    })
  },
)
