// Sends one encrypted push to many subscriptions: web-push encrypts each (RFC 8291) and signs for
// each push service (VAPID), and the requests go out over keep-alive connections, a bounded number
// at a time. The connection is made only to addresses on the public internet (checked after DNS,
// so a name cannot be pointed at the server's own network later), unless loopback is allowed.
import dns from 'node:dns'
import http from 'node:http'
import https from 'node:https'
import { isIP, type LookupFunction } from 'node:net'
import webPush from 'web-push'
import { hostOf, isPrivateAddress } from '../discovery/webhook-address.ts'
import type { PushTarget } from './push.repository.ts'
import { isLoopback } from './push-subscription.ts'
import type { Vapid } from './vapid.ts'

/** What became of one push: delivered to the push service; subscription gone; worth retrying; not. */
export type PushOutcome = 'sent' | 'gone' | 'retry' | 'failed'

export interface PushResults {
  sent: number[]
  gone: number[]
  retry: number[]
  failed: { id: number; error: string }[]
}

export interface PushOptions {
  /** Seconds the push service keeps the message for an offline browser. */
  ttl: number
  urgency: 'very-low' | 'low' | 'normal' | 'high'
  /** Replaces a message with the same topic still waiting at the push service (RFC 8030). */
  topic?: string
}

const TIMEOUT_MS = 10_000
/** A signed VAPID token is reused for an hour of its twelve. */
const VAPID_REUSE_MS = 60 * 60_000

function refusedLookup(allowLoopback: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 4)
      const bad = addresses.find(
        (a) => isPrivateAddress(a.address) && !(allowLoopback && isLoopback(a.address)),
      )
      const first = addresses[0]
      if (bad || !first) {
        const what = bad ? `resolves to ${bad.address}, a private address` : 'has no address'
        return callback(
          Object.assign(new Error(`${hostname} ${what}`), { code: 'EREFUSED' }),
          '',
          4,
        )
      }
      if (options.all)
        return (callback as (e: null, all: dns.LookupAddress[]) => void)(null, addresses)
      callback(null, first.address, first.family)
    })
  }
}

/** Runs `work` on every item, at most `limit` at once. */
async function eachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0
  const worker = async () => {
    while (next < items.length) await work(items[next++] as T)
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
}

export function createPushSender(deps: {
  vapid: Vapid
  allowLoopback: boolean
  concurrency?: number
  timeoutMs?: number
}) {
  const { vapid, allowLoopback, concurrency = 50, timeoutMs = TIMEOUT_MS } = deps
  const agentOptions = {
    keepAlive: true,
    maxSockets: concurrency,
    lookup: refusedLookup(allowLoopback),
  }
  const agents = { https: new https.Agent(agentOptions), http: new http.Agent(agentOptions) }
  const tokens = new Map<string, { authorization: string; until: number }>()

  // Push services check the token's expiry against their own clock: real time, not the app's.
  const authorization = (audience: string): string => {
    const now = Date.now()
    const kept = tokens.get(audience)
    if (kept && kept.until > now) return kept.authorization
    const headers = webPush.getVapidHeaders(
      audience,
      vapid.subject,
      vapid.publicKey,
      vapid.privateKey,
      'aes128gcm',
    )
    tokens.set(audience, { authorization: headers.Authorization, until: now + VAPID_REUSE_MS })
    return headers.Authorization
  }

  const post = (url: URL, headers: Record<string, string | number>, body: Buffer) =>
    new Promise<{ statusCode: number } | { error: Error }>((resolve) => {
      const secure = url.protocol === 'https:'
      const request = (secure ? https : http).request(url, {
        method: 'POST',
        headers,
        agent: secure ? agents.https : agents.http,
        timeout: timeoutMs,
      })
      request.on('response', (response) => {
        response.on('error', () => {})
        response.resume()
        resolve({ statusCode: response.statusCode ?? 0 })
      })
      request.on('timeout', () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)))
      request.on('error', (error) => resolve({ error }))
      request.end(body)
    })

  const sendOne = async (
    target: PushTarget,
    payload: string,
    options: PushOptions,
  ): Promise<{ outcome: PushOutcome; error?: string }> => {
    const url = new URL(target.endpoint)
    const host = hostOf(url)
    const loopback = allowLoopback && isLoopback(host)
    // Checked when subscribing; again here, as the switch may have been turned off since.
    if (url.protocol !== 'https:' && !loopback)
      return { outcome: 'failed', error: 'not an https endpoint' }
    if (isIP(host) !== 0 && isPrivateAddress(host) && !loopback)
      return { outcome: 'failed', error: `${host} is a private address` }
    let details: ReturnType<typeof webPush.generateRequestDetails>
    try {
      details = webPush.generateRequestDetails(
        { endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } },
        payload,
        {
          TTL: options.ttl,
          urgency: options.urgency,
          ...(options.topic && { topic: options.topic }),
          contentEncoding: 'aes128gcm',
          headers: { Authorization: authorization(url.origin) },
        },
      )
    } catch (error) {
      return { outcome: 'failed', error: error instanceof Error ? error.message : String(error) }
    }
    const answer = await post(url, details.headers, details.body ?? Buffer.alloc(0))
    if ('error' in answer) {
      const refused = (answer.error as NodeJS.ErrnoException).code === 'EREFUSED'
      return { outcome: refused ? 'failed' : 'retry', error: answer.error.message }
    }
    const status = answer.statusCode
    if (status >= 200 && status < 300) return { outcome: 'sent' }
    if (status === 404 || status === 410) return { outcome: 'gone' }
    // Overloaded or failing for now; any other answer (400, 401, 403, 413) would come again.
    if (status === 408 || status === 429 || status >= 500)
      return { outcome: 'retry', error: `HTTP ${status}` }
    return { outcome: 'failed', error: `HTTP ${status}` }
  }

  return {
    /** Sends `payload` (JSON text) to each target; never throws. */
    async send(targets: PushTarget[], payload: string, options: PushOptions): Promise<PushResults> {
      const results: PushResults = { sent: [], gone: [], retry: [], failed: [] }
      await eachLimited(targets, concurrency, async (target) => {
        const { outcome, error } = await sendOne(target, payload, options)
        if (outcome === 'failed') results.failed.push({ id: target.id, error: error ?? '' })
        else results[outcome].push(target.id)
      })
      return results
    },

    close() {
      agents.https.destroy()
      agents.http.destroy()
    },
  }
}

export type PushSender = ReturnType<typeof createPushSender>
