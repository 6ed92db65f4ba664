// Queries for readers, their sessions and one-time tokens.
import type { Selectable } from 'kysely'
import type { Db } from '../platform/db/database.ts'
import { toDate } from '../platform/db/dialect.ts'
import type { ReaderTable } from '../platform/db/schema.ts'
import type { Reader, ReaderSession } from './reader.types.ts'

const toReader = (r: Selectable<ReaderTable>): Reader => ({
  id: r.id,
  email: r.email,
  displayName: r.display_name,
  editionId: r.edition_id,
  createdAt: toDate(r.created_at),
  confirmedAt: toDate(r.confirmed_at),
  trustedAt: toDate(r.trusted_at),
  mutedUntil: toDate(r.muted_until),
  bannedAt: toDate(r.banned_at),
  standingReason: r.standing_reason,
})

export function createReaderRepository(db: Db) {
  return {
    async byEmail(email: string, trx: Db = db) {
      const row = await trx
        .selectFrom('readers')
        .selectAll()
        .where('email', '=', email)
        .executeTakeFirst()
      return row && { ...toReader(row), passwordHash: row.password_hash }
    },

    async byId(id: number, trx: Db = db) {
      const row = await trx
        .selectFrom('readers')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst()
      return row && { ...toReader(row), passwordHash: row.password_hash }
    },

    async insert(
      trx: Db,
      values: {
        email: string
        displayName: string
        passwordHash: string
        editionId: number | null
        at: string
      },
    ): Promise<Reader> {
      const row = await trx
        .insertInto('readers')
        .values({
          email: values.email,
          display_name: values.displayName,
          password_hash: values.passwordHash,
          edition_id: values.editionId,
          created_at: values.at,
        })
        .returningAll()
        .executeTakeFirstOrThrow()
      return toReader(row)
    },

    async update(
      trx: Db,
      id: number,
      values: Partial<{
        display_name: string
        password_hash: string
        confirmed_at: string
        trusted_at: string
        muted_until: string | null
        banned_at: string | null
        standing_reason: string
      }>,
    ): Promise<void> {
      await trx.updateTable('readers').set(values).where('id', '=', id).execute()
    },

    async delete(trx: Db, id: number): Promise<void> {
      await trx.deleteFrom('readers').where('id', '=', id).execute()
    },

    async insertSession(
      trx: Db,
      values: { id: string; readerId: number; csrfToken: string; at: string; expiresAt: string },
    ): Promise<void> {
      await trx
        .insertInto('reader_sessions')
        .values({
          id: values.id,
          reader_id: values.readerId,
          csrf_token: values.csrfToken,
          created_at: values.at,
          last_seen_at: values.at,
          expires_at: values.expiresAt,
        })
        .execute()
    },

    async session(id: string): Promise<ReaderSession | undefined> {
      const row = await db
        .selectFrom('reader_sessions as s')
        .innerJoin('readers', 'readers.id', 's.reader_id')
        .selectAll('readers')
        .select(['s.id as session_id', 's.csrf_token', 's.last_seen_at', 's.expires_at'])
        .where('s.id', '=', id)
        .executeTakeFirst()
      if (!row) return undefined
      return {
        id: row.session_id,
        reader: toReader(row),
        csrfToken: row.csrf_token,
        lastSeenAt: toDate(row.last_seen_at),
        expiresAt: toDate(row.expires_at),
      }
    },

    async touchSession(id: string, at: string, expiresAt: string): Promise<void> {
      await db
        .updateTable('reader_sessions')
        .set({ last_seen_at: at, expires_at: expiresAt })
        .where('id', '=', id)
        .execute()
    },

    async deleteSession(id: string): Promise<void> {
      await db.deleteFrom('reader_sessions').where('id', '=', id).execute()
    },

    async deleteSessionsOf(trx: Db, readerId: number): Promise<void> {
      await trx.deleteFrom('reader_sessions').where('reader_id', '=', readerId).execute()
    },

    async insertToken(
      trx: Db,
      values: {
        tokenHash: string
        readerId: number
        purpose: 'confirm' | 'reset'
        at: string
        expiresAt: string
      },
    ): Promise<void> {
      await trx
        .insertInto('reader_tokens')
        .values({
          token_hash: values.tokenHash,
          reader_id: values.readerId,
          purpose: values.purpose,
          created_at: values.at,
          expires_at: values.expiresAt,
        })
        .execute()
    },

    /** Marks an unused, unexpired token used and returns its reader; undefined when it is not valid. */
    async takeToken(trx: Db, tokenHash: string, purpose: 'confirm' | 'reset', now: string) {
      const result = await trx
        .updateTable('reader_tokens')
        .set({ used_at: now })
        .where('token_hash', '=', tokenHash)
        .where('purpose', '=', purpose)
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .returning('reader_id')
        .executeTakeFirst()
      return result?.reader_id
    },

    /** Everything stored about the reader but their password: their data, for them to download. */
    async export(id: number) {
      const [comments, likes, reports] = await Promise.all([
        db
          .selectFrom('comments')
          .select(['id', 'article_id', 'parent_id', 'body', 'status', 'created_at', 'edited_at'])
          .where('reader_id', '=', id)
          .orderBy('id')
          .execute(),
        db
          .selectFrom('comment_likes')
          .select(['comment_id', 'created_at'])
          .where('reader_id', '=', id)
          .execute(),
        db
          .selectFrom('comment_reports')
          .select(['comment_id', 'reason', 'created_at'])
          .where('reader_id', '=', id)
          .execute(),
      ])
      return { comments, likes, reports }
    },
  }
}

export type ReaderRepository = ReturnType<typeof createReaderRepository>
