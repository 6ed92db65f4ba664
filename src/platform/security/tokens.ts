// Random tokens for links and cookies, and the hash under which they are stored.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

/** 256 random bits, URL-safe. */
export const randomToken = (): string => randomBytes(32).toString('base64url')

/** Tokens are stored hashed: reading the table does not hand out working links or sessions. */
export const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex')

export function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

/** Tokens we hand out are 43 URL-safe characters; anything else is refused before a lookup. */
export const looksLikeToken = (value: unknown): value is string =>
  typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value)
