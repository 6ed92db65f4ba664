// One signed POST to a webhook receiver: the host resolved and checked first, then the connection
// made to the very address that was checked, so a DNS answer that changes in between (rebinding)
// cannot turn the request towards a private address.
import { createHmac } from 'node:crypto'
import http from 'node:http'
import https from 'node:https'
import { isIP } from 'node:net'
import { hostOf, type ResolvedAddress, refusal, resolveHost } from './webhook-address.ts'

/** The whole delivery, DNS lookup included, is given up after this long. */
export const TIMEOUT_MS = 10_000
export const USER_AGENT = 'Dateline-Webhooks/1'

/**
 * The x-dateline-signature header: `sha256=` and the hex HMAC-SHA256, keyed with the hook's
 * secret (the whole `whsec_…` text as UTF-8), of the signed string `<timestamp>.<body>`: the
 * x-dateline-timestamp header (Unix seconds), a full stop, and the request body byte for byte.
 * Receivers compute the same over the raw body, compare in constant time, and refuse old
 * timestamps so a captured request cannot be replayed later.
 */
export function sign(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`
}

export type SendResult =
  | { statusCode: number }
  /** `refused`: the address may not receive webhooks, which retrying will not change. */
  | { error: string; refused: boolean }

function failure(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const code = (error as NodeJS.ErrnoException).code
  return code && !error.message.includes(code) ? `${code}: ${error.message}` : error.message
}

/** Rejects when the signal aborts first: DNS lookups cannot be cancelled, only stopped waiting for. */
function before<T>(signal: AbortSignal, work: Promise<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const stop = () => reject(new Error(`no answer within ${TIMEOUT_MS / 1000} s`))
    if (signal.aborted) return stop()
    signal.addEventListener('abort', stop, { once: true })
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', stop))
  })
}

function post(
  url: URL,
  to: ResolvedAddress,
  body: string,
  headers: Record<string, string>,
  signal: AbortSignal,
) {
  const secure = url.protocol === 'https:'
  const host = hostOf(url)
  return new Promise<SendResult>((resolve) => {
    const request = (secure ? https : http).request({
      host: to.address,
      family: to.family,
      port: url.port || (secure ? 443 : 80),
      path: `${url.pathname}${url.search}`,
      method: 'POST',
      // The name, not the address, for the receiver's virtual hosts and for TLS: SNI and the
      // certificate are checked against the host name.
      headers: { ...headers, host: url.host, 'content-length': String(Buffer.byteLength(body)) },
      ...(secure && isIP(host) === 0 && { servername: host }),
      agent: false,
      signal,
    })
    request.on('response', (response) => {
      // The answer's body is not used; read it so the connection ends cleanly.
      response.on('error', () => {})
      response.resume()
      resolve({ statusCode: response.statusCode ?? 0 })
    })
    request.on('error', (error) =>
      resolve({
        error: signal.aborted ? `no answer within ${TIMEOUT_MS / 1000} s` : failure(error),
        refused: false,
      }),
    )
    request.end(body)
  })
}

/**
 * Sends the body to the URL; never throws. Redirects are not followed: a 3xx is an answer like
 * any other non-2xx one.
 */
export async function sendWebhook(request: {
  url: string
  body: string
  headers: Record<string, string>
  allowPrivate: boolean
  timeoutMs?: number
}): Promise<SendResult> {
  const signal = AbortSignal.timeout(request.timeoutMs ?? TIMEOUT_MS)
  let url: URL
  try {
    url = new URL(request.url)
  } catch {
    return { error: 'the URL is not valid', refused: true }
  }
  const host = hostOf(url)
  let addresses: ResolvedAddress[]
  try {
    addresses = await before(signal, resolveHost(host))
  } catch (error) {
    return { error: `DNS lookup of ${host} failed: ${failure(error)}`, refused: false }
  }
  const refused = request.allowPrivate ? undefined : refusal(host, addresses)
  if (refused) return { error: refused, refused: true }
  const [first] = addresses
  if (!first) return { error: `${host} has no address`, refused: false }
  return post(url, first, request.body, request.headers, signal)
}
