// A push service on loopback for tests, written from RFC 8030/8291/8292 rather than from the
// sender's code: it keeps each push, checks its VAPID token, and decrypts it with the browser's key.
import {
  createDecipheriv,
  createECDH,
  createPublicKey,
  type ECDH,
  hkdfSync,
  randomBytes,
  verify,
} from 'node:crypto'
import http, { type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface ReceivedPush {
  path: string
  headers: IncomingHttpHeaders
  body: Buffer
}

/** Answers each path from its queue of statuses (then 201, as push services do), keeping every push. */
export async function startPushService() {
  const received: ReceivedPush[] = []
  const answers = new Map<string, number[]>()
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const path = request.url ?? ''
      received.push({ path, headers: request.headers, body: Buffer.concat(chunks) })
      response.statusCode = answers.get(path)?.shift() ?? 201
      response.end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const origin = `http://127.0.0.1:${port}`
  return {
    received,
    /** Statuses the path answers next, in turn. */
    answer: (path: string, ...statuses: number[]) => answers.set(path, statuses),
    origin,
    to: (path: string) => received.filter((push) => push.path === path),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

export type PushService = Awaited<ReturnType<typeof startPushService>>

/** A browser's push keys: its P-256 key pair and auth secret, as PushSubscription.toJSON() gives them. */
export function browserKeys() {
  const ecdh = createECDH('prime256v1')
  ecdh.generateKeys()
  const auth = randomBytes(16)
  return {
    ecdh,
    auth,
    keys: { p256dh: ecdh.getPublicKey('base64url'), auth: auth.toString('base64url') },
  }
}

const hkdf = (ikm: Buffer, salt: Buffer, info: Buffer, length: number) =>
  Buffer.from(hkdfSync('sha256', ikm, salt, info, length))

/** The plaintext of an aes128gcm push (RFC 8291 over RFC 8188), as the browser decrypts it. */
export function decryptPush(body: Buffer, browser: { ecdh: ECDH; auth: Buffer }): string {
  const salt = body.subarray(0, 16)
  const idLength = body[20] ?? 0
  const serverKey = body.subarray(21, 21 + idLength)
  const content = body.subarray(21 + idLength)
  const secret = browser.ecdh.computeSecret(serverKey)
  const keyInfo = Buffer.concat([
    Buffer.from('WebPush: info\0'),
    browser.ecdh.getPublicKey(),
    serverKey,
  ])
  const ikm = hkdf(secret, browser.auth, keyInfo, 32)
  const key = hkdf(ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16)
  const nonce = hkdf(ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12)
  const decipher = createDecipheriv('aes-128-gcm', key, nonce)
  decipher.setAuthTag(content.subarray(content.length - 16))
  const padded = Buffer.concat([
    decipher.update(content.subarray(0, content.length - 16)),
    decipher.final(),
  ])
  // The last record ends with the delimiter 2 and any zero padding.
  let end = padded.length - 1
  while (end >= 0 && padded[end] === 0) end--
  if (padded[end] !== 2) throw new Error('no last-record delimiter')
  return padded.subarray(0, end).toString('utf8')
}

/**
 * The claims of the push's VAPID token (`Authorization: vapid t=<JWT>, k=<key>`), or undefined
 * when its ES256 signature does not verify against `k`.
 */
export function vapidToken(authorization: string | undefined) {
  const match = /^vapid t=([\w-]+\.[\w-]+\.[\w-]+), k=([\w-]+)$/.exec(authorization ?? '')
  if (!match) return undefined
  const [jwt = '', k = ''] = match.slice(1)
  const [header = '', claims = '', signature = ''] = jwt.split('.')
  const point = Buffer.from(k, 'base64url')
  const key = createPublicKey({
    key: {
      kty: 'EC',
      crv: 'P-256',
      x: point.subarray(1, 33).toString('base64url'),
      y: point.subarray(33).toString('base64url'),
    },
    format: 'jwk',
  })
  const valid = verify(
    'sha256',
    Buffer.from(`${header}.${claims}`),
    { key, dsaEncoding: 'ieee-p1363' },
    Buffer.from(signature, 'base64url'),
  )
  if (!valid) return undefined
  return {
    key: k,
    header: JSON.parse(Buffer.from(header, 'base64url').toString()) as Record<string, unknown>,
    claims: JSON.parse(Buffer.from(claims, 'base64url').toString()) as {
      aud: string
      exp: number
      sub: string
    },
  }
}
