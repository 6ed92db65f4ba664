// Queries of the Content API: public stories filtered by edition, section, tag and author in the two
// orders partners page through, the tags and bylines of a page of them, and the cursor secret.
import { randomBytes } from 'node:crypto'
import { type RawBuilder, sql } from 'kysely'
import { mediaColumns, toMediaView } from '../media/media.repository.ts'
import type { MediaView } from '../media/media.types.ts'
import type { Db } from '../platform/db/database.ts'
import { toDate } from '../platform/db/dialect.ts'
import { createPrepared, slot, slots, spread } from '../platform/db/prepared.ts'
import type { Position } from './api-cursor.ts'

/**
 * `latest`: newest first by the time a story went public, as the site lists them.
 * `updated`: oldest change first (a save, or going public at a scheduled time), from a time on:
 * what a partner keeping a copy in sync walks.
 */
export type ListOrder = 'latest' | 'updated'

export interface StoryFilter {
  editionId?: number
  /** A section and its subsections. */
  sectionIds?: readonly number[]
  tagId?: number
  authorId?: number
  /** With it the order is `updated`: stories saved or gone public at or after this ISO time. */
  updatedSince?: string
}

export interface ApiStory {
  id: number
  editionId: number
  sectionId: number
  slug: string
  headline: string
  dek: string
  datelinePlace: string
  source: string
  breaking: boolean
  publishedAt: Date
  updatedAt: Date
  lead: MediaView | null
  /** The story's place in the list order, for the next page's cursor. */
  position: Position
}

export interface LinkRef {
  id: number
  slug: string
  name: string
}

const CURSOR_SECRET = 'api.cursor_secret'

/**
 * When a story last changed for a partner: its last save, or the time it went public when that
 * is later. A story scheduled ahead goes public without a save; a sync that had passed its last
 * save would otherwise never see it.
 */
const changedAt = sql`case when a.listed_at > a.updated_at then a.listed_at else a.updated_at end`

type StoryRow = {
  id: number
  edition_id: number
  section_id: number
  slug: string
  headline: string
  dek: string
  dateline_place: string
  source: string
  breaking: boolean | number
  published_at: Date | string | null
  updated_at: Date | string
  sort_at: Date | string
} & Parameters<typeof toMediaView>[0]

export function createContentApiRepository(db: Db) {
  const run = createPrepared(db)

  const buildStories = (filter: StoryFilter, after: boolean) => () => {
    const order: ListOrder = filter.updatedSince === undefined ? 'latest' : 'updated'
    // The tag's or author's link rows carry the story's listed time and have an index on
    // (owner, listed_at, article_id): a filtered list walks that index instead of the edition's.
    const [at, id]: [RawBuilder<unknown>, RawBuilder<unknown>] =
      order === 'updated'
        ? [changedAt, sql.ref('a.id')]
        : filter.tagId !== undefined
          ? [sql.ref('t.listed_at'), sql.ref('t.article_id')]
          : filter.authorId !== undefined
            ? [sql.ref('w.listed_at'), sql.ref('w.article_id')]
            : [sql.ref('a.listed_at'), sql.ref('a.id')]
    const listed = order === 'latest' ? at : sql.ref('a.listed_at')
    let query = db
      .selectFrom('articles as a')
      .leftJoin('media_assets as m', 'm.id', 'a.lead_media_id')
      .select([
        'a.id',
        'a.edition_id',
        'a.section_id',
        'a.slug',
        'a.headline',
        'a.dek',
        'a.dateline_place',
        'a.source',
        'a.breaking',
        'a.published_at',
        'a.updated_at',
      ])
      .select(mediaColumns)
      .select(sql<Date | string>`${at}`.as('sort_at'))
      // Public now: published, or scheduled for a time that has come (see article.repository).
      .where(sql<boolean>`${listed} <= ${slot<string>('now')}`)
    if (filter.tagId !== undefined)
      query = query
        .innerJoin('article_tags as t', 't.article_id', 'a.id')
        .where('t.tag_id', '=', slot<number>('tag'))
    if (filter.authorId !== undefined)
      query = query
        .innerJoin('article_authors as w', 'w.article_id', 'a.id')
        .where('w.author_id', '=', slot<number>('author'))
    if (filter.editionId !== undefined)
      query = query.where('a.edition_id', '=', slot<number>('edition'))
    if (filter.sectionIds !== undefined)
      query = query.where('a.section_id', 'in', slots<number>('section', filter.sectionIds.length))
    if (order === 'updated')
      query = query.where(sql<boolean>`${changedAt} >= ${slot<string>('since')}`)
    // Row values compare (time, id) as one key, which both databases match against the index.
    if (after)
      query = query.where(
        order === 'latest'
          ? sql<boolean>`(${at}, ${id}) < (${slot<string>('at')}, ${slot<number>('id')})`
          : sql<boolean>`(${at}, ${id}) > (${slot<string>('at')}, ${slot<number>('id')})`,
      )
    const direction = order === 'latest' ? sql`desc` : sql`asc`
    return query
      .orderBy(sql`${at} ${direction}`)
      .orderBy(sql`${id} ${direction}`)
      .limit(slot<number>('limit'))
  }

  return {
    /** One page of public stories in the filter's order, after `after` when given. */
    async stories(
      filter: StoryFilter,
      page: { after?: Position; limit: number; now: string },
    ): Promise<ApiStory[]> {
      const key = [
        'apiStories',
        filter.updatedSince === undefined ? 'latest' : 'updated',
        filter.editionId === undefined ? '' : 'e',
        filter.sectionIds?.length ?? '',
        filter.tagId === undefined ? '' : 't',
        filter.authorId === undefined ? '' : 'w',
        page.after ? 'after' : '',
      ].join(':')
      const rows = await run<StoryRow>(key, buildStories(filter, page.after !== undefined), {
        now: page.now,
        limit: page.limit,
        edition: filter.editionId,
        ...spread('section', filter.sectionIds ?? []),
        tag: filter.tagId,
        author: filter.authorId,
        since: filter.updatedSince,
        at: page.after?.at,
        id: page.after?.id,
      })
      return rows.map(toApiStory)
    },

    /** The tags and byline authors of these stories, in their order: one query for any page. */
    async links(ids: readonly number[]) {
      const tags = new Map<number, LinkRef[]>()
      const authors = new Map<number, LinkRef[]>()
      if (ids.length === 0) return { tags, authors }
      const rows = await run(
        `apiStoryLinks:${ids.length}`,
        () =>
          db
            .selectFrom('article_tags as l')
            .innerJoin('tags as x', 'x.id', 'l.tag_id')
            .select([sql<string>`'tag'`.as('kind'), 'l.article_id', 'l.position'])
            .select(['x.id', 'x.slug', 'x.name'])
            .where('l.article_id', 'in', slots<number>('id', ids.length))
            .unionAll(
              db
                .selectFrom('article_authors as l')
                .innerJoin('authors as x', 'x.id', 'l.author_id')
                .select([sql<string>`'author'`.as('kind'), 'l.article_id', 'l.position'])
                .select(['x.id', 'x.slug', 'x.name'])
                .where('l.article_id', 'in', slots<number>('id', ids.length)),
            ),
        spread('id', ids),
      )
      rows.sort((a, b) => a.article_id - b.article_id || Number(a.position) - Number(b.position))
      for (const r of rows) {
        const into = r.kind === 'tag' ? tags : authors
        const list = into.get(r.article_id) ?? []
        list.push({ id: r.id, slug: r.slug, name: r.name })
        into.set(r.article_id, list)
      }
      return { tags, authors }
    },

    /** The secret cursors are signed with: made by the first instance that asks, then shared. */
    async cursorSecret(): Promise<string> {
      const read = () =>
        db
          .selectFrom('settings')
          .select('value')
          .where('key', '=', CURSOR_SECRET)
          .executeTakeFirst()
      const found = await read()
      if (found) return found.value
      await db
        .insertInto('settings')
        .values({ key: CURSOR_SECRET, value: randomBytes(32).toString('base64url') })
        .onConflict((oc) => oc.column('key').doNothing())
        .execute()
      const made = await read()
      if (!made) throw new Error('the Content API cursor secret could not be stored')
      return made.value
    },
  }
}

export type ContentApiRepository = ReturnType<typeof createContentApiRepository>

function toApiStory(r: StoryRow): ApiStory {
  const updatedAt = toDate(r.updated_at)
  return {
    id: r.id,
    editionId: r.edition_id,
    sectionId: r.section_id,
    slug: r.slug,
    headline: r.headline,
    dek: r.dek,
    datelinePlace: r.dateline_place,
    source: r.source,
    breaking: Boolean(r.breaking),
    publishedAt: toDate(r.published_at ?? r.updated_at),
    updatedAt,
    lead: toMediaView(r),
    // SQLite hands back the stored text, which is what the next page compares against.
    position: { at: typeof r.sort_at === 'string' ? r.sort_at : r.sort_at.toISOString(), id: r.id },
  }
}
