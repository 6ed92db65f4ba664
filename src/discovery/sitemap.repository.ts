// Queries for sitemaps: each edition's months of public stories, the stories of one month in id
// order a page at a time, the newest story of each section, and the last two days' stories. Each is
// an index range (articles_sitemap_month_idx, articles_edition_listed_idx, articles_section_listed_idx),
// whatever the number of stories.
import { type Kysely, type RawBuilder, sql } from 'kysely'
import type { Db } from '../platform/db/database.ts'
import { type Dialect, dialectOf, toDate } from '../platform/db/dialect.ts'
import { createPrepared, slot, spread } from '../platform/db/prepared.ts'

/** One edition's public stories of one calendar month (UTC), "2026-02". */
export interface SitemapMonth {
  editionId: number
  month: string
  stories: number
  lastListed: Date
  lastUpdated: Date
}

export interface SitemapStory {
  id: number
  sectionId: number
  slug: string
  publishedAt: Date
  updatedAt: Date
  /** The lead photo, for the image sitemap. */
  lead: { id: number; width: number } | null
}

export interface NewsStory {
  id: number
  editionId: number
  sectionId: number
  slug: string
  headline: string
  publishedAt: Date
}

/**
 * The month a story is listed in, written exactly as articles_sitemap_month_idx is built so the
 * database can use it; and how a "2026-02" month is compared with it.
 */
function monthExpressions(dialect: Dialect) {
  const listed = sql.ref('a.listed_at')
  if (dialect === 'postgres') {
    const month = sql`date_trunc('month', ${listed} at time zone 'UTC')`
    return {
      month,
      label: sql<string>`to_char(${month}, 'YYYY-MM')`,
      equals: (value: string): RawBuilder<unknown> => sql`cast(${value} as timestamp)`,
      value: (month: string) => `${month}-01`,
    }
  }
  const month = sql`substr(${listed}, 1, 7)`
  return {
    month,
    label: sql<string>`substr(${listed}, 1, 7)`,
    equals: (value: string): RawBuilder<unknown> => sql`${value}`,
    value: (month: string) => month,
  }
}

export function createSitemapRepository(db: Db) {
  const run = createPrepared(db)
  const m = monthExpressions(dialectOf(db as unknown as Kysely<unknown>))
  const ofMonth = () =>
    db
      .selectFrom('articles as a')
      .where('a.edition_id', '=', slot<number>('edition'))
      .where(m.month, '=', m.equals(slot<string>('month')))
      .where('a.listed_at', '<=', slot<string>('now'))
      .where('a.id', '>', slot<number>('after'))

  return {
    /** Every edition's months with public stories, oldest first: one pass over the index. */
    async months(now: string): Promise<SitemapMonth[]> {
      const rows = await run(
        'sitemapMonths',
        () =>
          db
            .selectFrom('articles as a')
            .select([
              'a.edition_id',
              m.label.as('month'),
              (eb) => eb.fn.countAll<number>().as('stories'),
              (eb) => eb.fn.max('a.listed_at').as('last_listed'),
              (eb) => eb.fn.max('a.updated_at').as('last_updated'),
            ])
            .where('a.listed_at', '<=', slot<string>('now'))
            .groupBy(['a.edition_id', m.month])
            .orderBy('a.edition_id')
            .orderBy(m.month),
        { now },
      )
      return rows.map((r) => ({
        editionId: r.edition_id,
        month: r.month,
        stories: Number(r.stories),
        lastListed: toDate(r.last_listed ?? now),
        lastUpdated: toDate(r.last_updated),
      }))
    },

    /**
     * Where the next `size` stories of the month after story `after` end: the last one's id and how
     * many there are. Reads only the index, so skipping to the nth file costs little.
     */
    async pageEnd(
      editionId: number,
      month: string,
      after: number,
      size: number,
      now: string,
    ): Promise<{ last: number; count: number }> {
      const [row] = await run(
        'sitemapPageEnd',
        () =>
          db
            .selectFrom(
              ofMonth().select('a.id').orderBy('a.id').limit(slot<number>('size')).as('p'),
            )
            .select([
              (eb) => eb.fn.max('p.id').as('last'),
              (eb) => eb.fn.countAll<number>().as('count'),
            ]),
        { edition: editionId, month: m.value(month), after, size, now },
      )
      return { last: Number(row?.last ?? after), count: Number(row?.count ?? 0) }
    },

    /** Up to `limit` stories of the month after story `after`, in id order. */
    async stories(
      editionId: number,
      month: string,
      after: number,
      limit: number,
      now: string,
    ): Promise<SitemapStory[]> {
      const rows = await run(
        'sitemapStories',
        () =>
          ofMonth()
            .leftJoin('media_assets as m', 'm.id', 'a.lead_media_id')
            .select([
              'a.id',
              'a.section_id',
              'a.slug',
              'a.published_at',
              'a.updated_at',
              'm.id as m_id',
              'm.width as m_width',
            ])
            .orderBy('a.id')
            .limit(slot<number>('limit')),
        { edition: editionId, month: m.value(month), after, limit, now },
      )
      return rows.map((r) => ({
        id: r.id,
        sectionId: r.section_id,
        slug: r.slug,
        publishedAt: toDate(r.published_at ?? r.updated_at),
        updatedAt: toDate(r.updated_at),
        lead: r.m_id === null ? null : { id: r.m_id, width: r.m_width ?? 0 },
      }))
    },

    /** The time of each section's newest public story, read from the top of each one's index range. */
    async newestInSections(sectionIds: readonly number[], now: string): Promise<Map<number, Date>> {
      const newest = new Map<number, Date>()
      if (sectionIds.length === 0) return newest
      const rows = await run(
        `sitemapNewestInSections:${sectionIds.length}`,
        () => {
          const parts = sectionIds.map((_, i) =>
            db
              .selectFrom(
                db
                  .selectFrom('articles as a')
                  .select(['a.section_id', 'a.listed_at'])
                  .where('a.section_id', '=', slot<number>(`section${i}`))
                  .where('a.listed_at', '<=', slot<string>('now'))
                  .orderBy('a.listed_at', 'desc')
                  .limit(1)
                  .as(`s${i}`),
              )
              .selectAll(),
          )
          let query = parts[0]!
          for (const part of parts.slice(1)) query = query.unionAll(part)
          return query
        },
        { ...spread('section', sectionIds), now },
      )
      for (const row of rows) if (row.listed_at) newest.set(row.section_id, toDate(row.listed_at))
      return newest
    },

    /** An edition's stories made public after `since`, newest first. */
    async recent(
      editionId: number,
      since: string,
      limit: number,
      now: string,
    ): Promise<NewsStory[]> {
      const rows = await run(
        'sitemapRecent',
        () =>
          db
            .selectFrom('articles as a')
            .select(['a.id', 'a.edition_id', 'a.section_id', 'a.slug', 'a.headline', 'a.listed_at'])
            .where('a.edition_id', '=', slot<number>('edition'))
            .where('a.listed_at', '>', slot<string>('since'))
            .where('a.listed_at', '<=', slot<string>('now'))
            .orderBy('a.listed_at', 'desc')
            .orderBy('a.id', 'desc')
            .limit(slot<number>('limit')),
        { edition: editionId, since, limit, now },
      )
      return rows.map((r) => ({
        id: r.id,
        editionId: r.edition_id,
        sectionId: r.section_id,
        slug: r.slug,
        headline: r.headline,
        publishedAt: toDate(r.listed_at ?? now),
      }))
    },
  }
}

export type SitemapRepository = ReturnType<typeof createSitemapRepository>
