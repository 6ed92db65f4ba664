// Queries of the feeds: the latest public stories of an edition, section family, tag or author, with
// their lead photo (and body, for full-text feeds), and the stories the bodies' cards point at.
import type { Compilable } from 'kysely'
import { type SummaryRow, summaryColumns, toSummary } from '../content/article.repository.ts'
import type { ArticleSummary } from '../content/content.types.ts'
import { cardMediaColumns, mediaColumns } from '../media/media.repository.ts'
import type { MediaView } from '../media/media.types.ts'
import type { Db } from '../platform/db/database.ts'
import { fromJson, toDate } from '../platform/db/dialect.ts'
import { createPrepared, slot, slots, spread } from '../platform/db/prepared.ts'

/** Whose stories a feed lists, in the repository's terms. */
export type FeedFilter =
  | { editionId: number }
  | { sectionIds: readonly number[] }
  | { tagId: number }
  | { authorId: number }

export interface FeedStoryRow {
  id: number
  editionId: number
  sectionId: number
  slug: string
  headline: string
  dek: string
  breaking: boolean
  publishedAt: Date
  updatedAt: Date
  createdAt: Date
  lead: MediaView | null
  /** The body document, read only for full-text feeds. */
  body?: unknown
}

const storyColumns = [...summaryColumns, 'a.created_at'] as const

type StoryRow = SummaryRow & { created_at: Date | string; body?: unknown }

export function createFeedRepository(db: Db) {
  const run = createPrepared(db)

  const base = (withBody: boolean) => {
    const query = db
      .selectFrom('articles as a')
      .leftJoin('media_assets as m', 'm.id', 'a.lead_media_id')
      .select(storyColumns)
      .select(mediaColumns)
    return withBody ? query.select('a.body') : query
  }

  // The same orders and indexes as the site's list pages: a tag's or author's link rows carry the
  // story's listed time, so those lists walk their own index rather than the edition's.
  const build = (filter: FeedFilter, withBody: boolean) => (): Compilable<StoryRow> => {
    if ('tagId' in filter)
      return base(withBody)
        .innerJoin('article_tags as t', 't.article_id', 'a.id')
        .where('t.tag_id', '=', slot<number>('tag'))
        .where('t.listed_at', '<=', slot<string>('now'))
        .orderBy('t.listed_at', 'desc')
        .orderBy('t.article_id', 'desc')
        .limit(slot<number>('limit'))
    if ('authorId' in filter)
      return base(withBody)
        .innerJoin('article_authors as w', 'w.article_id', 'a.id')
        .where('w.author_id', '=', slot<number>('author'))
        .where('w.listed_at', '<=', slot<string>('now'))
        .orderBy('w.listed_at', 'desc')
        .orderBy('w.article_id', 'desc')
        .limit(slot<number>('limit'))
    const scoped =
      'editionId' in filter
        ? base(withBody).where('a.edition_id', '=', slot<number>('edition'))
        : base(withBody).where(
            'a.section_id',
            'in',
            slots<number>('section', filter.sectionIds.length),
          )
    // listed_at is set only while a story is published or scheduled: a time not yet come is an embargo.
    return scoped
      .where('a.listed_at', '<=', slot<string>('now'))
      .orderBy('a.listed_at', 'desc')
      .orderBy('a.id', 'desc')
      .limit(slot<number>('limit'))
  }

  return {
    /** The newest public stories of the filter, newest first. */
    async latest(
      filter: FeedFilter,
      options: { limit: number; now: string; withBody: boolean },
    ): Promise<FeedStoryRow[]> {
      const kind =
        'tagId' in filter
          ? 'tag'
          : 'authorId' in filter
            ? 'author'
            : 'editionId' in filter
              ? 'edition'
              : `sections:${filter.sectionIds.length}`
      const rows = await run(
        `feedStories:${kind}:${options.withBody}`,
        build(filter, options.withBody),
        {
          now: options.now,
          limit: options.limit,
          edition: 'editionId' in filter ? filter.editionId : undefined,
          tag: 'tagId' in filter ? filter.tagId : undefined,
          author: 'authorId' in filter ? filter.authorId : undefined,
          ...spread('section', 'sectionIds' in filter ? filter.sectionIds : []),
        },
      )
      return rows.map((r) => ({
        ...toSummary(r),
        createdAt: toDate(r.created_at),
        ...(options.withBody && { body: fromJson<unknown>(r.body) }),
      }))
    },

    /** The public ones among `ids`, as the related-story cards of a body show them. */
    async cards(ids: readonly number[], now: string): Promise<Map<number, ArticleSummary>> {
      const found = new Map<number, ArticleSummary>()
      if (ids.length === 0) return found
      const rows = await run(
        `feedCards:${ids.length}`,
        () =>
          db
            .selectFrom('articles as a')
            .leftJoin('media_assets as m', 'm.id', 'a.lead_media_id')
            .select(storyColumns)
            .select(cardMediaColumns)
            .where('a.id', 'in', slots<number>('id', ids.length))
            .where('a.listed_at', '<=', slot<string>('now')),
        { ...spread('id', ids), now },
      )
      for (const r of rows) found.set(r.id, toSummary(r))
      return found
    },
  }
}

export type FeedRepository = ReturnType<typeof createFeedRepository>
