// Queries for newsletter subscribers, their confirmation tokens, suppressed addresses and each
// edition's digest time.
import { type Selectable, sql } from 'kysely'
import type { Db } from '../platform/db/database.ts'
import { toDate } from '../platform/db/dialect.ts'
import { contains } from '../platform/db/like.ts'
import {
  NEWSLETTER_LISTS,
  type NewsletterList,
  type NewsletterSubscriberTable,
  type SubscriberSource,
  type SubscriberStatus,
} from './newsletter.table.ts'
import type { Subscriber } from './newsletter.types.ts'

const listsOf = (row: { digest: boolean | number; breaking: boolean | number }) =>
  NEWSLETTER_LISTS.filter((list) => Boolean(row[list]))

const toSubscriber = (row: Selectable<NewsletterSubscriberTable>): Subscriber => ({
  id: row.id,
  editionId: row.edition_id,
  email: row.email,
  readerId: row.reader_id,
  lists: listsOf(row),
  status: row.status,
  source: row.source,
  consentAt: toDate(row.consent_at),
  createdAt: toDate(row.created_at),
  unsubscribedAt: toDate(row.unsubscribed_at),
})

/** The flag columns for a set of lists: 1 for each list named, 0 for the rest. */
export const flagsOf = (lists: readonly NewsletterList[]) => ({
  digest: lists.includes('digest') ? 1 : 0,
  breaking: lists.includes('breaking') ? 1 : 0,
})

export interface SubscriberChanges {
  lists?: readonly NewsletterList[]
  status?: SubscriberStatus
  readerId?: number
  consentAt?: string | null
  unsubscribedAt?: string | null
  at: string
}

export interface CountRow {
  editionId: number
  status: SubscriberStatus
  total: number
  digest: number
  breaking: number
}

export function createNewsletterRepository(db: Db) {
  return {
    async byEmail(trx: Db, editionId: number, email: string): Promise<Subscriber | undefined> {
      const row = await trx
        .selectFrom('newsletter_subscribers')
        .selectAll()
        .where('edition_id', '=', editionId)
        .where('email', '=', email)
        .executeTakeFirst()
      return row && toSubscriber(row)
    },

    async byId(id: number, trx: Db = db): Promise<Subscriber | undefined> {
      const row = await trx
        .selectFrom('newsletter_subscribers')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst()
      return row && toSubscriber(row)
    },

    async insert(
      trx: Db,
      values: {
        editionId: number
        email: string
        readerId: number | null
        lists: readonly NewsletterList[]
        status: SubscriberStatus
        source: SubscriberSource
        consentAt: string | null
        at: string
      },
    ): Promise<Subscriber> {
      const row = await trx
        .insertInto('newsletter_subscribers')
        .values({
          edition_id: values.editionId,
          email: values.email,
          reader_id: values.readerId,
          ...flagsOf(values.lists),
          status: values.status,
          source: values.source,
          consent_at: values.consentAt,
          created_at: values.at,
          updated_at: values.at,
        })
        .returningAll()
        .executeTakeFirstOrThrow()
      return toSubscriber(row)
    },

    async update(trx: Db, id: number, changes: SubscriberChanges): Promise<void> {
      await trx
        .updateTable('newsletter_subscribers')
        .set({
          updated_at: changes.at,
          ...(changes.lists && flagsOf(changes.lists)),
          ...(changes.status && { status: changes.status }),
          ...(changes.readerId !== undefined && { reader_id: changes.readerId }),
          ...(changes.consentAt !== undefined && { consent_at: changes.consentAt }),
          ...(changes.unsubscribedAt !== undefined && { unsubscribed_at: changes.unsubscribedAt }),
        })
        .where('id', '=', id)
        .execute()
    },

    async remove(id: number): Promise<boolean> {
      const result = await db
        .deleteFrom('newsletter_subscribers')
        .where('id', '=', id)
        .executeTakeFirst()
      return result.numDeletedRows > 0n
    },

    async insertToken(
      trx: Db,
      values: {
        tokenHash: string
        subscriberId: number
        lists: readonly NewsletterList[]
        at: string
        expiresAt: string
      },
    ): Promise<void> {
      await trx
        .insertInto('newsletter_tokens')
        .values({
          token_hash: values.tokenHash,
          subscriber_id: values.subscriberId,
          lists: values.lists.join(','),
          created_at: values.at,
          expires_at: values.expiresAt,
        })
        .execute()
    },

    /** Uses the token once: its subscriber and lists, or undefined when unknown, used or expired. */
    async takeToken(
      trx: Db,
      tokenHash: string,
      now: string,
    ): Promise<{ subscriberId: number; lists: NewsletterList[] } | undefined> {
      const row = await trx
        .updateTable('newsletter_tokens')
        .set({ used_at: now })
        .where('token_hash', '=', tokenHash)
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .returning(['subscriber_id', 'lists'])
        .executeTakeFirst()
      if (!row) return undefined
      const lists = NEWSLETTER_LISTS.filter((list) => row.lists.split(',').includes(list))
      return { subscriberId: row.subscriber_id, lists }
    },

    async suppressed(trx: Db, email: string): Promise<boolean> {
      const row = await trx
        .selectFrom('newsletter_suppressions')
        .select('email')
        .where('email', '=', email)
        .executeTakeFirst()
      return row !== undefined
    },

    /** Never mails the address again, in any edition; a complaint outranks a bounce. */
    async suppress(
      trx: Db,
      values: { email: string; reason: 'bounce' | 'complaint'; detail: string; at: string },
    ): Promise<void> {
      await trx
        .insertInto('newsletter_suppressions')
        .values({
          email: values.email,
          reason: values.reason,
          detail: values.detail,
          created_at: values.at,
        })
        .onConflict((oc) =>
          values.reason === 'complaint'
            ? oc.column('email').doUpdateSet({ reason: 'complaint', detail: values.detail })
            : oc.column('email').doNothing(),
        )
        .execute()
      await trx
        .updateTable('newsletter_subscribers')
        .set({ status: 'bounced', updated_at: values.at })
        .where('email', '=', values.email)
        .execute()
    },

    async digestTime(trx: Db, editionId: number): Promise<string | undefined> {
      const row = await trx
        .selectFrom('newsletter_settings')
        .select('digest_time')
        .where('edition_id', '=', editionId)
        .executeTakeFirst()
      return row?.digest_time
    },

    /** Writes the edition's settings row when there is none; true when this call wrote it. */
    async ensureSettings(trx: Db, editionId: number, digestTime: string): Promise<boolean> {
      const rows = await trx
        .insertInto('newsletter_settings')
        .values({ edition_id: editionId, digest_time: digestTime })
        .onConflict((oc) => oc.column('edition_id').doNothing())
        .returning('edition_id')
        .execute()
      return rows.length > 0
    },

    async setDigestTime(trx: Db, editionId: number, digestTime: string): Promise<void> {
      await trx
        .updateTable('newsletter_settings')
        .set({ digest_time: digestTime })
        .where('edition_id', '=', editionId)
        .execute()
    },

    /** Subscribers per edition and status, and how many of them are on each list. */
    async counts(): Promise<CountRow[]> {
      const rows = await db
        .selectFrom('newsletter_subscribers')
        .select(['edition_id', 'status'])
        .select((eb) => [
          eb.fn.countAll<number>().as('total'),
          sql<number>`sum(case when digest then 1 else 0 end)`.as('digest'),
          sql<number>`sum(case when breaking then 1 else 0 end)`.as('breaking'),
        ])
        .groupBy(['edition_id', 'status'])
        .orderBy('edition_id')
        .orderBy('status')
        .execute()
      return rows.map((r) => ({
        editionId: r.edition_id,
        status: r.status,
        total: Number(r.total),
        digest: Number(r.digest),
        breaking: Number(r.breaking),
      }))
    },

    /** A page of subscribers, newest first, and how many match in all. */
    async search(filter: {
      editionId?: number
      q?: string
      status?: SubscriberStatus
      list?: NewsletterList
      limit: number
      offset: number
    }): Promise<{ items: Subscriber[]; total: number }> {
      let query = db.selectFrom('newsletter_subscribers')
      if (filter.editionId !== undefined) query = query.where('edition_id', '=', filter.editionId)
      if (filter.status) query = query.where('status', '=', filter.status)
      if (filter.list) query = query.where(filter.list, '=', 1)
      if (filter.q) query = query.where(contains('email', filter.q))
      const [rows, count] = await Promise.all([
        query.selectAll().orderBy('id', 'desc').limit(filter.limit).offset(filter.offset).execute(),
        query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ])
      return { items: rows.map(toSubscriber), total: Number(count.n) }
    },

    /** Every subscriber of the edition, oldest first, for the CSV export. */
    async ofEdition(editionId: number): Promise<Subscriber[]> {
      const rows = await db
        .selectFrom('newsletter_subscribers')
        .selectAll()
        .where('edition_id', '=', editionId)
        .orderBy('id')
        .execute()
      return rows.map(toSubscriber)
    },

    /** The edition's subscribers among these addresses, by address. */
    async byEmails(trx: Db, editionId: number, emails: string[]): Promise<Map<string, Subscriber>> {
      const found = new Map<string, Subscriber>()
      // Bounded lists keep each statement under either database's parameter limit.
      for (let at = 0; at < emails.length; at += 500) {
        const rows = await trx
          .selectFrom('newsletter_subscribers')
          .selectAll()
          .where('edition_id', '=', editionId)
          .where('email', 'in', emails.slice(at, at + 500))
          .execute()
        for (const row of rows) found.set(row.email, toSubscriber(row))
      }
      return found
    },

    /** The suppressed ones among these addresses. */
    async suppressedAmong(trx: Db, emails: string[]): Promise<Set<string>> {
      const found = new Set<string>()
      for (let at = 0; at < emails.length; at += 500) {
        const rows = await trx
          .selectFrom('newsletter_suppressions')
          .select('email')
          .where('email', 'in', emails.slice(at, at + 500))
          .execute()
        for (const row of rows) found.add(row.email)
      }
      return found
    },

    /** Adds confirmed subscribers in bulk: an import's new addresses. */
    async insertMany(
      trx: Db,
      editionId: number,
      rows: { email: string; lists: readonly NewsletterList[]; consentAt: string }[],
      at: string,
    ): Promise<void> {
      for (let start = 0; start < rows.length; start += 200) {
        await trx
          .insertInto('newsletter_subscribers')
          .values(
            rows.slice(start, start + 200).map((row) => ({
              edition_id: editionId,
              email: row.email,
              ...flagsOf(row.lists),
              status: 'confirmed' as const,
              source: 'import' as const,
              consent_at: row.consentAt,
              created_at: at,
              updated_at: at,
            })),
          )
          .execute()
      }
    },
  }
}

export type NewsletterRepository = ReturnType<typeof createNewsletterRepository>
