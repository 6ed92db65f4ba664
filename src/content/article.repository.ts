// Queries for articles: the published lists every page shows, one story, and the writes.
import { type ExpressionBuilder, type Insertable, sql, type Updateable } from 'kysely'
import { type MediaColumns, mediaColumns, toMediaView } from '../media/media.repository.ts'
import type { Db } from '../platform/db/database.ts'
import { fromJson, toDate } from '../platform/db/dialect.ts'
import type { ArticleTable, DB } from '../platform/db/schema.ts'
import type { ArticleRecord, ArticleSummary } from './content.types.ts'

const summaryColumns = [
  'a.id',
  'a.edition_id',
  'a.section_id',
  'a.slug',
  'a.headline',
  'a.dek',
  'a.breaking',
  'a.published_at',
  'a.updated_at',
] as const

type SummaryRow = {
  id: number
  edition_id: number
  section_id: number
  slug: string
  headline: string
  dek: string
  breaking: boolean | number
  published_at: Date | string | null
  updated_at: Date | string
} & MediaColumns

/** Published and not embargoed at `now`. */
function visible(now: string) {
  return (eb: ExpressionBuilder<DB & { a: ArticleTable }, 'a'>) =>
    eb.and([eb('a.status', '=', 'published'), eb('a.published_at', '<=', now)])
}

export function createArticleRepository(db: Db) {
  const summaries = () =>
    db
      .selectFrom('articles as a')
      .leftJoin('media_assets as m', 'm.id', 'a.lead_media_id')
      .select(summaryColumns)
      .select(mediaColumns)

  return {
    async latestInEdition(editionId: number, limit: number, offset: number, now: string) {
      const rows = await summaries()
        .where('a.edition_id', '=', editionId)
        .where(visible(now))
        .orderBy('a.published_at', 'desc')
        .orderBy('a.id', 'desc')
        .limit(limit)
        .offset(offset)
        .execute()
      return rows.map(toSummary)
    },

    async latestInSections(sectionIds: number[], limit: number, offset: number, now: string) {
      const rows = await summaries()
        .where('a.section_id', 'in', sectionIds)
        .where(visible(now))
        .orderBy('a.published_at', 'desc')
        .orderBy('a.id', 'desc')
        .limit(limit)
        .offset(offset)
        .execute()
      return rows.map(toSummary)
    },

    /** The newest stories of each section, in one statement whatever the number of sections. */
    async topOfEachSection(sectionIds: number[], perSection: number, now: string) {
      if (sectionIds.length === 0) return []
      const parts = sectionIds.map((id, i) =>
        db
          .selectFrom(
            summaries()
              .where('a.section_id', '=', id)
              .where(visible(now))
              .orderBy('a.published_at', 'desc')
              .orderBy('a.id', 'desc')
              .limit(perSection)
              .as(`s${i}`),
          )
          .selectAll(),
      )
      let query = parts[0]!
      for (const part of parts.slice(1)) query = query.unionAll(part)
      const rows = (await query.execute()) as SummaryRow[]
      return rows.map(toSummary)
    },

    async latestByTag(tagId: number, limit: number, offset: number, now: string) {
      const rows = await summaries()
        .innerJoin('article_tags as t', 't.article_id', 'a.id')
        .where('t.tag_id', '=', tagId)
        .where(visible(now))
        .orderBy('a.published_at', 'desc')
        .orderBy('a.id', 'desc')
        .limit(limit)
        .offset(offset)
        .execute()
      return rows.map(toSummary)
    },

    async latestByAuthor(authorId: number, limit: number, offset: number, now: string) {
      const rows = await summaries()
        .innerJoin('article_authors as w', 'w.article_id', 'a.id')
        .where('w.author_id', '=', authorId)
        .where(visible(now))
        .orderBy('a.published_at', 'desc')
        .orderBy('a.id', 'desc')
        .limit(limit)
        .offset(offset)
        .execute()
      return rows.map(toSummary)
    },

    /** Published stories among `ids`, in no particular order. */
    async summariesByIds(ids: readonly number[], now: string) {
      if (ids.length === 0) return []
      const rows = await summaries().where('a.id', 'in', ids).where(visible(now)).execute()
      return rows.map(toSummary)
    },

    /** The stories an editor linked as related to `articleId`, in their order. */
    async relatedTo(articleId: number, now: string) {
      const rows = await summaries()
        .innerJoin('article_related as r', 'r.related_id', 'a.id')
        .where('r.article_id', '=', articleId)
        .where(visible(now))
        .orderBy('r.position')
        .execute()
      return rows.map(toSummary)
    },

    async translations(group: string, exceptId: number, now: string) {
      const rows = await summaries()
        .where('a.translation_group', '=', group)
        .where('a.id', '!=', exceptId)
        .where(visible(now))
        .execute()
      return rows.map(toSummary)
    },

    /** One story in any status, with the columns its page needs. */
    async findById(id: number) {
      const row = await summaries()
        .select([
          'a.status',
          'a.dateline_place',
          'a.source',
          'a.body',
          'a.translation_group',
          'a.lead_media_id',
        ])
        .where('a.id', '=', id)
        .executeTakeFirst()
      if (!row) return undefined
      return {
        ...toSummary(row),
        status: row.status,
        publishedAt: toDate(row.published_at),
        datelinePlace: row.dateline_place,
        source: row.source,
        body: fromJson<unknown>(row.body),
        translationGroup: row.translation_group,
      }
    },

    async record(id: number): Promise<ArticleRecord | undefined> {
      const row = await db
        .selectFrom('articles')
        .select(['id', 'edition_id', 'section_id', 'slug', 'status', 'published_at'])
        .where('id', '=', id)
        .executeTakeFirst()
      if (!row) return undefined
      return {
        id: row.id,
        editionId: row.edition_id,
        sectionId: row.section_id,
        slug: row.slug,
        status: row.status,
        publishedAt: toDate(row.published_at),
      }
    },

    async insert(trx: Db, values: Insertable<ArticleTable>): Promise<number> {
      const { id } = await trx
        .insertInto('articles')
        .values(values)
        .returning('id')
        .executeTakeFirstOrThrow()
      return id
    },

    async update(trx: Db, id: number, values: Updateable<ArticleTable>): Promise<void> {
      await trx.updateTable('articles').set(values).where('id', '=', id).execute()
    },

    async setLinks(
      trx: Db,
      articleId: number,
      links: { tagIds?: number[]; authorIds?: number[]; relatedIds?: number[] },
    ): Promise<void> {
      if (links.tagIds) {
        await trx.deleteFrom('article_tags').where('article_id', '=', articleId).execute()
        if (links.tagIds.length > 0)
          await trx
            .insertInto('article_tags')
            .values(
              links.tagIds.map((tag_id, position) => ({ article_id: articleId, tag_id, position })),
            )
            .execute()
      }
      if (links.authorIds) {
        await trx.deleteFrom('article_authors').where('article_id', '=', articleId).execute()
        if (links.authorIds.length > 0)
          await trx
            .insertInto('article_authors')
            .values(
              links.authorIds.map((author_id, position) => ({
                article_id: articleId,
                author_id,
                position,
              })),
            )
            .execute()
      }
      if (links.relatedIds) {
        await trx.deleteFrom('article_related').where('article_id', '=', articleId).execute()
        if (links.relatedIds.length > 0)
          await trx
            .insertInto('article_related')
            .values(
              links.relatedIds.map((related_id, position) => ({
                article_id: articleId,
                related_id,
                position,
              })),
            )
            .execute()
      }
    },

    async countAll(): Promise<number> {
      const row = await db
        .selectFrom('articles')
        .select(sql<number>`count(*)`.as('n'))
        .executeTakeFirstOrThrow()
      return Number(row.n)
    },
  }
}

export type ArticleRepository = ReturnType<typeof createArticleRepository>

function toSummary(r: SummaryRow): ArticleSummary {
  return {
    id: r.id,
    editionId: r.edition_id,
    sectionId: r.section_id,
    slug: r.slug,
    headline: r.headline,
    dek: r.dek,
    breaking: Boolean(r.breaking),
    publishedAt: toDate(r.published_at ?? r.updated_at),
    updatedAt: toDate(r.updated_at),
    lead: toMediaView(r),
  }
}
