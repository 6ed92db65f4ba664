// Queries for articles: the published lists every page shows, one story, and the writes.
import {
  type Compilable,
  type ExpressionBuilder,
  type Insertable,
  sql,
  type Updateable,
} from 'kysely'
import {
  captionMediaColumns,
  cardMediaColumns,
  type MediaColumns,
  toMediaView,
} from '../media/media.repository.ts'
import type { Db } from '../platform/db/database.ts'
import { fromJson, toDate } from '../platform/db/dialect.ts'
import { createPrepared, slot, slots, spread } from '../platform/db/prepared.ts'
import type { ArticleTable, DB } from '../platform/db/schema.ts'
import type { ArticleRecord, ArticleSummary, Correction, NewsfeedItem } from './content.types.ts'

/** A story as lists and cards show it (with the lead photo's media columns). */
export const summaryColumns = [
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

export type SummaryRow = {
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

const feedColumns = [
  'a.id',
  'a.edition_id',
  'a.section_id',
  'a.slug',
  'a.headline',
  'a.breaking',
  'a.published_at',
] as const

function toFeedItem(r: {
  id: number
  edition_id: number
  section_id: number
  slug: string
  headline: string
  breaking: boolean | number
  published_at: Date | string | null
}): NewsfeedItem {
  return {
    id: r.id,
    editionId: r.edition_id,
    sectionId: r.section_id,
    slug: r.slug,
    headline: r.headline,
    breaking: Boolean(r.breaking),
    publishedAt: toDate(r.published_at ?? ''),
  }
}

// Published and not embargoed at `now`. A scheduled story is public from its time on, whether or not anything has yet marked it published:
// listed_at carries the time of published and scheduled stories only.
function visible(now: string) {
  return (eb: ExpressionBuilder<DB & { a: ArticleTable }, 'a'>) => eb('a.listed_at', '<=', now)
}

/** How many stories of one section filed at the very same second the next-story walk looks past. */
const MAX_TIES = 50

export function createArticleRepository(db: Db) {
  const run = createPrepared(db)
  const summaries = () =>
    db
      .selectFrom('articles as a')
      .leftJoin('media_assets as m', 'm.id', 'a.lead_media_id')
      .select(summaryColumns)
      .select(cardMediaColumns)
  const newestFirst = <Q extends { orderBy: (ref: 'a.listed_at' | 'a.id', dir: 'desc') => Q }>(
    q: Q,
  ) => q.orderBy('a.listed_at', 'desc').orderBy('a.id', 'desc')
  const paged = <Q extends { limit: (n: number) => Q } & { offset: (n: number) => Q }>(q: Q) =>
    q.limit(slot<number>('limit')).offset(slot<number>('offset'))
  const list = async (
    key: string,
    build: () => Compilable<SummaryRow>,
    args: Record<string, unknown>,
  ) => (await run(key, build, args)).map(toSummary)

  return {
    latestInEdition: (editionId: number, limit: number, offset: number, now: string) =>
      list(
        'latestInEdition',
        () =>
          paged(
            newestFirst(
              summaries()
                .where('a.edition_id', '=', slot<number>('edition'))
                .where(visible(slot('now'))),
            ),
          ),
        { edition: editionId, limit, offset, now },
      ),

    /** The newest headlines of an edition: only what the newsfeed shows, so no photo join. */
    async newsfeed(editionId: number, limit: number, now: string): Promise<NewsfeedItem[]> {
      const rows = await run(
        'newsfeed',
        () =>
          newestFirst(
            db
              .selectFrom('articles as a')
              .select(feedColumns)
              .where('a.edition_id', '=', slot<number>('edition'))
              .where(visible(slot('now'))),
          ).limit(slot<number>('limit')),
        { edition: editionId, limit, now },
      )
      return rows.map(toFeedItem)
    },

    /** The published ones among `ids`, as the newsfeed shows them. */
    async newsfeedItems(ids: readonly number[], now: string): Promise<NewsfeedItem[]> {
      if (ids.length === 0) return []
      const rows = await run(
        `newsfeedItems:${ids.length}`,
        () =>
          db
            .selectFrom('articles as a')
            .select(feedColumns)
            .where('a.id', 'in', slots<number>('id', ids.length))
            .where(visible(slot('now'))),
        { ...spread('id', ids), now },
      )
      return rows.map(toFeedItem)
    },

    latestInSections: (sectionIds: number[], limit: number, offset: number, now: string) =>
      list(
        `latestInSections:${sectionIds.length}`,
        () =>
          paged(
            newestFirst(
              summaries()
                .where('a.section_id', 'in', slots<number>('section', sectionIds.length))
                .where(visible(slot('now'))),
            ),
          ),
        { ...spread('section', sectionIds), limit, offset, now },
      ),

    /** The newest stories of each section, in one statement whatever the number of sections. */
    topOfEachSection(sectionIds: number[], perSection: number, now: string) {
      if (sectionIds.length === 0) return Promise.resolve([])
      const build = () => {
        const parts = sectionIds.map((_, i) =>
          db
            .selectFrom(
              newestFirst(
                summaries()
                  .where('a.section_id', '=', slot<number>(`section${i}`))
                  .where(visible(slot('now'))),
              )
                .limit(slot<number>('limit'))
                .as(`s${i}`),
            )
            .selectAll(),
        )
        let query = parts[0]!
        for (const part of parts.slice(1)) query = query.unionAll(part)
        return query as unknown as Compilable<SummaryRow>
      }
      return list(`topOfEachSection:${sectionIds.length}`, build, {
        ...spread('section', sectionIds),
        limit: perSection,
        now,
      })
    },

    latestByTag: (tagId: number, limit: number, offset: number, now: string) =>
      list(
        'latestByTag',
        () =>
          paged(
            summaries()
              .innerJoin('article_tags as t', 't.article_id', 'a.id')
              .where('t.tag_id', '=', slot<number>('tag'))
              .where('t.listed_at', '<=', slot<string>('now'))
              .orderBy('t.listed_at', 'desc')
              .orderBy('t.article_id', 'desc'),
          ),
        { tag: tagId, limit, offset, now },
      ),

    latestByAuthor: (authorId: number, limit: number, offset: number, now: string) =>
      list(
        'latestByAuthor',
        () =>
          paged(
            summaries()
              .innerJoin('article_authors as w', 'w.article_id', 'a.id')
              .where('w.author_id', '=', slot<number>('author'))
              .where('w.listed_at', '<=', slot<string>('now'))
              .orderBy('w.listed_at', 'desc')
              .orderBy('w.article_id', 'desc'),
          ),
        { author: authorId, limit, offset, now },
      ),

    /**
     * The story a reader meets after this one: the next older in its section, in list order,
     * read by walking the section index down from the story, so the cost does not grow with it.
     */
    async nextInSection(
      articleId: number,
      sectionId: number,
      publishedAt: Date,
      now: string,
    ): Promise<ArticleSummary | undefined> {
      // Walks the section index down from the story's own time. Stories filed at the very same
      // time come first in that walk; only then is it walked again past them.
      const walk = (limit: number) =>
        run(
          `nextInSection:${limit}`,
          () =>
            newestFirst(
              summaries()
                .where('a.section_id', '=', slot<number>('section'))
                .where('a.listed_at', '<=', slot<string>('published')),
            ).limit(limit),
          { section: sectionId, published: publishedAt.toISOString() },
        )
      const at = publishedAt.getTime()
      const after = (row: SummaryRow) => {
        const story = toSummary(row)
        return story.publishedAt.getTime() < at || story.id < articleId
      }
      let rows = await walk(2)
      if (rows.length === 2 && !rows.some(after)) rows = await walk(MAX_TIES)
      const [next] = rows
        .filter(after)
        .map(toSummary)
        .filter((story) => story.publishedAt.toISOString() <= now)
      return next
    },

    /**
     * The published stories one story links to, in one statement: those an editor marked related
     * (in their order), those the body's cards point at, and its translations in other editions.
     */
    async linkedTo(
      articleId: number,
      translationGroup: string | null,
      cardIds: readonly number[],
      now: string,
    ) {
      const link = (kind: 'related' | 'card' | 'translation') =>
        sql<string>`${sql.lit(kind)}`.as('link')
      const build = () => {
        let query = summaries()
          .innerJoin('article_related as r', 'r.related_id', 'a.id')
          .select([link('related'), 'r.position'])
          .where('r.article_id', '=', slot<number>('article'))
          .where(visible(slot('now')))
        if (cardIds.length > 0)
          query = query.unionAll(
            summaries()
              .select([link('card'), sql<number>`0`.as('position')])
              .where('a.id', 'in', slots<number>('card', cardIds.length))
              .where(visible(slot('now'))),
          )
        if (translationGroup !== null)
          query = query.unionAll(
            summaries()
              .select([link('translation'), sql<number>`0`.as('position')])
              .where('a.translation_group', '=', slot<string>('group'))
              .where('a.id', '!=', slot<number>('article'))
              .where(visible(slot('now'))),
          )
        return query
      }
      const rows = await run(`linkedTo:${cardIds.length}:${translationGroup !== null}`, build, {
        article: articleId,
        group: translationGroup,
        now,
        ...spread('card', cardIds),
      })
      const linked = {
        related: [] as ArticleSummary[],
        cards: new Map<number, ArticleSummary>(),
        translations: [] as ArticleSummary[],
      }
      for (const row of rows.sort((x, y) => Number(x.position) - Number(y.position))) {
        const story = toSummary(row)
        if (row.link === 'related') linked.related.push(story)
        else if (row.link === 'card') linked.cards.set(story.id, story)
        else linked.translations.push(story)
      }
      return linked
    },

    /** One story in any status, with the columns its page needs. */
    async findById(id: number) {
      const [row] = await run(
        'findById',
        () =>
          summaries()
            .select([
              'a.status',
              'a.dateline_place',
              'a.source',
              'a.body',
              'a.translation_group',
              'a.comment_count',
            ])
            .select(captionMediaColumns)
            .where('a.id', '=', slot<number>('id')),
        { id },
      )
      if (!row) return undefined
      return {
        ...toSummary(row),
        status: row.status,
        publishedAt: toDate(row.published_at),
        datelinePlace: row.dateline_place,
        source: row.source,
        body: fromJson<unknown>(row.body),
        translationGroup: row.translation_group,
        commentCount: row.comment_count,
      }
    },

    /** What deciding whether a story takes comments needs: its edition, state, time and mode. */
    async discussion(id: number) {
      const row = await db
        .selectFrom('articles')
        .select(['id', 'edition_id', 'status', 'published_at', 'comment_mode', 'comment_count'])
        .where('id', '=', id)
        .executeTakeFirst()
      return (
        row && {
          id: row.id,
          editionId: row.edition_id,
          status: row.status,
          publishedAt: toDate(row.published_at),
          commentMode: row.comment_mode,
          commentCount: row.comment_count,
        }
      )
    },

    async record(id: number, trx: Db = db): Promise<ArticleRecord | undefined> {
      const row = await trx
        .selectFrom('articles')
        .select(['id', 'edition_id', 'section_id', 'slug', 'status', 'breaking', 'published_at'])
        .where('id', '=', id)
        .executeTakeFirst()
      if (!row) return undefined
      return {
        id: row.id,
        editionId: row.edition_id,
        sectionId: row.section_id,
        slug: row.slug,
        status: row.status,
        breaking: Boolean(row.breaking),
        publishedAt: toDate(row.published_at),
      }
    },

    /** The story's last-saved time as ISO text: the version an editor's save is checked against. */
    async version(trx: Db, id: number): Promise<string | undefined> {
      const row = await trx
        .selectFrom('articles')
        .select('updated_at')
        .where('id', '=', id)
        .executeTakeFirst()
      return row && toDate(row.updated_at).toISOString()
    },

    async addCorrection(
      trx: Db,
      values: { articleId: number; staffId: number | null; text: string; at: string },
    ): Promise<void> {
      await trx
        .insertInto('corrections')
        .values({
          article_id: values.articleId,
          staff_id: values.staffId,
          text: values.text,
          created_at: values.at,
        })
        .execute()
    },

    async corrections(id: number): Promise<Correction[]> {
      const rows = await run(
        'corrections',
        () =>
          db
            .selectFrom('corrections')
            .select(['id', 'text', 'created_at'])
            .where('article_id', '=', slot<number>('id'))
            .orderBy('id'),
        { id },
      )
      return rows.map((r) => ({ id: r.id, text: r.text, createdAt: toDate(r.created_at) }))
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

    /** The tags and authors a story is filed under, read inside the transaction that changes it. */
    async linkIds(trx: Db, articleId: number): Promise<{ tagIds: number[]; authorIds: number[] }> {
      const [tags, authors] = await Promise.all([
        trx
          .selectFrom('article_tags')
          .select('tag_id')
          .where('article_id', '=', articleId)
          .execute(),
        trx
          .selectFrom('article_authors')
          .select('author_id')
          .where('article_id', '=', articleId)
          .execute(),
      ])
      return { tagIds: tags.map((r) => r.tag_id), authorIds: authors.map((r) => r.author_id) }
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
  }
}

export type ArticleRepository = ReturnType<typeof createArticleRepository>

/**
 * Gives stories' tag and author links the time list pages order them by (null while not public):
 * one story's after it changes, or every story's after a bulk import.
 */
export async function copyStateToLinks(db: Db, articleId?: number): Promise<void> {
  if (articleId === undefined)
    await sql`update articles set listed_at = case when status in ('published', 'scheduled') then published_at end`.execute(
      db,
    )
  for (const table of ['article_tags', 'article_authors'] as const) {
    await sql`update ${sql.table(table)} set listed_at = (
      select a.published_at from articles a
      where a.id = ${sql.ref(`${table}.article_id`)} and a.status in ('published', 'scheduled'))
      ${articleId === undefined ? sql`` : sql`where article_id = ${articleId}`}`.execute(db)
  }
}

export function toSummary(r: SummaryRow): ArticleSummary {
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
