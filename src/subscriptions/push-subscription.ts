// What a browser's push subscription must look like before it is kept: a push service's https
// address on the public internet, a P-256 public key and a 16-byte auth secret, and known topics.
import { createPublicKey } from 'node:crypto'
import { isIP } from 'node:net'
import { hostOf, isPrivateAddress, URL_MAX } from '../discovery/webhook-address.ts'
import { invalidInput } from '../platform/errors.ts'

export const TOPICS_MAX = 50

export interface PushKeys {
  p256dh: string
  auth: string
}

export type Topic = { kind: 'section' | 'tag'; id: number }

/** Names on the host itself, whatever DNS says: a push service is never one of them. */
const LOCAL_NAME = /(^|\.)(localhost|localdomain|local|internal|home\.arpa)$/i

/** Loopback only: what PUSH_ALLOW_INSECURE_ENDPOINTS lets through (a local push service). */
export const isLoopback = (host: string) =>
  /^localhost$/i.test(host) ||
  (isIP(host) === 4 && host.startsWith('127.')) ||
  host === '::1' ||
  host === '0:0:0:0:0:0:0:1'

/**
 * The endpoint, normalised, if a push may be sent there: https, no credentials, a host that is not
 * on this machine's network. With `allowLoopback`, a loopback host over http or https as well.
 * Names that resolve to private addresses are refused when the push is sent (push-sender.ts).
 */
export function checkEndpoint(text: unknown, allowLoopback: boolean): string {
  const field = 'subscription.endpoint'
  if (typeof text !== 'string' || text.length === 0)
    throw invalidInput(field, 'The subscription needs an endpoint.')
  if (text.length > URL_MAX)
    throw invalidInput(field, `The endpoint is longer than ${URL_MAX} characters.`)
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw invalidInput(field, 'The endpoint is not a URL.')
  }
  const host = hostOf(url)
  const loopback = allowLoopback && isLoopback(host)
  if (url.protocol !== 'https:' && !(loopback && url.protocol === 'http:'))
    throw invalidInput(field, 'The endpoint must be an https:// address of a push service.')
  if (url.username || url.password || url.hash)
    throw invalidInput(field, 'The endpoint must not hold a user name, password or fragment.')
  if (!loopback && (LOCAL_NAME.test(host) || (isIP(host) !== 0 && isPrivateAddress(host))))
    throw invalidInput(
      field,
      'The endpoint is on a private or loopback address; push services are on the public internet.',
    )
  return url.href
}

/** Strict base64url, no padding, as browsers' PushSubscription.toJSON() writes it. */
function base64url(text: unknown, field: string, bytes: number, what: string): Buffer {
  const raw =
    typeof text === 'string' && /^[\w-]+$/.test(text) ? Buffer.from(text, 'base64url') : undefined
  if (!raw || raw.toString('base64url') !== text || raw.length !== bytes)
    throw invalidInput(field, `${what} must be ${bytes} bytes in base64url.`)
  return raw
}

/** The browser's keys: an uncompressed point on P-256 and a 16-byte secret. */
export function checkKeys(keys: Partial<PushKeys> | undefined): PushKeys {
  const field = 'subscription.keys.p256dh'
  const point = base64url(keys?.p256dh, field, 65, 'keys.p256dh (an uncompressed P-256 public key)')
  try {
    if (point[0] !== 4) throw new Error('compressed')
    createPublicKey({
      key: {
        kty: 'EC',
        crv: 'P-256',
        x: point.subarray(1, 33).toString('base64url'),
        y: point.subarray(33).toString('base64url'),
      },
      format: 'jwk',
    })
  } catch {
    throw invalidInput(field, 'keys.p256dh is not a point on the P-256 curve.')
  }
  base64url(keys?.auth, 'subscription.keys.auth', 16, 'keys.auth (the auth secret)')
  return { p256dh: keys?.p256dh ?? '', auth: keys?.auth ?? '' }
}

/** "section:{id}" and "tag:{id}", without repeats; whether they belong to the edition is the caller's. */
export function parseTopics(topics: readonly string[]): Topic[] {
  const unique = [...new Set(topics)]
  if (unique.length > TOPICS_MAX)
    throw invalidInput('topics', `Choose at most ${TOPICS_MAX} topics.`)
  return unique.map((topic) => {
    const match = /^(section|tag):([1-9]\d{0,9})$/.exec(topic)
    const id = Number(match?.[2])
    if (!match || !Number.isSafeInteger(id) || id > 2_147_483_647)
      throw invalidInput(
        'topics',
        `"${topic.slice(0, 40)}" is not a topic: use section:{id} or tag:{id}.`,
      )
    return { kind: match[1] as Topic['kind'], id }
  })
}

export const topicName = (topic: Topic) => `${topic.kind}:${topic.id}`
