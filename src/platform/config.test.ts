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
})
