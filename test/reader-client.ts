// A reader's browser for API tests: registers through the real mail (an SMTP sink on loopback),
// confirms, and then talks to the comment API with its cookies and CSRF token.
import type { FastifyInstance } from 'fastify'
import type { App } from '../src/main.ts'
import type { SmtpSink } from './smtp-sink.ts'

export const READER_PASSWORD = 'a long reader password'

export interface ReaderClient {
  id: number
  name: string
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever the endpoint answered
  call(method: string, url: string, body?: unknown): Promise<{ status: number; json: any }>
}

/** The link in the newest mail to `to`. */
export function linkIn(sink: SmtpSink, to: string): string {
  const mail = [...sink.messages].reverse().find((m) => m.to && JSON.stringify(m.to).includes(to))
  const link = /https?:\/\/\S+token=[\w-]+/.exec(mail?.text ?? '')?.[0]
  if (!link) throw new Error(`no link mailed to ${to}`)
  return link
}

export async function confirmedReader(
  t: { app: FastifyInstance; services: App['services']; jobs: App['jobs'] },
  sink: SmtpSink,
  name: string,
  edition = { id: 1, locale: 'en-GB', code: 'en' },
  ip = '127.0.0.1',
): Promise<ReaderClient> {
  const email = `${name.toLowerCase().replace(/\W+/g, '.')}.${Math.random().toString(36).slice(2, 7)}@readers.example`
  const before = sink.messages.length
  await t.services.readers.register(
    { email, displayName: name, password: READER_PASSWORD },
    {
      editionId: edition.id,
      locale: edition.locale,
      accountUrl: `https://news.example.com/${edition.code}/account`,
    },
    { ip },
  )
  await t.jobs.runDue()
  await sink.waitFor(before + 1, 5000)
  const token = new URL(linkIn(sink, email)).searchParams.get('token')
  const signedIn = await t.services.readers.confirm(token)
  return clientFor(t.app, signedIn.token, signedIn.reader.id, name, ip)
}

export async function clientFor(
  app: FastifyInstance,
  token: string | undefined,
  id: number,
  name: string,
  ip = '127.0.0.1',
): Promise<ReaderClient> {
  const cookie = token ? `dateline_reader=${token}` : ''
  const session = await app.inject({
    method: 'GET',
    url: '/community/session?edition=en',
    headers: { cookie },
    remoteAddress: ip,
  })
  const csrf = session.json().csrfToken as string
  const preSession = session.cookies.find((c) => c.name === 'dateline_reader_csrf')?.value
  const cookies = [cookie, preSession ? `dateline_reader_csrf=${preSession}` : '']
    .filter(Boolean)
    .join('; ')
  return {
    id,
    name,
    async call(method, url, body) {
      const response = await app.inject({
        method: method as 'GET',
        url: `/community${url}`,
        headers: {
          cookie: cookies,
          ...(method !== 'GET' && { 'x-csrf-token': csrf }),
          ...(body !== undefined && { 'content-type': 'application/json' }),
        },
        remoteAddress: ip,
        ...(body !== undefined && {
          payload: typeof body === 'string' ? body : JSON.stringify(body),
        }),
      })
      let json: unknown
      try {
        json = response.json()
      } catch {}
      return { status: response.statusCode, json }
    },
  }
}
