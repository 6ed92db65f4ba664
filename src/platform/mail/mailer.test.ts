// The mailer over a real SMTP server on loopback, and its file outbox when there is none.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { AddressObject, ParsedMail } from 'mailparser'
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import { TEST_NOW } from '../../../test/setup.ts'
import { type SmtpSink, startSmtpSink } from '../../../test/smtp-sink.ts'
import { fixedClock } from '../clock.ts'
import { DomainError } from '../errors.ts'
import { createMailer, type Mailer } from './mailer.ts'

const FROM = 'The Ledger <news@ledger.example>'

function recordingLog() {
  const infos: unknown[][] = []
  return {
    infos,
    info: (...args: unknown[]) => void infos.push(args),
    warn: () => {},
    error: () => {},
  }
}

const addresses = (field: AddressObject | AddressObject[] | undefined) =>
  [field ?? []].flat().flatMap((a) => a.value.map((v) => v.address))

describe('mailer over SMTP', () => {
  let sink: SmtpSink
  let mailer: Mailer | undefined
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-mail-'))

  beforeEach(async () => {
    sink = await startSmtpSink()
  })
  afterEach(async () => {
    mailer?.close()
    await sink.close()
  })
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }))

  const smtp = (smtpUrl = sink.url) => {
    mailer = createMailer({ smtpUrl, from: FROM, dataDir, log: recordingLog() })
    return mailer
  }

  it('sends through the SMTP server: from, to, subject, text and html', async () => {
    const sending = smtp()
    expect(sending.configured).toBe(true)
    await sending.send({
      to: 'reader@example.org',
      subject: 'Confirm your subscription',
      text: 'Follow this link to confirm.',
      html: '<p>Follow <a href="https://news.example.com/c">this link</a> to confirm.</p>',
      headers: { 'X-Dateline-Edition': 'en' },
    })
    const [mail] = (await sink.waitFor(1)) as [ParsedMail]
    expect(mail.subject).toBe('Confirm your subscription')
    expect(addresses(mail.to)).toEqual(['reader@example.org'])
    expect(mail.from?.value).toEqual([{ name: 'The Ledger', address: 'news@ledger.example' }])
    expect(mail.text?.trim()).toBe('Follow this link to confirm.')
    expect(mail.html).toContain('<a href="https://news.example.com/c">this link</a>')
    expect(mail.headers.get('x-dateline-edition')).toBe('en')
    expect(fs.existsSync(path.join(dataDir, 'outbox'))).toBe(false)
  })

  it('keeps a subject and body in Russian intact', async () => {
    const subject = 'Срочно: «Москва» — новости дня'
    const text = 'МОСКВА (Dateline) — Текст заметки с ёлкой и кавычками «ёлочками».'
    await smtp().send({ to: 'читатель@example.org', subject, text, html: `<p>${text}</p>` })
    const [mail] = (await sink.waitFor(1)) as [ParsedMail]
    expect(mail.subject).toBe(subject)
    expect(mail.text?.trim()).toBe(text)
    expect(mail.html).toBe(`<p>${text}</p>`)
    expect(addresses(mail.to)).toEqual(['читатель@example.org'])
  })

  it('signs in with the user and password in the URL', async () => {
    const url = sink.url.replace('smtp://', 'smtp://desk%40ledger:p%40ss:word@')
    await smtp(url).send({ to: 'a@example.org', subject: 'Hello', text: 'Hi' })
    await sink.waitFor(1)
    expect(sink.logins).toEqual(['desk@ledger'])
  })
})

describe('mailer without SMTP_URL: the outbox', () => {
  let dataDir: string
  let clock: ReturnType<typeof fixedClock>
  let log: ReturnType<typeof recordingLog>
  let mailer: Mailer

  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-outbox-'))
    clock = fixedClock(TEST_NOW)
    log = recordingLog()
    mailer = createMailer({ smtpUrl: undefined, from: FROM, dataDir, log, clock })
  })
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }))

  const outboxDir = () => path.join(dataDir, 'outbox')
  const sendThree = async () => {
    for (const subject of ['First', 'Second', 'Third']) {
      await mailer.send({ to: 'editor@example.org', subject, text: `${subject} body` })
      clock.advance(1_000)
    }
  }

  it('keeps each mail as a JSON file and an .eml, named by time, and logs it', async () => {
    expect(mailer.configured).toBe(false)
    await mailer.send({ to: 'editor@example.org', subject: 'Привет', text: 'Тело письма' })
    const files = fs.readdirSync(outboxDir()).sort()
    expect(files).toHaveLength(2)
    expect(files[0]).toMatch(/^2026-02-14T12:00:00\.000Z-[0-9a-f]{16}\.eml$/)
    expect(files[1]).toBe(files[0]!.replace(/\.eml$/, '.json'))
    const kept = JSON.parse(fs.readFileSync(path.join(outboxDir(), files[1]!), 'utf8'))
    expect(kept).toMatchObject({ to: 'editor@example.org', subject: 'Привет', from: FROM })
    expect(fs.readFileSync(path.join(outboxDir(), files[0]!), 'utf8')).toMatch(/^Subject: /m)
    expect(log.infos.map((args) => args[1])).toEqual([
      'mail kept in the outbox (no SMTP_URL): Привет to editor@example.org',
    ])
  })

  it('lists newest first, pages with before, and gets one mail', async () => {
    expect(await mailer.outbox.list({ limit: 2 })).toEqual({ items: [], nextBefore: null })
    await sendThree()
    const first = await mailer.outbox.list({ limit: 2 })
    expect(first.items.map((m) => m.subject)).toEqual(['Third', 'Second'])
    expect(first.nextBefore).toBe(first.items[1]!.id)
    const second = await mailer.outbox.list({ before: first.nextBefore!, limit: 2 })
    expect(second.items.map((m) => m.subject)).toEqual(['First'])
    expect(second.nextBefore).toBeNull()

    const third = first.items[0]!
    expect(await mailer.outbox.get(third.id)).toEqual({
      id: third.id,
      to: 'editor@example.org',
      subject: 'Third',
      createdAt: '2026-02-14T12:00:02.000Z',
      text: 'Third body',
    })
    expect(await mailer.outbox.get(third.id.replace(/.$/, (c) => (c === '0' ? '1' : '0')))).toBe(
      null,
    )
  })

  it('refuses ids that are not outbox ids, a path out of the outbox included', async () => {
    await sendThree()
    const { items } = await mailer.outbox.list({ limit: 1 })
    const id = items[0]!.id
    fs.writeFileSync(path.join(dataDir, 'secret.json'), JSON.stringify({ subject: 'secret' }))
    for (const bad of [`../outbox/${id}`, '../secret', `${id}/../${id}`, `${id}.json`, ''])
      expect(await mailer.outbox.get(bad)).toBeNull()
    await expect(mailer.outbox.list({ before: '../secret', limit: 5 })).rejects.toThrow(DomainError)
  })
})
