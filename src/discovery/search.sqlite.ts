// Search on SQLite: an FTS5 table of stems (FTS5 has no Russian stemmer, so words are stemmed here,
// on the stories and on the query alike), ranked by bm25 with a freshness bonus.
import { sql } from 'kysely'
import type { Db } from '../platform/db/database.ts'
import type {
  FindRequest,
  FoundRow,
  SearchBackend,
  StoryText,
  SuggestRow,
} from './search.backend.ts'
import { FRESHNESS_DAYS, WEIGHTS } from './search.backend.ts'
import { ftsExpression } from './search-query.ts'
import { normalizeWord, stemmedText, stemmerFor, wordsOf } from './stemmer.ts'

/** Rows per multi-row insert: 5 parameters each, far below SQLite's limit. */
const BATCH = 500
const SEARCHED = 'headline dek body'

const bm25 = sql.raw(
  `bm25(article_search, ${WEIGHTS.headline}.0, ${WEIGHTS.dek}.0, ${WEIGHTS.body}.0, 0.0)`,
)

/** The headline's words as typed, lower case: what suggestions match the start of. */
const titleWords = (headline: string) =>
  wordsOf(headline)
    .map((w) => normalizeWord(w.text))
    .join(' ')

const filters = (r: FindRequest) => sql`a.edition_id = ${r.editionId} and a.listed_at <= ${r.now}
  ${r.sectionIds?.length ? sql`and a.section_id in (${sql.join(r.sectionIds)})` : sql``}
  ${r.from ? sql`and a.listed_at >= ${r.from}` : sql``}
  ${r.until ? sql`and a.listed_at < ${r.until}` : sql``}`

export const sqliteSearch: SearchBackend = {
  async write(db: Db, stories: readonly StoryText[]) {
    for (let i = 0; i < stories.length; i += BATCH) {
      const batch = stories.slice(i, i + BATCH)
      await sqliteSearch.remove(
        db,
        batch.map((s) => s.id),
      )
      const rows = batch.map((story) => {
        const stem = stemmerFor(story.locale)
        return sql`(${story.id}, ${stemmedText(story.headline, stem)}, ${stemmedText(story.dek, stem)},
          ${stemmedText(story.body, stem)}, ${titleWords(story.headline)})`
      })
      await sql`insert into article_search (rowid, headline, dek, body, title)
        values ${sql.join(rows)}`.execute(db)
    }
  },

  async remove(db: Db, ids: readonly number[]) {
    for (let i = 0; i < ids.length; i += BATCH)
      await sql`delete from article_search where rowid in (${sql.join(ids.slice(i, i + BATCH))})`.execute(
        db,
      )
  },

  async find(db: Db, r: FindRequest): Promise<FoundRow[]> {
    const match = ftsExpression(r.query, stemmerFor(r.locale), SEARCHED)
    if (!match) return []
    // The FTS table drives the join (a cross join fixes SQLite's order): left to itself, the planner
    // walks the edition's stories and runs the whole MATCH once for each. Ids are ranked first and
    // the page's columns read after: sorting every match with its body would cost far more.
    const { rows } = await sql<FoundRow>`
      select a.id, a.edition_id, a.section_id, a.slug, a.headline, a.dek, a.body, a.breaking,
        a.published_at, a.updated_at
      from (
        select article_search.rowid as id, -${bm25} * (1.0 + 1.0 / (1.0 +
          max(0.0, julianday(${r.now}) - julianday(a.listed_at)) / ${sql.lit(FRESHNESS_DAYS)})) as score
        from article_search cross join articles a on a.id = article_search.rowid
        where article_search match ${match} and ${filters(r)}
        order by score desc, id desc
        limit ${r.limit} offset ${r.offset}
      ) ranked
      join articles a on a.id = ranked.id
      order by ranked.score desc, ranked.id desc`.execute(db)
    return rows
  },

  async suggest(db: Db, r): Promise<SuggestRow[]> {
    if (r.prefixes.length === 0) return []
    const match = `{title} : ${r.prefixes.map((p) => `"${p.replaceAll('"', '""')}"*`).join(' AND ')}`
    const { rows } = await sql<SuggestRow>`
      select a.id, a.edition_id, a.section_id, a.slug, a.headline, a.breaking, a.published_at
      from article_search cross join articles a on a.id = article_search.rowid
      where article_search match ${match} and a.edition_id = ${r.editionId}
        and a.listed_at <= ${r.now}
      order by a.listed_at desc, a.id desc
      limit ${r.limit}`.execute(db)
    return rows
  },
}
