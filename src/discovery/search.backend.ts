// What each database does for search: keep its index, find stories, suggest headlines. The service
// above it is the same for both; SQLite uses FTS5 over stems computed here, PostgreSQL a tsvector.
import type { Db } from '../platform/db/database.ts'
import type { ParsedQuery } from './search-query.ts'

/** A public story's searchable text: plain text, normalized, with its edition's locale. */
export interface StoryText {
  id: number
  locale: string
  headline: string
  dek: string
  body: string
}

export interface FindRequest {
  editionId: number
  locale: string
  query: ParsedQuery
  /** ISO time: only stories listed by then are found, and freshness is counted from it. */
  now: string
  sectionIds?: readonly number[]
  /** ISO times bounding the story's time: from included, until excluded. */
  from?: string
  until?: string
  limit: number
  offset: number
}

export interface FoundRow {
  id: number
  edition_id: number
  section_id: number
  slug: string
  headline: string
  dek: string
  body: unknown
  breaking: boolean | number
  published_at: Date | string | null
  updated_at: Date | string
}

export interface SuggestRequest {
  editionId: number
  /** Normalized words, each matched as the start of a headline word. */
  prefixes: readonly string[]
  now: string
  limit: number
}

export type SuggestRow = Pick<
  FoundRow,
  'id' | 'edition_id' | 'section_id' | 'slug' | 'headline' | 'breaking' | 'published_at'
>

export interface SearchBackend {
  /** Writes the index entries of these stories, replacing any they had. */
  write(db: Db, stories: readonly StoryText[]): Promise<void>
  remove(db: Db, ids: readonly number[]): Promise<void>
  /** The best matches first, by relevance and freshness; `limit` rows at most. */
  find(db: Db, request: FindRequest): Promise<FoundRow[]>
  /** The newest public stories whose headline has words starting with every prefix. */
  suggest(db: Db, request: SuggestRequest): Promise<SuggestRow[]>
}

/** Headline above dek above body: the weights both databases rank by. */
export const WEIGHTS = { headline: 10, dek: 4, body: 1 } as const

/** Days over which a story's freshness bonus halves: a new story scores up to twice an old one. */
export const FRESHNESS_DAYS = 7
