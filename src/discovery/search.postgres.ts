// Search on PostgreSQL: a weighted tsvector on each story, kept in the edition's text search
// configuration, behind a GIN index; websearch_to_tsquery reads quotes and minus words itself.
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
import { websearchText } from './search-query.ts'

const BATCH = 500

// The configurations PostgreSQL ships, by language code; any other language is matched word for word.
const CONFIGS: Record<string, string> = {
  ar: 'arabic',
  ca: 'catalan',
  da: 'danish',
  de: 'german',
  el: 'greek',
  en: 'english',
  es: 'spanish',
  eu: 'basque',
  fi: 'finnish',
  fr: 'french',
  ga: 'irish',
  hi: 'hindi',
  hu: 'hungarian',
  hy: 'armenian',
  id: 'indonesian',
  it: 'italian',
  lt: 'lithuanian',
  nb: 'norwegian',
  ne: 'nepali',
  nl: 'dutch',
  nn: 'norwegian',
  no: 'norwegian',
  pt: 'portuguese',
  ro: 'romanian',
  ru: 'russian',
  sr: 'serbian',
  sv: 'swedish',
  ta: 'tamil',
  tr: 'turkish',
  yi: 'yiddish',
}

/** The text search configuration of an edition's locale: 'english', 'russian', ..., else 'simple'. */
export function textSearchConfig(locale: string): string {
  return CONFIGS[locale.split('-')[0]!.toLowerCase()] ?? 'simple'
}

// ts_rank_cd takes the weights of D, C, B and A; headline is A, dek B, body C, as on SQLite.
const RANK_WEIGHTS = `{0.0, ${WEIGHTS.body / WEIGHTS.headline}, ${WEIGHTS.dek / WEIGHTS.headline}, 1.0}`

/**
 * The headline's words for suggestions. The GIN index articles_headline_words_idx is on this very
 * expression, so it must not change without that index.
 */
const headlineWords = sql`to_tsvector('simple'::regconfig, translate(a.headline, 'Ёё', 'Ее'))`

const filters = (r: FindRequest) => sql`a.edition_id = ${r.editionId}
  and a.listed_at <= ${r.now}::timestamptz
  ${r.sectionIds?.length ? sql`and a.section_id in (${sql.join(r.sectionIds)})` : sql``}
  ${r.from ? sql`and a.listed_at >= ${r.from}::timestamptz` : sql``}
  ${r.until ? sql`and a.listed_at < ${r.until}::timestamptz` : sql``}`

export const postgresSearch: SearchBackend = {
  async write(db: Db, stories: readonly StoryText[]) {
    for (let i = 0; i < stories.length; i += BATCH) {
      const rows = stories
        .slice(i, i + BATCH)
        .map(
          (s) =>
            sql`(${s.id}::integer, ${textSearchConfig(s.locale)}::regconfig, ${s.headline}::text, ${s.dek}::text, ${s.body}::text)`,
        )
      await sql`update articles a set search_vector =
          setweight(to_tsvector(v.cfg, v.headline), 'A') ||
          setweight(to_tsvector(v.cfg, v.dek), 'B') ||
          setweight(to_tsvector(v.cfg, v.body), 'C')
        from (values ${sql.join(rows)}) as v (id, cfg, headline, dek, body)
        where a.id = v.id`.execute(db)
    }
  },

  async remove(db: Db, ids: readonly number[]) {
    for (let i = 0; i < ids.length; i += BATCH)
      await sql`update articles set search_vector = null
        where id in (${sql.join(ids.slice(i, i + BATCH))}) and search_vector is not null`.execute(
        db,
      )
  },

  async find(db: Db, r: FindRequest): Promise<FoundRow[]> {
    const text = websearchText(r.query)
    if (!text) return []
    const { rows } = await sql<FoundRow>`
      select a.id, a.edition_id, a.section_id, a.slug, a.headline, a.dek, a.body, a.breaking,
        a.published_at, a.updated_at
      from (
        select a.id, ts_rank_cd(${RANK_WEIGHTS}::float4[], a.search_vector, q.query, 1) *
          (1.0 + 1.0 / (1.0 + greatest(0.0,
            extract(epoch from (${r.now}::timestamptz - a.listed_at)) / 86400.0) / ${sql.lit(FRESHNESS_DAYS)}))
          as score
        from articles a,
          (select websearch_to_tsquery(${textSearchConfig(r.locale)}::regconfig, ${text}) as query) q
        where a.search_vector @@ q.query and ${filters(r)}
        order by score desc, a.id desc
        limit ${r.limit} offset ${r.offset}
      ) ranked
      join articles a on a.id = ranked.id
      order by ranked.score desc, ranked.id desc`.execute(db)
    return rows
  },

  async suggest(db: Db, r): Promise<SuggestRow[]> {
    if (r.prefixes.length === 0) return []
    // Prefixes are letters and digits only; quoted, they are read as words whatever they hold.
    const query = r.prefixes.map((p) => `'${p.replaceAll("'", "''")}':*`).join(' & ')
    const { rows } = await sql<SuggestRow>`
      select a.id, a.edition_id, a.section_id, a.slug, a.headline, a.breaking, a.published_at
      from articles a
      where ${headlineWords} @@ to_tsquery('simple'::regconfig, ${query})
        and a.edition_id = ${r.editionId} and a.listed_at <= ${r.now}::timestamptz
      order by a.listed_at desc, a.id desc
      limit ${r.limit}`.execute(db)
    return rows
  },
}
