// Content API keys: admins make and revoke them, partner systems present them. Only a key's SHA-256
// and its first characters are kept; the key itself is shown once, when it is made.
import type { AuditRepository } from '../newsroom/audit.repository.ts'
import type { Actor } from '../newsroom/permissions.ts'
import type { Clock } from '../platform/clock.ts'
import type { Db } from '../platform/db/database.ts'
import { toDate } from '../platform/db/dialect.ts'
import { createPrepared, slot } from '../platform/db/prepared.ts'
import { invalidInput, notFound } from '../platform/errors.ts'
import { randomToken, tokenHash } from '../platform/security/tokens.ts'

/** `dl_` and 43 URL-safe characters (256 random bits). */
const KEY_PATTERN = /^dl_[A-Za-z0-9_-]{43}$/
/** How much of the key is kept in the clear, so admins can tell keys apart: `dl_` and 5 more. */
const PREFIX_LENGTH = 8
const NAME_MAX = 100
/** last_used_at is written at most this often per key: a busy key is not one write per request. */
const TOUCH_EVERY_MS = 60_000

export const looksLikeApiKey = (value: string): boolean => KEY_PATTERN.test(value)

export interface ApiKey {
  id: number
  name: string
  /** The key's first characters, e.g. "dl_AbCdE". */
  prefix: string
  createdBy: { id: number; name: string } | null
  createdAt: Date
  lastUsedAt: Date | null
  revokedAt: Date | null
}

export type KeyCheck =
  | { ok: true; key: { id: number; name: string } }
  | { ok: false; reason: 'malformed' | 'unknown' }

export function createApiKeyRepository(db: Db) {
  const run = createPrepared(db)
  return {
    async insert(
      trx: Db,
      values: { name: string; hash: string; prefix: string; createdBy: number; at: string },
    ): Promise<number> {
      const { id } = await trx
        .insertInto('api_keys')
        .values({
          name: values.name,
          key_hash: values.hash,
          prefix: values.prefix,
          created_by: values.createdBy,
          created_at: values.at,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      return id
    },

    /** Live keys first, newest first; revoked ones after them. */
    async list(): Promise<ApiKey[]> {
      const rows = await keyQuery(db)
        .orderBy((eb) => eb.case().when('k.revoked_at', 'is', null).then(0).else(1).end())
        .orderBy('k.id', 'desc')
        .execute()
      return rows.map(toApiKey)
    },

    async byId(trx: Db, id: number): Promise<ApiKey | undefined> {
      const row = await keyQuery(trx).where('k.id', '=', id).executeTakeFirst()
      return row && toApiKey(row)
    },

    /** The live key with this hash: run on every Content API request, so prepared once. */
    async liveByHash(hash: string) {
      const [row] = await run(
        'liveApiKeyByHash',
        () =>
          db
            .selectFrom('api_keys')
            .select(['id', 'name', 'last_used_at'])
            .where('key_hash', '=', slot<string>('hash'))
            .where('revoked_at', 'is', null),
        { hash },
      )
      return row && { id: row.id, name: row.name, lastUsedAt: toDate(row.last_used_at) }
    },

    async touch(id: number, at: string): Promise<void> {
      await db.updateTable('api_keys').set({ last_used_at: at }).where('id', '=', id).execute()
    },

    /** Marks the key revoked; false when it was revoked already. */
    async revoke(trx: Db, id: number, at: string): Promise<boolean> {
      const result = await trx
        .updateTable('api_keys')
        .set({ revoked_at: at })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .executeTakeFirst()
      return Number(result.numUpdatedRows) === 1
    },
  }
}

/** Keys with the name of who made them. */
function keyQuery(on: Db) {
  return on
    .selectFrom('api_keys as k')
    .leftJoin('staff as s', 's.id', 'k.created_by')
    .select([
      'k.id',
      'k.name',
      'k.prefix',
      'k.created_at',
      'k.last_used_at',
      'k.revoked_at',
      's.id as staff_id',
      's.name as staff_name',
    ])
}

function toApiKey(r: {
  id: number
  name: string
  prefix: string
  created_at: Date | string
  last_used_at: Date | string | null
  revoked_at: Date | string | null
  staff_id: number | null
  staff_name: string | null
}): ApiKey {
  return {
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    createdBy: r.staff_id === null ? null : { id: r.staff_id, name: r.staff_name ?? '' },
    createdAt: toDate(r.created_at),
    lastUsedAt: toDate(r.last_used_at),
    revokedAt: toDate(r.revoked_at),
  }
}

export type ApiKeyRepository = ReturnType<typeof createApiKeyRepository>

export function createApiKeys(deps: {
  db: Db
  keys: ApiKeyRepository
  audit: Pick<AuditRepository, 'record'>
  clock: Clock
}) {
  const { db, keys, audit, clock } = deps

  return {
    list: () => keys.list(),

    /** Makes a key; the answer is the only time the key itself is ever seen. */
    async create(actor: Actor, input: { name: string }): Promise<{ key: string; apiKey: ApiKey }> {
      const name = input.name.trim()
      if (name.length === 0)
        throw invalidInput('name', 'Give the key a name: who or what will use it')
      if (name.length > NAME_MAX)
        throw invalidInput('name', `The name is longer than ${NAME_MAX} characters`)
      const key = `dl_${randomToken()}`
      const at = clock.now().toISOString()
      const apiKey = await db.transaction().execute(async (trx) => {
        const id = await keys.insert(trx, {
          name,
          hash: tokenHash(key),
          prefix: key.slice(0, PREFIX_LENGTH),
          createdBy: actor.id,
          at,
        })
        await audit.record(trx, {
          staffId: actor.id,
          action: 'api_key.created',
          detail: { id, name },
          at,
        })
        return keys.byId(trx, id)
      })
      if (!apiKey) throw new Error('the new API key was not found')
      return { key, apiKey }
    },

    /** Revokes the key for good; revoking a revoked key changes nothing. */
    async revoke(actor: Actor, id: number): Promise<ApiKey> {
      const at = clock.now().toISOString()
      const apiKey = await db.transaction().execute(async (trx) => {
        if (await keys.revoke(trx, id, at))
          await audit.record(trx, {
            staffId: actor.id,
            action: 'api_key.revoked',
            detail: { id },
            at,
          })
        return keys.byId(trx, id)
      })
      if (!apiKey) throw notFound('API key')
      return apiKey
    },

    /** Whether a presented key is a live one; notes when it was last used (once a minute at most). */
    async verify(presented: string): Promise<KeyCheck> {
      if (!looksLikeApiKey(presented)) return { ok: false, reason: 'malformed' }
      const found = await keys.liveByHash(tokenHash(presented))
      if (!found) return { ok: false, reason: 'unknown' }
      const now = clock.now()
      if (!found.lastUsedAt || now.getTime() - found.lastUsedAt.getTime() >= TOUCH_EVERY_MS)
        await keys.touch(found.id, now.toISOString())
      return { ok: true, key: { id: found.id, name: found.name } }
    },
  }
}

export type ApiKeys = ReturnType<typeof createApiKeys>
