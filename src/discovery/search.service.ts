// Search for readers: one interface over SQLite FTS5 and PostgreSQL full-text search, with results
// ranked by relevance and freshness and the matched words marked in a snippet of each story.
import { type BodyDoc, plainText } from '../content/body/index.ts'
import type { Edition, NewsfeedItem, Page } from '../content/content.types.ts'
import type { Clock } from '../platform/clock.ts'
import type { Db } from '../platform/db/database.ts'
import { type Dialect, fromJson, toDate } from '../platform/db/dialect.ts'
import type { FoundRow, SuggestRow } from './search.backend.ts'
import { createSearchIndex, type SearchIndex, searchBackend } from './search-index.ts'
import {
  isSearchable,
  MAX_QUERY_LENGTH,
  type ParsedQuery,
  parseQuery,
  prefixWords,
  wantedWords,
} from './search-query.ts'
import { createHighlighter, type Highlighter, opening, type Segment } from './snippet.ts'
import { stemmerFor } from './stemmer.ts'

export const SEARCH_PAGE_SIZE = 20
export const MAX_SUGGESTIONS = 8

export interface SearchFilters {
  /** A section and its subsections. */
  sectionIds?: readonly number[]
  /** Stories of this time or later. */
  from?: Date
  /** Stories before this time. */
  until?: Date
}

/** A story found: what a list shows, with the matched words marked. */
export interface SearchHit extends NewsfeedItem {
  headlineParts: Segment[]
  snippet: Segment[]
}

export interface SearchResults extends Page<SearchHit> {
  /** How the text was read; no terms means nothing was searched. */
  query: ParsedQuery
}

export interface SearchService {
  search(
    edition: Edition,
    text: string,
    options: SearchFilters & { page: number },
  ): Promise<SearchResults>
  /** Up to MAX_SUGGESTIONS newest headlines with words starting as the typed ones do. */
  suggest(edition: Edition, text: string): Promise<NewsfeedItem[]>
  /** Passed to the article service, which keeps the index in each change's transaction. */
  index: SearchIndex
}

const toItem = (row: SuggestRow): NewsfeedItem => ({
  id: row.id,
  editionId: row.edition_id,
  sectionId: row.section_id,
  slug: row.slug,
  headline: row.headline,
  breaking: Boolean(row.breaking),
  publishedAt: toDate(row.published_at ?? ''),
})

function toHit(row: FoundRow, marks: Highlighter): SearchHit {
  let body = ''
  try {
    body = plainText(fromJson<BodyDoc>(row.body))
  } catch {}
  return {
    ...toItem(row),
    headlineParts: marks.mark(row.headline),
    snippet: marks.passage(body) ?? marks.passage(row.dek) ?? opening(row.dek || body),
  }
}

export function createSearchService(deps: {
  db: Db
  dialect: Dialect
  clock: Clock
}): SearchService {
  const { db, clock } = deps
  const backend = searchBackend(deps.dialect)

  return {
    index: createSearchIndex(deps.dialect),

    async search(edition, text, options) {
      const query = parseQuery(text.slice(0, MAX_QUERY_LENGTH))
      const page = options.page
      if (!isSearchable(query)) return { items: [], page, hasNext: false, query }
      const rows = await backend.find(db, {
        editionId: edition.id,
        locale: edition.locale,
        query,
        now: clock.now().toISOString(),
        sectionIds: options.sectionIds,
        from: options.from?.toISOString(),
        until: options.until?.toISOString(),
        limit: SEARCH_PAGE_SIZE + 1,
        offset: (page - 1) * SEARCH_PAGE_SIZE,
      })
      const marks = createHighlighter(wantedWords(query), stemmerFor(edition.locale))
      return {
        items: rows.slice(0, SEARCH_PAGE_SIZE).map((row) => toHit(row, marks)),
        page,
        hasNext: rows.length > SEARCH_PAGE_SIZE,
        query,
      }
    },

    async suggest(edition, text) {
      const prefixes = prefixWords(text.slice(0, MAX_QUERY_LENGTH))
      if (prefixes.length === 0) return []
      const rows = await backend.suggest(db, {
        editionId: edition.id,
        prefixes,
        now: clock.now().toISOString(),
        limit: MAX_SUGGESTIONS,
      })
      return rows.map(toItem)
    },
  }
}
