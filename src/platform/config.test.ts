import { createECDH } from 'node:crypto'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './config.ts'

describe('loadConfig', () => {
  it('defaults to port 3000 on loopback and a SQLite file under ./data', () => {
    const config = loadConfig({})
    expect(config.port).toBe(3000)
    expect(config.host).toBe('127.0.0.1')
    expect(config.siteName).toBe('Dateline')
    expect(config.database).toEqual({ dialect: 'sqlite', file: path.resolve('data/dateline.db') })
    expect(config.publicUrl).toBe('http://127.0.0.1:3000')
    expect(Object.isFrozen(config)).toBe(true)
  })

  it('selects PostgreSQL from a postgres:// URL', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u@db:5432/news' })
    expect(config.database).toEqual({ dialect: 'postgres', url: 'postgres://u@db:5432/news' })
  })

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      PUBLIC_URL: 'https://news.example.com/',
      SITE_NAME: 'The Ledger',
      DATA_DIR: '/srv/dateline',
      DATABASE_URL: 'sqlite:/srv/dateline/site.db',
    })
    expect(config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      publicUrl: 'https://news.example.com',
      siteName: 'The Ledger',
      dataDir: '/srv/dateline',
      database: { dialect: 'sqlite', file: '/srv/dateline/site.db' },
    })
  })

  it.each([
    ['PORT', 'abc', 'PORT must be an integer from 0 to 65535 (got "abc")'],
    ['PORT', '70000', 'PORT must be an integer from 0 to 65535'],
    ['PUBLIC_URL', 'news.example.com', 'PUBLIC_URL must be an absolute URL'],
    ['PUBLIC_URL', 'ftp://x.org', 'PUBLIC_URL must be an http(s) URL'],
    ['DATABASE_URL', 'mysql://x', 'DATABASE_URL must start with postgres:// or sqlite:'],
    ['LOG_LEVEL', 'loud', 'LOG_LEVEL must be one of'],
    ['METRICS', 'maybe', 'METRICS must be true or false'],
    ['SMTP_URL', 'mail.example.com', 'SMTP_URL must be an smtp:// or smtps:// URL'],
    ['SMTP_URL', 'https://mail.example.com', 'SMTP_URL must be an smtp:// or smtps:// URL'],
    ['MAIL_FROM', 'The Ledger', 'MAIL_FROM must be an address'],
    ['NEWSLETTER_RATE', '-1', 'NEWSLETTER_RATE must be a number of mails per second'],
    ['NEWSLETTER_BATCH', '0', 'NEWSLETTER_BATCH must be a whole number of subscribers'],
  ])('stops on a bad %s (%s) with one line naming it', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError)
    expect(() => loadConfig({ [name]: value })).toThrow(message)
  })

  it('reads the mail settings, with a From at the public host by default', () => {
    expect(
      loadConfig({ PUBLIC_URL: 'https://news.example.com', SITE_NAME: 'The Ledger' }),
    ).toMatchObject({ smtpUrl: undefined, mailFrom: 'The Ledger <no-reply@news.example.com>' })
    const config = loadConfig({
      SMTP_URL: 'smtps://desk:secret@mail.example.com:465',
      MAIL_FROM: 'Desk <desk@example.com>',
    })
    expect(config).toMatchObject({
      smtpUrl: 'smtps://desk:secret@mail.example.com:465',
      mailFrom: 'Desk <desk@example.com>',
    })
  })

  it('does not repeat the password of a bad SMTP_URL', () => {
    expect(() => loadConfig({ SMTP_URL: 'imap://desk:secret@mail.example.com' })).toThrow(
      '(got "imap://desk:***@mail.example.com")',
    )
  })

  it('reports every problem together', () => {
    expect(() => loadConfig({ PORT: 'x', METRICS: 'y' })).toThrow(/PORT .*; METRICS /)
  })

  it('reads the newsletter settings, and never repeats a bad bounce secret', () => {
    expect(loadConfig({})).toMatchObject({
      newsletterRate: 10,
      newsletterBatch: 500,
      newsletterBounceSecret: undefined,
    })
    const secret = 'a-long-enough-secret-for-bounces'
    expect(
      loadConfig({
        NEWSLETTER_RATE: '0',
        NEWSLETTER_BATCH: '50',
        NEWSLETTER_BOUNCE_SECRET: secret,
      }),
    ).toMatchObject({ newsletterRate: 0, newsletterBatch: 50, newsletterBounceSecret: secret })
    expect(() => loadConfig({ NEWSLETTER_BOUNCE_SECRET: 'short secret' })).toThrow(
      /^Configuration error: NEWSLETTER_BOUNCE_SECRET must be 24 to 200 printable characters without spaces$/,
    )
  })

  it('sends deks in feeds by default, whole bodies with FEED_CONTENT=full', () => {
    expect(loadConfig({}).feedContent).toBe('summary')
    expect(loadConfig({ FEED_CONTENT: 'full' }).feedContent).toBe('full')
    expect(() => loadConfig({ FEED_CONTENT: 'body' })).toThrow(
      'FEED_CONTENT must be summary or full (got "body")',
    )
  })

  describe('web push', () => {
    const pair = () => {
      const ecdh = createECDH('prime256v1')
      ecdh.generateKeys()
      return {
        VAPID_PUBLIC_KEY: ecdh.getPublicKey().toString('base64url'),
        VAPID_PRIVATE_KEY: ecdh.getPrivateKey().toString('base64url'),
      }
    }

    it('generates keys later by default, with a subject from the public address or the sender', () => {
      expect(loadConfig({ PUBLIC_URL: 'https://news.example.com' })).toMatchObject({
        vapidKeys: undefined,
        vapidSubject: 'https://news.example.com',
        pushAllowInsecureEndpoints: false,
      })
      expect(
        loadConfig({ PUBLIC_URL: 'http://127.0.0.1:3000', MAIL_FROM: 'Desk <desk@example.com>' })
          .vapidSubject,
      ).toBe('mailto:desk@example.com')
    })

    it('reads a matching key pair, a subject and the loopback switch', () => {
      const keys = pair()
      const config = loadConfig({
        ...keys,
        VAPID_SUBJECT: 'mailto:desk@example.com',
        PUSH_ALLOW_INSECURE_ENDPOINTS: 'true',
      })
      expect(config.vapidKeys).toEqual({
        publicKey: keys.VAPID_PUBLIC_KEY,
        privateKey: keys.VAPID_PRIVATE_KEY,
      })
      expect(Object.isFrozen(config.vapidKeys)).toBe(true)
      expect(config).toMatchObject({
        vapidSubject: 'mailto:desk@example.com',
        pushAllowInsecureEndpoints: true,
      })
    })

    it.each([
      [{ VAPID_PUBLIC_KEY: 'BAAA' }, 'must be set together'],
      [{ ...pair(), VAPID_PUBLIC_KEY: 'not a key' }, 'VAPID_PUBLIC_KEY must be an uncompressed'],
      [
        { ...pair(), VAPID_PRIVATE_KEY: 'c2hvcnQ' },
        'VAPID_PRIVATE_KEY must be a P-256 private key',
      ],
      [{ ...pair(), VAPID_PRIVATE_KEY: pair().VAPID_PRIVATE_KEY }, 'is not the private key of'],
      [{ VAPID_SUBJECT: 'desk@example.com' }, 'VAPID_SUBJECT must be a mailto: address'],
      [{ VAPID_SUBJECT: 'http://news.example.com' }, 'VAPID_SUBJECT must be a mailto: address'],
      [
        { PUSH_ALLOW_INSECURE_ENDPOINTS: 'yes' },
        'PUSH_ALLOW_INSECURE_ENDPOINTS must be true or false',
      ],
    ])('stops on bad push settings (%o)', (env, message) => {
      expect(() => loadConfig(env)).toThrow(message)
    })

    it('never repeats the private key in a problem', () => {
      const keys = pair()
      const other = pair().VAPID_PRIVATE_KEY
      expect(() => loadConfig({ ...keys, VAPID_PRIVATE_KEY: other })).toThrow(
        expect.objectContaining({ message: expect.not.stringContaining(other) }),
      )
    })
  })
})
