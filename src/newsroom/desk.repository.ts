// Queries for the newsroom's view of stories: the filtered list, one story with all it links to,
// revisions and presence.
import type { Db } from '../platform/db/database.ts'
import { fromJson, toDate } from '../platform/db/dialect.ts'
import { contains } from '../platform/db/like.ts'
import type { ArticleStatus, CommentMode } from '../platform/db/schema.ts'

export interface DeskFilter {
  editionId?: number
  sectionId?: number
  status?: ArticleStatus
  authorId?: number
  q?: string
  page: number
  pageSize: number
}

export interface DeskSummary {
  id: number
  editionId: number
  sectionId: number
  slug: string
  headline: string
  status: ArticleStatus
  breaking: boolean
  publishedAt: Date | null
  updatedAt: Date
  createdBy: { id: number; name: string } | null
  commentMode: CommentMode | null
  commentCount: number
}

/** The fields a revision keeps and a restore puts back. */
export interface StorySnapshot {
  sectionId: number
  headline: string
  slug: string
  dek: string
  datelinePlace: string
  source: string
  body: unknown
  leadMediaId: number | null
  breaking: boolean
  translationGroup: string | null
  tagIds: number[]
  authorIds: number[]
  relatedIds: number[]
}

export interface DeskStory extends DeskSummary, StorySnapshot {
  version: string
  corrections: { id: number; text: string; createdAt: Date }[]
  translations: { id: number; editionId: number; headline: string }[]
  related: { id: number; headline: string }[]
}

const summaryColumns = [
  'a.id',
  'a.edition_id',
  'a.section_id',
  'a.slug',
  'a.headline',
  'a.status',
  'a.breaking',
  'a.published_at',
  'a.updated_at',
  'a.created_by',
  's.name as created_by_name',
  'a.comment_mode',
  'a.comment_count',
] as const

export function createDeskRepository(db: Db) {
  const summaries = (trx: Db) =>
    trx
      .selectFrom('articles as a')
      .leftJoin('staff as s', 's.id', 'a.created_by')
      .select(summaryColumns)

  const toSummary = (r: {
    id: number
    edition_id: number
    section_id: number
    slug: string
    headline: string
    status: ArticleStatus
    breaking: boolean | number
    published_at: Date | string | null
    updated_at: Date | string
    created_by: number | null
    created_by_name: string | null
    comment_mode: CommentMode | null
    comment_count: number
  }): DeskSummary => ({
    id: r.id,
    editionId: r.edition_id,
    sectionId: r.section_id,
    slug: r.slug,
    headline: r.headline,
    status: r.status,
    breaking: Boolean(r.breaking),
    publishedAt: toDate(r.published_at),
    updatedAt: toDate(r.updated_at),
    createdBy: r.created_by === null ? null : { id: r.created_by, name: r.created_by_name ?? '' },
    commentMode: r.comment_mode,
    commentCount: r.comment_count,
  })

  return {
    /** Most recently changed first; one query for the page and one for the count. */
    async list(filter: DeskFilter): Promise<{ items: DeskSummary[]; total: number }> {
      const { editionId, sectionId, status, authorId, q } = filter
      const filtered = () =>
        db
          .selectFrom('articles as a')
          .$if(editionId !== undefined, (qb) => qb.where('a.edition_id', '=', editionId as number))
          .$if(sectionId !== undefined, (qb) => qb.where('a.section_id', '=', sectionId as number))
          .$if(status !== undefined, (qb) => qb.where('a.status', '=', status as ArticleStatus))
          .$if(authorId !== undefined, (qb) =>
            qb.where((eb) =>
              eb.exists(
                eb
                  .selectFrom('article_authors as aa')
                  .select('aa.article_id')
                  .whereRef('aa.article_id', '=', 'a.id')
                  .where('aa.author_id', '=', authorId as number),
              ),
            ),
          )
          .$if(Boolean(q), (qb) => qb.where(contains('a.headline', q ?? '')))
      const [rows, count] = await Promise.all([
        filtered()
          .leftJoin('staff as s', 's.id', 'a.created_by')
          .select(summaryColumns)
          .orderBy('a.updated_at', 'desc')
          .orderBy('a.id', 'desc')
          .limit(filter.pageSize)
          .offset((filter.page - 1) * filter.pageSize)
          .execute(),
        filtered()
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow(),
      ])
      return { items: rows.map(toSummary), total: Number(count.n) }
    },

    async story(id: number, trx: Db = db): Promise<DeskStory | undefined> {
      const row = await summaries(trx)
        .select([
          'a.dek',
          'a.dateline_place',
          'a.source',
          'a.body',
          'a.lead_media_id',
          'a.translation_group',
        ])
        .where('a.id', '=', id)
        .executeTakeFirst()
      if (!row) return undefined
      const [tags, authors, related, corrections, translations] = await Promise.all([
        trx
          .selectFrom('article_tags')
          .select('tag_id')
          .where('article_id', '=', id)
          .orderBy('position')
          .execute(),
        trx
          .selectFrom('article_authors')
          .select('author_id')
          .where('article_id', '=', id)
          .orderBy('position')
          .execute(),
        trx
          .selectFrom('article_related as r')
          .innerJoin('articles as b', 'b.id', 'r.related_id')
          .select(['b.id', 'b.headline'])
          .where('r.article_id', '=', id)
          .orderBy('r.position')
          .execute(),
        trx
          .selectFrom('corrections')
          .select(['id', 'text', 'created_at'])
          .where('article_id', '=', id)
          .orderBy('id')
          .execute(),
        row.translation_group === null
          ? Promise.resolve([])
          : trx
              .selectFrom('articles')
              .select(['id', 'edition_id', 'headline'])
              .where('translation_group', '=', row.translation_group)
              .where('id', '!=', id)
              .orderBy('edition_id')
              .execute(),
      ])
      const summary = toSummary(row)
      return {
        ...summary,
        dek: row.dek,
        datelinePlace: row.dateline_place,
        source: row.source,
        body: fromJson<unknown>(row.body),
        leadMediaId: row.lead_media_id,
        translationGroup: row.translation_group,
        tagIds: tags.map((r) => r.tag_id),
        authorIds: authors.map((r) => r.author_id),
        relatedIds: related.map((r) => r.id),
        version: summary.updatedAt.toISOString(),
        corrections: corrections.map((r) => ({
          id: r.id,
          text: r.text,
          createdAt: toDate(r.created_at),
        })),
        translations: translations.map((r) => ({
          id: r.id,
          editionId: r.edition_id,
          headline: r.headline,
        })),
        related,
      }
    },

    /** The staff member's latest revision of the story, to be extended rather than repeated. */
    async latestRevision(trx: Db, articleId: number) {
      const row = await trx
        .selectFrom('article_revisions')
        .select(['id', 'staff_id', 'updated_at'])
        .where('article_id', '=', articleId)
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst()
      return row && { id: row.id, staffId: row.staff_id, updatedAt: toDate(row.updated_at) }
    },

    async insertRevision(
      trx: Db,
      values: { articleId: number; staffId: number | null; snapshot: StorySnapshot; at: string },
    ): Promise<void> {
      await trx
        .insertInto('article_revisions')
        .values({
          article_id: values.articleId,
          staff_id: values.staffId,
          snapshot: JSON.stringify(values.snapshot),
          created_at: values.at,
          updated_at: values.at,
        })
        .execute()
    },

    async replaceRevision(trx: Db, id: number, snapshot: StorySnapshot, at: string): Promise<void> {
      await trx
        .updateTable('article_revisions')
        .set({ snapshot: JSON.stringify(snapshot), updated_at: at })
        .where('id', '=', id)
        .execute()
    },

    async revisions(articleId: number) {
      const rows = await db
        .selectFrom('article_revisions as r')
        .leftJoin('staff as s', 's.id', 'r.staff_id')
        .select(['r.id', 'r.staff_id', 's.name', 'r.snapshot', 'r.created_at', 'r.updated_at'])
        .where('r.article_id', '=', articleId)
        .orderBy('r.id', 'desc')
        .limit(200)
        .execute()
      return rows.map((r) => ({
        id: r.id,
        staff: r.staff_id === null ? null : { id: r.staff_id, name: r.name ?? '' },
        snapshot: fromJson<StorySnapshot>(r.snapshot),
        createdAt: toDate(r.created_at),
        updatedAt: toDate(r.updated_at),
      }))
    },

    async revision(articleId: number, id: number) {
      const row = await db
        .selectFrom('article_revisions')
        .select(['snapshot'])
        .where('article_id', '=', articleId)
        .where('id', '=', id)
        .executeTakeFirst()
      return row && fromJson<StorySnapshot>(row.snapshot)
    },

    async beat(articleId: number, staffId: number, at: string): Promise<void> {
      await db
        .insertInto('article_presence')
        .values({ article_id: articleId, staff_id: staffId, seen_at: at })
        .onConflict((oc) => oc.columns(['article_id', 'staff_id']).doUpdateSet({ seen_at: at }))
        .execute()
    },

    async present(articleId: number, since: string, except: number) {
      return db
        .selectFrom('article_presence as p')
        .innerJoin('staff as s', 's.id', 'p.staff_id')
        .select(['s.id', 's.name'])
        .where('p.article_id', '=', articleId)
        .where('p.seen_at', '>', since)
        .where('p.staff_id', '!=', except)
        .orderBy('s.name')
        .execute()
    },

    async leave(articleId: number, staffId: number): Promise<void> {
      await db
        .deleteFrom('article_presence')
        .where('article_id', '=', articleId)
        .where('staff_id', '=', staffId)
        .execute()
    },
  }
}

export type DeskRepository = ReturnType<typeof createDeskRepository>
