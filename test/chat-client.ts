// A chat room's WebSocket for tests: a real ws client that keeps every frame, waits for the ones
// a test expects, and reports how the connection ended or why the upgrade was refused.
import WebSocket from 'ws'
import type { ServerFrame } from '../src/chat/protocol.ts'
import type { App } from '../src/main.ts'
import { linkIn, READER_PASSWORD } from './reader-client.ts'
import type { SmtpSink } from './smtp-sink.ts'

export const SITE_ORIGIN = 'https://news.example.com'

export interface ChatClient {
  frames: ServerFrame[]
  /** Sends a frame as JSON, or a raw string or buffer as it is. */
  send(frame: object | string | Buffer): void
  /** The first frame from index `from` on that matches, waiting up to `ms` for it. */
  next<T extends ServerFrame['type']>(
    type: T,
    match?: (frame: Extract<ServerFrame, { type: T }>) => boolean,
    ms?: number,
  ): Promise<Extract<ServerFrame, { type: T }>>
  /** Every frame of the type received so far. */
  all<T extends ServerFrame['type']>(type: T): Extract<ServerFrame, { type: T }>[]
  closed: Promise<{ code: number; reason: string }>
  close(): Promise<void>
  socket: WebSocket
}

export interface ChatUpgrade {
  base: string
  roomId: number
  cookie?: string
  origin?: string | null
  /** A number, or anything else to try a malformed one. */
  after?: number | string
}

const urlOf = (o: ChatUpgrade) =>
  `${o.base.replace(/^http/, 'ws')}/chat/rooms/${o.roomId}/socket${o.after === undefined ? '' : `?after=${o.after}`}`

const headersOf = (o: ChatUpgrade) => ({
  ...(o.cookie && { cookie: o.cookie }),
  ...(o.origin !== null && { origin: o.origin ?? SITE_ORIGIN }),
})

/** Opens the room's socket; resolves once it is open. */
export async function openChat(options: ChatUpgrade): Promise<ChatClient> {
  const socket = new WebSocket(urlOf(options), { headers: headersOf(options) })
  const frames: ServerFrame[] = []
  const waiters = new Set<() => void>()
  socket.on('message', (data) => {
    frames.push(JSON.parse(data.toString()) as ServerFrame)
    for (const wake of waiters) wake()
  })
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  )
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve())
    socket.once('error', reject)
  })
  socket.on('error', () => {})

  const find = <T extends ServerFrame['type']>(
    type: T,
    match: ((frame: Extract<ServerFrame, { type: T }>) => boolean) | undefined,
  ) =>
    frames.find(
      (f): f is Extract<ServerFrame, { type: T }> =>
        f.type === type && (!match || match(f as Extract<ServerFrame, { type: T }>)),
    )

  return {
    frames,
    socket,
    closed,
    send(frame) {
      socket.send(
        typeof frame === 'string' || Buffer.isBuffer(frame) ? frame : JSON.stringify(frame),
      )
    },
    next(type, match, ms = 5000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = find(type, match)
          if (!found) return
          waiters.delete(check)
          clearTimeout(timer)
          resolve(found)
        }
        const timer = setTimeout(() => {
          waiters.delete(check)
          reject(
            new Error(`no ${type} frame in ${ms} ms; got ${JSON.stringify(frames).slice(0, 2000)}`),
          )
        }, ms)
        waiters.add(check)
        check()
      })
    },
    all: (type) => frames.filter((f) => f.type === type) as never,
    async close() {
      if (socket.readyState === socket.CLOSED) return
      socket.close()
      await closed
    },
  }
}

/** The HTTP status that refused the upgrade, or 101 when it was accepted. */
export async function upgradeStatus(options: ChatUpgrade): Promise<number> {
  const socket = new WebSocket(urlOf(options), { headers: headersOf(options) })
  return new Promise((resolve) => {
    socket.once('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0)
      socket.terminate()
    })
    socket.once('open', () => {
      resolve(101)
      socket.close()
    })
    socket.once('error', () => {})
  })
}

export interface ChatReader {
  id: number
  name: string
  email: string
  cookie: string
}

/** Registers a reader through the real mail, confirms them, and returns their session cookie. */
export async function chatReader(
  t: { services: App['services']; jobs: App['jobs'] },
  sink: SmtpSink,
  name: string,
): Promise<ChatReader> {
  const email = `${name.toLowerCase().replace(/\W+/g, '.')}.${Math.random().toString(36).slice(2, 7)}@readers.example`
  const before = sink.messages.length
  await t.services.readers.register(
    { email, displayName: name, password: READER_PASSWORD },
    { editionId: 1, locale: 'en-GB', accountUrl: `${SITE_ORIGIN}/en/account` },
    { ip: '127.0.0.1' },
  )
  await t.jobs.runDue()
  await sink.waitFor(before + 1, 5000)
  const token = new URL(linkIn(sink, email)).searchParams.get('token')
  const signedIn = await t.services.readers.confirm(token)
  return { id: signedIn.reader.id, name, email, cookie: `dateline_reader=${signedIn.token}` }
}
