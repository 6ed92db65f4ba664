// The reader's account pages over HTTP, as a browser with JavaScript off uses them: forms, cookies,
// redirects and the mail in between. The app is small and built here: the account routes alone.
import cookie from '@fastify/cookie'
import Fastify, { type FastifyInstance, type LightMyRequestResponse } from 'fastify'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { accountRoutes } from '../src/community/account.routes.tsx'
import { createReaderRepository } from '../src/community/reader.repository.ts'
import { createReaderService } from '../src/community/reader.service.ts'
import { createReaderMails } from '../src/community/reader-mail.ts'
import { createReaderSessionHttp } from '../src/community/reader-session.http.ts'
import { createCatalogue } from '../src/content/catalogue.ts'
import {
  createTaxonomyRepository,
  createTaxonomyWrites,
} from '../src/content/taxonomy.repository.ts'
import { createTaxonomyService } from '../src/content/taxonomy.service.ts'
import { fixedClock } from '../src/platform/clock.ts'
import { createRateLimiter } from '../src/platform/security/rate-limit.ts'
import { catalogues, hasCatalogue } from '../src/site/i18n/messages.ts'
import { createUrls } from '../src/site/urls.ts'
import { HOSTILE } from './hostile-corpus.ts'
import { TEST_NOW, type TestDatabase, testDatabase } from './setup.ts'

const PUBLIC_URL = 'https://news.example.com'
const PASSWORD = 'correct horse battery'
// Cleared cookies expire in 1970; sessions expire a month after the test's fixed clock.
const LONG_AGO = new Date('2000-01-01')
const FORM = { 'content-type': 'application/x-www-form-urlencoded' }

type Mail = { to: string; subject: string; text: string }

async function accountApp() {
  const database: TestDatabase = await testDatabase('sqlite')
  const { db } = database
  const clock = fixedClock(TEST_NOW)
  const catalogue = createCatalogue(createTaxonomyRepository(db))
  const taxonomy = createTaxonomyService({
    writes: createTaxonomyWrites(db),
    catalogue,
    clock,
    hasCatalogue,
  })
  await taxonomy.createEdition({
    code: 'en',
    name: 'English',
    locale: 'en-GB',
    timeZone: 'Europe/London',
  })
  await taxonomy.createEdition({
    code: 'ru',
    name: 'Русский',
    locale: 'ru-RU',
    timeZone: 'Europe/Moscow',
  })
  const mails: Mail[] = []
  const readers = createReaderService({
    db,
    readers: createReaderRepository(db),
    limits: createRateLimiter({ db, clock }),
    mail: { enqueue: async (_trx, mail) => void mails.push(mail) },
    mails: createReaderMails('Dateline'),
    clock,
    forget: async () => {},
  })
  const app = Fastify()
  await app.register(cookie)
  await accountRoutes(app, {
    readers,
    session: createReaderSessionHttp({ readers, publicUrl: PUBLIC_URL }),
    catalogue,
    clock,
    reading: { newsfeed: async () => ({ items: [], lastEventId: 0 }) },
    page: {
      siteName: 'Dateline',
      publicUrl: PUBLIC_URL,
      stylesheet: '/assets/site.css',
      urls: createUrls(catalogue),
    },
    publicUrl: PUBLIC_URL,
  })
  await app.ready()
  return {
    app,
    mails,
    readers,
    clock,
    async close() {
      await app.close()
      await database.dispose()
    },
  }
}

/** A browser with JavaScript off: it keeps cookies and sends forms as the pages have them. */
function browser(app: FastifyInstance, ip = '203.0.113.7') {
  const jar = new Map<string, string>()
  const send = async (
    method: 'GET' | 'POST',
    url: string,
    form?: Record<string, string>,
    headers: Record<string, string> = {},
  ) => {
    const res = await app.inject({
      method,
      url,
      remoteAddress: ip,
      headers: {
        ...(jar.size > 0 && { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') }),
        ...(form && FORM),
        ...headers,
      },
      ...(form && { payload: new URLSearchParams(form).toString() }),
    })
    for (const c of res.cookies as { name: string; value: string; expires?: Date }[]) {
      if (!c.value || (c.expires && c.expires < LONG_AGO)) jar.delete(c.name)
      else jar.set(c.name, c.value)
    }
    return res
  }
  return {
    jar,
    get: (url: string) => send('GET', url),
    post: (url: string, form: Record<string, string>, headers?: Record<string, string>) =>
      send('POST', url, form, headers),
    /** Opens the page, then submits its form for `action` with the hidden fields it carries. */
    async submit(page: string, action: string, fields: Record<string, string>) {
      const html = (await send('GET', page)).body
      return send('POST', action, { ...hiddenFields(html, action), ...fields })
    },
  }
}

function hiddenFields(html: string, action: string): Record<string, string> {
  const form = html.split(`action="${action}"`)[1]?.split('</form>')[0] ?? ''
  return Object.fromEntries(
    [...form.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)"/g)].map((m) => [
      m[1]!,
      decode(m[2]!),
    ]),
  )
}

const decode = (text: string) =>
  text.replace(/&(quot|amp|lt|gt|#39);/g, (_, e: string) =>
    e === 'quot' ? '"' : e === 'amp' ? '&' : e === 'lt' ? '<' : e === 'gt' ? '>' : "'",
  )

/** The path of the link a mail carries to the account pages. */
const linkIn = (mail: Mail | undefined) => {
  const href = mail?.text.match(/https:\/\/\S+/)?.[0]
  if (!href) throw new Error(`no link in ${mail?.text}`)
  const url = new URL(href)
  return url.pathname + url.search
}

const textOf = (html: string) =>
  decode(
    html
      .replace(/<(script|style)[^>]*>.*?<\/\1>/gs, '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' '),
  )

describe('reader account pages', () => {
  let t: Awaited<ReturnType<typeof accountApp>>
  beforeEach(async () => {
    t = await accountApp()
  })
  afterEach(() => t.close())

  /** A confirmed reader, signed in in the returned browser. */
  const signedUp = async (email = 'reader@example.com', displayName = 'Ada Reader') => {
    const b = browser(t.app)
    await b.submit('/en/account/register', '/en/account/register', {
      displayName,
      email,
      password: PASSWORD,
    })
    const res = await b.get(linkIn(t.mails.at(-1)))
    expect(res.statusCode).toBe(303)
    return b
  }

  it('registers, confirms by mail, renames, downloads the data and logs out', async () => {
    const b = browser(t.app)
    const story = '/en/world/20260214/talks-1'
    const form = await b.get(`/en/account/register?next=${encodeURIComponent(story)}`)
    expect(form.statusCode).toBe(200)
    expect(form.headers['cache-control']).toBe('no-store')
    expect(form.headers['surrogate-key']).toBeUndefined()
    expect(form.body).toContain('<html lang="en-GB" dir="ltr">')
    expect(form.body).toContain('<title>Create an account · Dateline</title>')
    expect(form.body).toMatch(/<label for="register-name">Display name<\/label>/)
    expect(form.body).toContain('autocomplete="nickname"')
    expect(form.body).toContain('autocomplete="email"')
    expect(form.body).toContain('inputmode="email"')
    expect(form.body).toContain('autocomplete="new-password"')
    expect(form.body).toContain('aria-describedby="register-password-hint"')
    expect(form.body).toContain('At least 12 characters.')
    expect(hiddenFields(form.body, '/en/account/register').next).toBe(story)

    const sent = await b.submit('/en/account/register?next=%2Fen%2Fworld', '/en/account/register', {
      displayName: 'Ada Reader',
      email: 'Reader@Example.com',
      password: PASSWORD,
    })
    expect(sent.statusCode).toBe(200)
    expect(textOf(sent.body)).toContain(
      'Check your inbox: we have sent a link to Reader@Example.com.',
    )
    expect(sent.body).toContain('href="/en/world"')
    expect(t.mails).toHaveLength(1)
    expect(t.mails[0]!.to).toBe('reader@example.com')
    const link = linkIn(t.mails[0])
    expect(link).toMatch(/^\/en\/account\/confirm\?token=/)

    const confirmed = await b.get(link)
    expect(confirmed.statusCode).toBe(303)
    expect(confirmed.headers.location).toBe('/en/account?notice=confirmed')
    expect(b.jar.has('dateline_reader')).toBe(true)

    const account = await b.get('/en/account?notice=confirmed')
    expect(account.statusCode).toBe(200)
    expect(account.headers['cache-control']).toBe('no-store')
    expect(textOf(account.body)).toContain('Your address is confirmed. You can comment now.')
    expect(textOf(account.body)).toContain('You are signed in as Ada Reader.')
    expect(account.body).toContain('href="/en/account/data.json"')

    const renamed = await b.submit('/en/account', '/en/account/name', { displayName: 'Ada L.' })
    expect(renamed.statusCode).toBe(303)
    expect(renamed.headers.location).toBe('/en/account?notice=name')
    const after = await b.get('/en/account?notice=name')
    expect(textOf(after.body)).toContain('You are signed in as Ada L.')
    expect(textOf(after.body)).toContain('Your new display name is saved.')

    const data = await b.get('/en/account/data.json')
    expect(data.statusCode).toBe(200)
    expect(data.headers['content-type']).toContain('application/json')
    expect(data.headers['content-disposition']).toBe('attachment; filename="dateline-data.json"')
    expect(data.json().account).toMatchObject({
      email: 'reader@example.com',
      displayName: 'Ada L.',
    })

    const out = await b.submit('/en/account', '/en/account/logout', {})
    expect(out.statusCode).toBe(303)
    expect(out.headers.location).toBe('/en')
    expect(b.jar.has('dateline_reader')).toBe(false)
    const gone = await b.get('/en/account')
    expect(gone.statusCode).toBe(303)
    expect(gone.headers.location).toBe('/en/account/login?next=%2Fen%2Faccount')
    expect((await b.get('/en/account/data.json')).statusCode).toBe(303)
  })

  it('says the same whether or not the address has an account', async () => {
    await signedUp()
    const b = browser(t.app, '198.51.100.1')
    const again = await b.submit('/en/account/register', '/en/account/register', {
      displayName: 'Someone Else',
      email: 'reader@example.com',
      password: 'another long password',
    })
    expect(again.statusCode).toBe(200)
    expect(textOf(again.body)).toContain('we have sent a link to reader@example.com')
    expect(t.mails.at(-1)!.subject).toBe('You already have an account on Dateline')
  })

  it('logs in with the right password only, and returns to where the reader was', async () => {
    await signedUp()
    const b = browser(t.app)
    const wrong = await b.submit('/en/account/login?next=%2Fen%2Fworld', '/en/account/login', {
      email: 'reader@example.com',
      password: 'not the password',
    })
    expect(wrong.statusCode).toBe(401)
    expect(wrong.body).toContain('role="alert"')
    expect(textOf(wrong.body)).toContain('The e-mail address or password is not right.')
    expect(wrong.body).toContain('<title>Error: Log in · Dateline</title>')
    expect(wrong.body).toContain('value="reader@example.com"')
    expect(wrong.body).not.toContain('not the password')
    expect(hiddenFields(wrong.body, '/en/account/login').next).toBe('/en/world')
    expect(wrong.body).toContain('href="/en/account/forgot"')
    expect(wrong.body).toContain('href="/en/account/register?next=%2Fen%2Fworld"')

    const right = await b.post('/en/account/login', {
      ...hiddenFields(wrong.body, '/en/account/login'),
      email: 'reader@example.com',
      password: PASSWORD,
    })
    expect(right.statusCode).toBe(303)
    expect(right.headers.location).toBe('/en/world')
    expect(b.jar.has('dateline_reader')).toBe(true)
    // Signed in, the login page has nothing to offer.
    expect((await b.get('/en/account/login')).headers.location).toBe('/en/account')
  })

  it('does not send the reader to another site after logging in', async () => {
    await signedUp()
    for (const next of ['//evil.example/', 'https://evil.example/', '/\\evil.example']) {
      const b = browser(t.app)
      const res = await b.submit(
        `/en/account/login?next=${encodeURIComponent(next)}`,
        '/en/account/login',
        {
          email: 'reader@example.com',
          password: PASSWORD,
          next,
        },
      )
      expect(res.headers.location, next).toBe('/en')
    }
  })

  it('refuses too many attempts with the rate-limit message', async () => {
    await signedUp()
    const b = browser(t.app)
    const statuses: number[] = []
    let last: LightMyRequestResponse | undefined
    for (let i = 0; i < 6; i++) {
      last = await b.submit('/en/account/login', '/en/account/login', {
        email: 'reader@example.com',
        password: `wrong password ${i}`,
      })
      statuses.push(last.statusCode)
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429])
    expect(last!.headers['retry-after']).toBeDefined()
    expect(textOf(last!.body)).toContain('Too many attempts. Try again later.')
  })

  it('resets a forgotten password through the mailed link, once', async () => {
    await signedUp()
    const b = browser(t.app)
    const asked = await b.submit('/en/account/forgot', '/en/account/forgot', {
      email: 'reader@example.com',
    })
    expect(asked.statusCode).toBe(200)
    expect(textOf(asked.body)).toContain(
      'If an account uses reader@example.com, we have sent a link to it.',
    )
    const unknown = await b.submit('/en/account/forgot', '/en/account/forgot', {
      email: 'nobody@example.com',
    })
    expect(textOf(unknown.body)).toContain('If an account uses nobody@example.com, we have sent')
    const resetMails = t.mails.filter((m) => m.subject.startsWith('Reset'))
    expect(resetMails).toHaveLength(1)
    const link = linkIn(resetMails[0])
    expect(link).toMatch(/^\/en\/account\/reset\?token=/)

    const form = await b.get(link)
    expect(form.statusCode).toBe(200)
    expect(form.headers['referrer-policy']).toBe('same-origin')
    const token = hiddenFields(form.body, '/en/account/reset').token
    expect(link).toContain(token)

    const mismatch = await b.submit(link, '/en/account/reset', {
      password: 'a new long password',
      confirm: 'another new password',
    })
    expect(mismatch.statusCode).toBe(400)
    expect(textOf(mismatch.body)).toContain('The two passwords are not the same.')
    expect(mismatch.body).toContain('aria-describedby="reset-confirm-error"')
    expect(mismatch.body).toContain('aria-invalid="true"')

    const short = await b.submit(link, '/en/account/reset', { password: 'short', confirm: 'short' })
    expect(short.statusCode).toBe(400)
    expect(textOf(short.body)).toContain('The password must be at least 12 characters long.')

    const done = await b.submit(link, '/en/account/reset', {
      password: 'a new long password',
      confirm: 'a new long password',
    })
    expect(done.statusCode).toBe(303)
    expect(done.headers.location).toBe('/en/account?notice=password')
    expect(textOf((await b.get('/en/account?notice=password')).body)).toContain(
      'Your new password is saved, and you are signed in.',
    )

    const twice = await b.post('/en/account/reset', {
      ...hiddenFields(form.body, '/en/account/reset'),
      _csrf: hiddenFields((await b.get('/en/account')).body, '/en/account/name')._csrf!,
      password: 'a third long password',
      confirm: 'a third long password',
    })
    expect(twice.statusCode).toBe(400)
    expect(textOf(twice.body)).toContain('This link is not valid any more')
    expect(twice.body).toContain('href="/en/account/forgot"')

    const other = browser(t.app, '198.51.100.9')
    const old = await other.submit('/en/account/login', '/en/account/login', {
      email: 'reader@example.com',
      password: PASSWORD,
    })
    expect(old.statusCode).toBe(401)
    const fresh = await other.submit('/en/account/login', '/en/account/login', {
      email: 'reader@example.com',
      password: 'a new long password',
    })
    expect(fresh.statusCode).toBe(303)
  })

  it('says a used, unknown or missing link is not valid any more', async () => {
    const b = browser(t.app)
    await b.submit('/en/account/register', '/en/account/register', {
      displayName: 'Ada',
      email: 'reader@example.com',
      password: PASSWORD,
    })
    const link = linkIn(t.mails[0])
    expect((await b.get(link)).statusCode).toBe(303)
    for (const url of [
      link,
      '/en/account/confirm?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      '/en/account/confirm',
      '/en/account/confirm?token=<script>',
      '/en/account/reset',
      '/en/account/reset?token=x&token=y',
    ]) {
      const res = await b.get(url)
      expect(res.statusCode, url).toBe(400)
      expect(textOf(res.body), url).toContain('This link is not valid any more')
    }
    const used = await b.get(link)
    expect(used.body).toContain('href="/en/account/login"')
    expect(textOf(used.body)).toContain('Log in to get a new confirmation link')
  })

  it('shows the form again with 403 when the CSRF token is missing or wrong', async () => {
    const b = browser(t.app)
    await b.get('/en/account/login')
    const missing = await b.post('/en/account/login', {
      email: 'reader@example.com',
      password: PASSWORD,
    })
    expect(missing.statusCode).toBe(403)
    expect(textOf(missing.body)).toContain('This page has expired. Reload it and try again.')
    expect(missing.body).toContain('action="/en/account/login"')
    // The form shown again carries a token that works.
    const retried = await b.post('/en/account/login', {
      ...hiddenFields(missing.body, '/en/account/login'),
      email: 'reader@example.com',
      password: PASSWORD,
    })
    expect(retried.statusCode).toBe(401)

    const signed = await signedUp('other@example.com')
    const forged = await signed.post('/en/account/delete', {
      _csrf: 'x'.repeat(43),
      password: PASSWORD,
    })
    expect(forged.statusCode).toBe(403)
    expect(textOf(forged.body)).toContain('This page has expired.')
    const crossSite = await signed.post(
      '/en/account/logout',
      hiddenFields((await signed.get('/en/account')).body, '/en/account/logout'),
      { origin: 'https://evil.example' },
    )
    expect(crossSite.statusCode).toBe(403)
    expect(signed.jar.has('dateline_reader')).toBe(true)
    expect((await signed.get('/en/account')).statusCode).toBe(200)
  })

  it('answers bad input with the form and a clear message, never a 500', async () => {
    const b = browser(t.app)
    const cases: [Record<string, string>, number, string][] = [
      [{}, 400, 'Enter an e-mail address such as name@example.com.'],
      [
        { displayName: 'Ada', email: 'not an address', password: PASSWORD },
        400,
        'Enter an e-mail address such as name@example.com.',
      ],
      [
        { displayName: 'x'.repeat(10_000), email: 'a@example.com', password: PASSWORD },
        400,
        'The name is longer than 50 characters.',
      ],
      [
        { displayName: ' \t\u00A0 ', email: 'a@example.com', password: PASSWORD },
        400,
        'Enter the name other readers will see.',
      ],
      [
        { displayName: 'Ada', email: 'a@example.com', password: 'short' },
        400,
        'The password must be at least 12 characters long.',
      ],
      [
        { displayName: 'Ada', email: 'a@example.com', password: 'p'.repeat(300) },
        400,
        'The password is longer than 256 characters.',
      ],
    ]
    for (const [fields, status, message] of cases) {
      const res = await b.submit('/en/account/register', '/en/account/register', fields)
      expect(res.statusCode, JSON.stringify(fields).slice(0, 80)).toBe(status)
      expect(textOf(res.body)).toContain(message)
      expect(res.body).toContain('aria-invalid="true"')
    }
    expect(t.mails).toHaveLength(0)

    const csrf = hiddenFields((await b.get('/en/account/register')).body, '/en/account/register')
    const raw = async (payload: string, type = FORM['content-type']) =>
      t.app.inject({
        method: 'POST',
        url: '/en/account/register',
        remoteAddress: '203.0.113.7',
        headers: {
          'content-type': type,
          cookie: [...b.jar].map(([k, v]) => `${k}=${v}`).join('; '),
        },
        payload,
      })
    const garbage = await raw(`_csrf=${csrf._csrf}&%%%=&&==&displayName=%E0%A4%A`)
    expect(garbage.statusCode).toBe(400)
    const json = await raw(JSON.stringify({ _csrf: csrf._csrf }), 'application/json')
    expect(json.statusCode).toBe(415)
    expect(textOf(json.body)).toContain('We could not read the form.')
    expect(json.body).toContain('action="/en/account/register"')
    const huge = await raw(`_csrf=${csrf._csrf}&displayName=${'x'.repeat(20_000)}`)
    expect(huge.statusCode).toBe(413)
    expect(textOf(huge.body)).toContain('What you sent is too long.')
    expect((await b.get('/xx/account/login')).statusCode).toBe(404)
    expect((await b.get('/en/account/confirm?token=%00')).statusCode).toBe(400)
  })

  it('shows hostile display names as text', async () => {
    const b = await signedUp()
    for (const { name, text } of HOSTILE) {
      const saved = await b.submit('/en/account', '/en/account/name', { displayName: text })
      expect([303, 400], name).toContain(saved.statusCode)
      const page = saved.statusCode === 303 ? (await b.get('/en/account')).body : saved.body
      // Attribute values may hold a raw ">"; a breakout would add attributes outside the quotes.
      const input = page.match(/<input id="account-name"((?:\s+[\w-]+(?:="[^"]*")?)*)\s*\/?>/)?.[1]
      expect(input, name).toBeDefined()
      const attributes = [...input!.matchAll(/\s([\w-]+)(?:="[^"]*")?/g)].map((m) => m[1])
      expect(attributes, name).not.toContain('onmouseover')
      expect(
        attributes.filter((a) => a?.startsWith('on')),
        name,
      ).toEqual([])
      expect(page, name).not.toMatch(/<(script|img|svg|iframe|a href="javascript)[\s>]/i)
      if (text.length < 100 && saved.statusCode === 303) {
        const reader = await t.readers.authenticate(b.jar.get('dateline_reader'))
        const stored = reader!.reader.displayName
        expect(decode(input!.match(/value="([^"]*)"/)?.[1] ?? ''), name).toBe(stored)
      }
    }
  })

  it('deletes the account with the password, and signs out', async () => {
    const b = await signedUp()
    const wrong = await b.submit('/en/account', '/en/account/delete', { password: 'not it at all' })
    expect(wrong.statusCode).toBe(400)
    expect(textOf(wrong.body)).toContain('The password is not right.')
    expect(wrong.body).toContain('aria-describedby="delete-password-error"')
    const deleted = await b.submit('/en/account', '/en/account/delete', { password: PASSWORD })
    expect(deleted.statusCode).toBe(200)
    expect(textOf(deleted.body)).toContain('Your account has been deleted')
    expect(b.jar.has('dateline_reader')).toBe(false)
    const login = await browser(t.app, '198.51.100.3').submit(
      '/en/account/login',
      '/en/account/login',
      { email: 'reader@example.com', password: PASSWORD },
    )
    expect(login.statusCode).toBe(401)
  })

  it('speaks Russian on the Russian edition, and nothing else', async () => {
    const b = browser(t.app)
    const english = Object.values(catalogues.en!).filter(
      (text) => !Object.values(catalogues.ru!).includes(text),
    )
    const login = await b.get('/ru/account/login')
    expect(login.body).toContain('<html lang="ru-RU" dir="ltr">')
    expect(login.body).toContain('<title>Вход · Dateline</title>')
    expect(login.body).toContain('Адрес электронной почты')
    const failed = await b.submit('/ru/account/login', '/ru/account/login', {
      email: 'reader@example.com',
      password: 'неверный пароль',
    })
    expect(textOf(failed.body)).toContain('Неверный адрес электронной почты или пароль.')
    expect(failed.body).toContain('<title>Ошибка: Вход · Dateline</title>')
    await b.submit('/ru/account/register', '/ru/account/register', {
      displayName: 'Анна',
      email: 'anna@example.com',
      password: PASSWORD,
    })
    expect(t.mails[0]!.subject).toContain('Подтвердите адрес')
    expect(linkIn(t.mails[0])).toMatch(/^\/ru\/account\/confirm\?token=/)
    await b.get(linkIn(t.mails[0]))
    const pages = [
      login,
      failed,
      await b.get('/ru/account?notice=confirmed'),
      await b.get('/ru/account/forgot'),
      await b.get('/ru/account/reset?token=nope'),
    ]
    for (const page of pages) {
      expect([200, 400, 401]).toContain(page.statusCode)
      const text = textOf(page.body.replace(/<nav class="edition-switcher".*?<\/nav>/s, ''))
      expect(text).toMatch(/[а-яё]{4,}/i)
      for (const phrase of english.filter((s) => s.length >= 6 && !s.includes('{')))
        expect(text, phrase).not.toContain(phrase)
    }
    expect(textOf(pages[2]!.body)).toContain('Адрес подтверждён. Теперь вы можете комментировать.')
  })
})
