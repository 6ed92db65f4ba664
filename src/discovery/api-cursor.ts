// Paging cursors for the Content API: the last item's place in the list order, opaque to clients
// and signed with a server secret, so a forged or edited cursor is refused instead of run.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto'

/** Where a page ended: the sort value (an ISO time) and the id of its last item. */
export interface Position {
  at: string
  id: number
}

export type CursorCheck =
  | { ok: true; position: Position }
  | { ok: false; reason: 'invalid' | 'other_listing' }

const VERSION = 1
const MAC_BYTES = 16
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$/

/**
 * `listing` names the list the cursor walks (its order and filters): a cursor is only good for the
 * list it came from, since its place means nothing in another order.
 */
export function createCursors(secret: string) {
  const mac = (payload: string) =>
    createHmac('sha256', secret).update(payload).digest().subarray(0, MAC_BYTES)
  const listingTag = (listing: string) =>
    createHash('sha256').update(listing).digest('base64url').slice(0, 8)

  return {
    encode(listing: string, position: Position): string {
      const payload = Buffer.from(
        JSON.stringify([VERSION, listingTag(listing), position.at, position.id]),
      ).toString('base64url')
      return `${payload}.${mac(payload).toString('base64url')}`
    },

    decode(listing: string, cursor: string): CursorCheck {
      const [payload, signature, extra] = cursor.split('.')
      if (!payload || !signature || extra !== undefined) return { ok: false, reason: 'invalid' }
      const given = Buffer.from(signature, 'base64url')
      const expected = mac(payload)
      if (given.length !== expected.length || !timingSafeEqual(given, expected))
        return { ok: false, reason: 'invalid' }
      // Signed by this server, so well formed; checked anyway, in case the secret ever leaks.
      let fields: unknown
      try {
        fields = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))
      } catch {
        return { ok: false, reason: 'invalid' }
      }
      if (!Array.isArray(fields) || fields.length !== 4) return { ok: false, reason: 'invalid' }
      const [version, tag, at, id] = fields as unknown[]
      if (
        version !== VERSION ||
        typeof at !== 'string' ||
        !ISO_TIME.test(at) ||
        Number.isNaN(Date.parse(at)) ||
        !Number.isSafeInteger(id) ||
        (id as number) < 1
      )
        return { ok: false, reason: 'invalid' }
      if (tag !== listingTag(listing)) return { ok: false, reason: 'other_listing' }
      return { ok: true, position: { at, id: id as number } }
    },
  }
}

export type Cursors = ReturnType<typeof createCursors>
