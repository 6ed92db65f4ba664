// Queries for newsletter issues and their sends, and the stories an issue is made of (read in the
// job's own transaction, as every job handler must).
import { sql } from 'kysely'
import type { Db } from '../platform/db/database.ts'
import { fromJson, toDate } from '../platform/db/dialect.ts'
import type { IssueStatus, NewsletterList } from './newsletter.table.ts'
import type { IssueContent } from './newsletter.types.ts'

export interface Issue {
  id: number
  editionId: number
  list: NewsletterList
  key: string
  articleId: number | null
  status: IssueStatus
  content: IssueContent | null
  createdAt: Date
}

/** A story as an issue needs it; its photo is the lead's asset, if any. */
export interface StoryRow {
  id: number
  editionId: number
  sectionId: number
  slug: string
  headline: string
  dek: string
  breaking: boolean
  publishedAt: Date
  media: { id: number; alt: string; width: number; height: number } | null
}

/** Who still gets an issue: confirmed on its list, never suppressed, not sent it yet. */
export interface Recipient {
  id: number
  email: string
}

function storyColumns(trx: Db) {
  return trx
    .selectFrom('articles as a')
    .leftJoin('media_assets as m', 'm.id', 'a.lead_media_id')
    .select([
      'a.id',
      'a.edition_id',
      'a.section_id',
      'a.slug',
      'a.headline',
      'a.dek',
      'a.breaking',
      'a.listed_at',
      'm.id as media_id',
      'm.alt as media_alt',
      'm.width as media_width',
      'm.height as media_height',
    ])
}

type StoryColumns = Awaited<ReturnType<ReturnType<typeof storyColumns>['execute']>>[number]

const toStory = (row: StoryColumns): StoryRow => ({
  id: row.id,
  editionId: row.edition_id,
  sectionId: row.section_id,
  slug: row.slug,
  headline: row.headline,
  dek: row.dek,
  breaking: Boolean(row.breaking),
  publishedAt: toDate(row.listed_at ?? ''),
  media:
    row.media_id === null
      ? null
      : {
          id: row.media_id,
          alt: row.media_alt ?? '',
          width: row.media_width ?? 0,
          height: row.media_height ?? 0,
        },
})

export function createIssueRepository(db: Db) {
  return {
    /** Writes the issue unless it exists; its id only when this call wrote it. */
    async insert(
      trx: Db,
      values: {
        editionId: number
        list: NewsletterList
        key: string
        articleId: number | null
        at: string
      },
    ): Promise<number | undefined> {
      const rows = await trx
        .insertInto('newsletter_issues')
        .values({
          edition_id: values.editionId,
          list: values.list,
          issue_key: values.key,
          article_id: values.articleId,
          status: 'preparing',
          created_at: values.at,
        })
        .onConflict((oc) => oc.columns(['edition_id', 'list', 'issue_key']).doNothing())
        .returning('id')
        .execute()
      return rows[0]?.id
    },

    async byId(trx: Db, id: number): Promise<Issue | undefined> {
      const row = await trx
        .selectFrom('newsletter_issues')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst()
      return (
        row && {
          id: row.id,
          editionId: row.edition_id,
          list: row.list,
          key: row.issue_key,
          articleId: row.article_id,
          status: row.status,
          content: row.content === null ? null : fromJson<IssueContent>(row.content),
          createdAt: toDate(row.created_at),
        }
      )
    },

    async update(
      trx: Db,
      id: number,
      changes: { status: IssueStatus; content?: IssueContent },
    ): Promise<void> {
      await trx
        .updateTable('newsletter_issues')
        .set({
          status: changes.status,
          ...(changes.content && {
            subject: changes.content.subject,
            content: JSON.stringify(changes.content),
          }),
        })
        .where('id', '=', id)
        .execute()
    },

    /** The ids of everyone on the list now, in order: where the issue's batches begin and end. */
    async recipientIds(trx: Db, editionId: number, list: NewsletterList): Promise<number[]> {
      const rows = await trx
        .selectFrom('newsletter_subscribers')
        .select('id')
        .where('edition_id', '=', editionId)
        .where('status', '=', 'confirmed')
        .where(list, '=', 1)
        .orderBy('id')
        .execute()
      return rows.map((r) => r.id)
    },

    /** The edition's stories public in (since, until], breaking first, then the newest. */
    async storiesBetween(
      trx: Db,
      editionId: number,
      since: string,
      until: string,
      limit: number,
    ): Promise<StoryRow[]> {
      const rows = await storyColumns(trx)
        .where('a.edition_id', '=', editionId)
        .where('a.listed_at', '>', since)
        .where('a.listed_at', '<=', until)
        .orderBy('a.breaking', 'desc')
        .orderBy('a.listed_at', 'desc')
        .orderBy('a.id', 'desc')
        .limit(limit)
        .execute()
      return rows.map(toStory)
    },

    /** The story when it is public at `now`. */
    async publicStory(trx: Db, articleId: number, now: string): Promise<StoryRow | undefined> {
      const row = await storyColumns(trx)
        .where('a.id', '=', articleId)
        .where('a.listed_at', '<=', now)
        .executeTakeFirst()
      return row && toStory(row)
    },

    /** The next of the batch's recipients after `afterId` who have not been sent the issue. */
    async recipients(batch: {
      issueId: number
      editionId: number
      list: NewsletterList
      fromId: number
      toId: number
      afterId: number
      limit: number
    }): Promise<Recipient[]> {
      return db
        .selectFrom('newsletter_subscribers as s')
        .select(['s.id', 's.email'])
        .where('s.edition_id', '=', batch.editionId)
        .where('s.status', '=', 'confirmed')
        .where(`s.${batch.list}`, '=', 1)
        .where('s.id', '>=', Math.max(batch.fromId, batch.afterId + 1))
        .where('s.id', '<=', batch.toId)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('newsletter_suppressions as x')
                .select(sql.lit(1).as('one'))
                .whereRef('x.email', '=', 's.email'),
            ),
          ),
        )
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('newsletter_sends as d')
                .select(sql.lit(1).as('one'))
                .where('d.issue_id', '=', batch.issueId)
                .whereRef('d.subscriber_id', '=', 's.id'),
            ),
          ),
        )
        .orderBy('s.id')
        .limit(batch.limit)
        .execute()
    },

    /**
     * Claims the issue for these subscribers before their mail leaves; answers the ids this call
     * claimed. Another instance's claim on the same one waits for it and then takes nothing.
     */
    async claim(issueId: number, subscriberIds: number[], at: string): Promise<Set<number>> {
      if (subscriberIds.length === 0) return new Set()
      const rows = await db
        .insertInto('newsletter_sends')
        .values(
          subscriberIds.map((id) => ({
            issue_id: issueId,
            subscriber_id: id,
            status: 'sending' as const,
            created_at: at,
          })),
        )
        .onConflict((oc) => oc.columns(['issue_id', 'subscriber_id']).doNothing())
        .returning('subscriber_id')
        .execute()
      return new Set(rows.map((r) => r.subscriber_id))
    },

    async markSent(issueId: number, subscriberIds: number[], at: string): Promise<void> {
      if (subscriberIds.length === 0) return
      await db
        .updateTable('newsletter_sends')
        .set({ status: 'sent', sent_at: at })
        .where('issue_id', '=', issueId)
        .where('subscriber_id', 'in', subscriberIds)
        .execute()
    },

    async markFailed(issueId: number, subscriberId: number, error: string): Promise<void> {
      await db
        .updateTable('newsletter_sends')
        .set({ status: 'failed', error: error.slice(0, 1000) })
        .where('issue_id', '=', issueId)
        .where('subscriber_id', '=', subscriberId)
        .execute()
    },

    /** Gives claims back when their mail surely did not leave, so a retry sends it. */
    async release(issueId: number, subscriberIds: number[]): Promise<void> {
      if (subscriberIds.length === 0) return
      await db
        .deleteFrom('newsletter_sends')
        .where('issue_id', '=', issueId)
        .where('subscriber_id', 'in', subscriberIds)
        .where('status', '=', 'sending')
        .execute()
    },
  }
}

export type IssueRepository = ReturnType<typeof createIssueRepository>
