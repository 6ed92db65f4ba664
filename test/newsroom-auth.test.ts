// Staff accounts over the Admin API: setup link, login and its limits, sessions, CSRF, invitations,
// roles, password change, logout everywhere and the audit log.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { adminClient, joinAs, PASSWORD, setUpOwner } from './admin-client.ts'
import { DIALECTS, testApp } from './setup.ts'

describe.each(DIALECTS)('newsroom accounts on %s', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>
  beforeEach(async () => {
    t = await testApp(dialect)
  })
  afterEach(async () => {
    await t.close()
  })
  const setupLink = () => t.services.staff.setupLink()

  it('creates the owner once through the setup link, which then stops working', async () => {
    const visitor = adminClient(t.app)
    expect((await visitor.session()).json).toMatchObject({ staff: null, setupRequired: true })
    const link = await setupLink()
    expect(link).toMatch(/^\/admin\/setup\?token=[\w-]{43}$/)
    const token = new URL(link!, 'http://x').searchParams.get('token')
    const body = { token, email: ' Owner@News.Example.com ', name: 'Olga', password: PASSWORD }

    const noCsrf = await visitor.post('/setup', body, { csrf: false })
    expect(noCsrf.status).toBe(403)
    expect(noCsrf.json.error.code).toBe('csrf')
    const wrong = await visitor.post('/setup', { ...body, token: 'x'.repeat(43) })
    expect(wrong.status).toBe(400)
    expect(wrong.json.error).toMatchObject({ code: 'invalid_token', field: 'token' })
    const short = await visitor.post('/setup', { ...body, password: 'short' })
    expect(short.status).toBe(400)
    expect(short.json.error.field).toBe('password')

    const created = await visitor.post('/setup', body)
    expect(created.status).toBe(201)
    expect(created.json.staff).toMatchObject({
      email: 'owner@news.example.com',
      role: 'admin',
      owner: true,
    })
    expect(created.json.permissions).toContain('staff.manage')
    const cookie = created.headers['set-cookie']
    expect(String(cookie)).toMatch(
      /dateline_staff=[\w-]{43}; Path=\/admin; Expires=[^;]+; HttpOnly; Secure; SameSite=Lax/,
    )
    expect((await visitor.session()).json).toMatchObject({
      setupRequired: false,
      staff: { name: 'Olga' },
    })

    const again = await adminClient(t.app).post('/setup', body)
    expect([400, 403]).toContain(again.status)
    expect(await setupLink()).toBeUndefined()
    // The password is stored as an argon2id hash.
    const row = await t.database.db
      .selectFrom('staff')
      .select('password_hash')
      .executeTakeFirstOrThrow()
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/)
  })

  it('logs in with a new session id each time, refuses wrong passwords alike, and logs out', async () => {
    await setUpOwner(t.app, setupLink)
    const browser = adminClient(t.app)
    await browser.session()
    const unknown = await browser.post('/login', {
      email: 'nobody@news.example.com',
      password: PASSWORD,
    })
    const wrong = await browser.post('/login', {
      email: 'owner@news.example.com',
      password: 'wrong password!',
    })
    expect(unknown.status).toBe(401)
    expect(wrong.status).toBe(401)
    expect(unknown.json.error.message).toBe(wrong.json.error.message)

    const first = await browser.post('/login', {
      email: 'OWNER@news.example.com',
      password: PASSWORD,
    })
    expect(first.status).toBe(200)
    const firstSession = browser.cookies.get('dateline_staff')
    await browser.post('/login', { email: 'owner@news.example.com', password: PASSWORD })
    expect(browser.cookies.get('dateline_staff')).not.toBe(firstSession)
    expect((await browser.get('/articles')).status).toBe(200)

    expect((await browser.post('/logout')).status).toBe(204)
    expect((await browser.get('/articles')).status).toBe(401)
  })

  it('limits failed logins per account and per address, with a clear message', async () => {
    await setUpOwner(t.app, setupLink)
    const attacker = adminClient(t.app, { ip: '203.0.113.9' })
    await attacker.session()
    for (let i = 0; i < 5; i++)
      expect(
        (await attacker.post('/login', { email: 'owner@news.example.com', password: `guess ${i}` }))
          .status,
      ).toBe(401)
    const limited = await attacker.post('/login', {
      email: 'owner@news.example.com',
      password: PASSWORD,
    })
    expect(limited.status).toBe(429)
    expect(limited.json.error.message).toBe('Too many failed attempts. Try again in 15 minutes.')
    expect(Number(limited.headers['retry-after'])).toBe(900)
    // The account is protected from every address while the window lasts...
    const owner = adminClient(t.app, { ip: '198.51.100.1' })
    await owner.session()
    expect(
      (await owner.post('/login', { email: 'owner@news.example.com', password: PASSWORD })).status,
    ).toBe(429)
    // ...and opens again when it ends.
    t.clock.advance(15 * 60_000 + 1000)
    expect(
      (await owner.post('/login', { email: 'owner@news.example.com', password: PASSWORD })).status,
    ).toBe(200)

    // One address trying many accounts is stopped too.
    const sprayer = adminClient(t.app, { ip: '192.0.2.77' })
    await sprayer.session()
    let last = 0
    for (let i = 0; i < 31; i++)
      last = (
        await sprayer.post('/login', {
          email: `user${i}@news.example.com`,
          password: 'nope nope nope',
        })
      ).status
    expect(last).toBe(429)
  })

  it('refuses forged, expired and missing sessions, missing CSRF tokens and other origins', async () => {
    const owner = await setUpOwner(t.app, setupLink)
    const forged = adminClient(t.app)
    forged.cookies.set('dateline_staff', 'A'.repeat(43))
    expect((await forged.get('/articles')).status).toBe(401)
    forged.cookies.set('dateline_staff', '<script>alert(1)</script>')
    const garbage = await forged.get('/articles')
    expect(garbage.status).toBe(401)
    expect(garbage.json.error).toEqual({ code: 'unauthenticated', message: 'Sign in to continue.' })

    const noToken = await owner.post('/articles', {}, { csrf: false })
    expect(noToken.status).toBe(403)
    const crossSite = await owner.post(
      '/logout',
      {},
      { headers: { origin: 'https://evil.example' } },
    )
    expect(crossSite.status).toBe(403)
    expect(crossSite.json.error.message).toContain('another site')
    expect((await owner.get('/staff')).status).toBe(200)

    t.clock.advance(15 * 24 * 60 * 60_000)
    expect((await owner.get('/staff')).status).toBe(401)
  })

  it('invites staff by link, once, and lets an administrator change roles and disable accounts', async () => {
    const owner = await setUpOwner(t.app, setupLink)
    const invited = await owner.post('/invitations', {
      email: 'reporter@news.example.com',
      role: 'contributor',
    })
    expect(invited.status).toBe(201)
    expect(invited.json.url).toMatch(
      /^https:\/\/news\.example\.com\/admin\/invite\?token=[\w-]{43}$/,
    )
    const token = new URL(invited.json.url).searchParams.get('token')
    const reporter = adminClient(t.app)
    await reporter.session()
    expect((await reporter.get(`/invitations/${token}`)).json).toEqual({
      email: 'reporter@news.example.com',
      role: 'contributor',
    })
    const joined = await reporter.post('/invitations/accept', {
      token,
      name: 'Rita Reporter',
      password: PASSWORD,
    })
    expect(joined.status).toBe(201)
    expect(joined.json.permissions).not.toContain('story.publish.own')
    const reused = await adminClient(t.app).post('/invitations/accept', {
      token,
      name: 'X',
      password: PASSWORD,
    })
    expect(reused.status).toBeGreaterThanOrEqual(400)
    expect(
      (await owner.post('/invitations', { email: 'reporter@news.example.com', role: 'editor' }))
        .status,
    ).toBe(409)
    expect(
      (await owner.post('/invitations', { email: 'not an address', role: 'editor' })).json.error
        .field,
    ).toBe('email')

    // A contributor cannot reach an administrator's endpoints.
    expect((await reporter.get('/staff')).status).toBe(403)
    expect(
      (await reporter.post('/invitations', { email: 'x@news.example.com', role: 'admin' })).status,
    ).toBe(403)
    expect((await reporter.get('/audit')).status).toBe(403)

    const id = joined.json.staff.id
    expect((await owner.patch(`/staff/${id}`, { role: 'editor' })).json.role).toBe('editor')
    expect((await reporter.session()).json.permissions).toContain('story.publish.any')
    expect((await owner.patch(`/staff/${id}`, { disabled: true })).json.disabled).toBe(true)
    expect((await reporter.get('/articles')).status).toBe(401)
    const disabledLogin = await adminClient(t.app).raw('POST', '/login', {
      email: 'reporter@news.example.com',
      password: PASSWORD,
    })
    expect(disabledLogin.status).toBeGreaterThanOrEqual(400)
    const ownerId = (await owner.session()).json.staff.id
    expect((await owner.patch(`/staff/${ownerId}`, { role: 'editor' })).status).toBe(403)

    const audit = await owner.get('/audit')
    const actions = audit.json.items.map((e: { action: string }) => e.action)
    expect(actions).toEqual(
      expect.arrayContaining(['staff.setup', 'staff.invited', 'staff.joined', 'staff.updated']),
    )
  })

  it('changes the password, ending other sessions, and logs out everywhere', async () => {
    const owner = await setUpOwner(t.app, setupLink)
    const laptop = adminClient(t.app)
    await laptop.session()
    await laptop.post('/login', { email: 'owner@news.example.com', password: PASSWORD })
    expect((await laptop.get('/staff')).status).toBe(200)

    const wrong = await owner.post('/password', {
      currentPassword: 'not it at all',
      newPassword: 'a new long password',
    })
    expect(wrong.json.error.field).toBe('currentPassword')
    expect(
      (
        await owner.post('/password', {
          currentPassword: PASSWORD,
          newPassword: 'a new long password',
        })
      ).status,
    ).toBe(204)
    expect((await owner.get('/staff')).status).toBe(200)
    expect((await laptop.get('/staff')).status).toBe(401)

    const phone = adminClient(t.app)
    await phone.session()
    expect(
      (
        await phone.post('/login', {
          email: 'owner@news.example.com',
          password: 'a new long password',
        })
      ).status,
    ).toBe(200)
    expect((await owner.post('/logout-everywhere')).status).toBe(204)
    expect((await phone.get('/staff')).status).toBe(401)
    expect((await owner.get('/staff')).status).toBe(401)
  })

  it('answers errors as JSON with a code, a message and the field, and serves its OpenAPI document', async () => {
    const owner = await setUpOwner(t.app, setupLink)
    const bad = await owner.get('/articles?page=zero')
    expect(bad.status).toBe(400)
    expect(bad.json.error).toMatchObject({ code: 'invalid_input', field: 'page' })
    const missing = await owner.get('/nothing-here')
    expect(missing.status).toBe(404)
    expect(missing.json.error.code).toBe('not_found')
    const malformed = await owner.raw('POST', '/articles', '{"headline":', {
      headers: { 'content-type': 'application/json' },
    })
    expect(malformed.status).toBe(400)
    expect(malformed.json.error.code).toBe('invalid_input')

    const doc = await adminClient(t.app).get('/openapi.json')
    expect(doc.status).toBe(200)
    expect(doc.json.openapi).toMatch(/^3\./)
    for (const path of [
      '/login',
      '/articles',
      '/articles/{id}',
      '/articles/{id}/publish',
      '/media',
      '/staff',
    ])
      expect(Object.keys(doc.json.paths)).toContain(path)

    expect(await joinAs(t.app, owner, 'author')).toBeDefined()
  })
})
