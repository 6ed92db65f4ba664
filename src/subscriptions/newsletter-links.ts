// The unsubscribe link of every newsletter mail: the subscriber, the list and an HMAC over both
// under a secret kept in the settings table, so every instance makes and checks the same links
// and nothing per mail is stored. A guessed or altered link fails the HMAC.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import type { Db } from '../platform/db/database.ts'
import { NEWSLETTER_LISTS, type NewsletterList } from './newsletter.table.ts'

const SECRET_KEY = 'newsletter.secret'
const TOKEN = /^(\d{1,10})-(digest|breaking)-([A-Za-z0-9_-]{43})$/

export interface UnsubscribeToken {
  subscriberId: number
  list: NewsletterList
}

export function createNewsletterLinks(deps: { db: Db; publicUrl: string }) {
  let secret: Promise<Buffer> | undefined

  /** Made at first use; the first instance to write it wins and the others read its value. */
  const load = async (): Promise<Buffer> => {
    await deps.db
      .insertInto('settings')
      .values({ key: SECRET_KEY, value: randomBytes(32).toString('base64url') })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute()
    const row = await deps.db
      .selectFrom('settings')
      .select('value')
      .where('key', '=', SECRET_KEY)
      .executeTakeFirstOrThrow()
    return Buffer.from(row.value, 'base64url')
  }
  const key = () => {
    secret ??= load().catch((error: unknown) => {
      secret = undefined
      throw error
    })
    return secret
  }

  const mac = (key: Buffer, subscriberId: number, list: NewsletterList) =>
    createHmac('sha256', key).update(`unsubscribe:${subscriberId}:${list}`).digest('base64url')

  return {
    /** Reads the secret now, outside any transaction: a job's transaction on SQLite must not wait for it. */
    ready: async () => void (await key()),

    async token(subscriberId: number, list: NewsletterList): Promise<string> {
      return `${subscriberId}-${list}-${mac(await key(), subscriberId, list)}`
    },

    /** Builds tokens with the secret in hand: thousands per batch without awaiting each. */
    async tokenMaker(): Promise<(subscriberId: number, list: NewsletterList) => string> {
      const secret = await key()
      return (subscriberId, list) => `${subscriberId}-${list}-${mac(secret, subscriberId, list)}`
    },

    /** The subscriber and list the token names, or undefined when it is malformed or forged. */
    async check(token: unknown): Promise<UnsubscribeToken | undefined> {
      if (typeof token !== 'string') return undefined
      const match = TOKEN.exec(token)
      if (!match) return undefined
      const subscriberId = Number(match[1])
      const list = match[2] as NewsletterList
      if (!NEWSLETTER_LISTS.includes(list)) return undefined
      const expected = Buffer.from(mac(await key(), subscriberId, list))
      const sent = Buffer.from(match[3] ?? '')
      return expected.length === sent.length && timingSafeEqual(expected, sent)
        ? { subscriberId, list }
        : undefined
    },

    /** The page the link opens, and the one-click POST of RFC 8058 goes to. */
    unsubscribeUrl: (editionCode: string, token: string) =>
      `${deps.publicUrl}/${editionCode}/subscribe/unsubscribe?token=${token}`,
  }
}

export type NewsletterLinks = ReturnType<typeof createNewsletterLinks>
