// Kysely table types: the shape of every table, shared by both dialects.
import type { ColumnType, Generated } from 'kysely'

/** Stored as timestamptz on PostgreSQL and ISO-8601 UTC text on SQLite; written as ISO text. */
export type Timestamp = ColumnType<Date | string, string, string>
/** boolean on PostgreSQL, 0/1 on SQLite; written as 0/1, which PostgreSQL reads as a boolean. */
export type Flag = ColumnType<boolean | number, number, number>
/** jsonb on PostgreSQL, text on SQLite; written as JSON text. */
export type Json = ColumnType<unknown, string, string>

export type TextDirection = 'ltr' | 'rtl'
export type ArticleStatus = 'draft' | 'scheduled' | 'published' | 'unpublished'

export interface EditionTable {
  id: Generated<number>
  code: string
  name: string
  locale: string
  time_zone: string
  direction: TextDirection
  position: number
}

export interface SectionTable {
  id: Generated<number>
  edition_id: number
  parent_id: number | null
  slug: string
  name: string
  description: string
  position: number
}

export interface TagTable {
  id: Generated<number>
  edition_id: number
  slug: string
  name: string
}

export interface AuthorTable {
  id: Generated<number>
  edition_id: number
  slug: string
  name: string
  bio: string
  photo_media_id: number | null
}

export interface MediaAssetTable {
  id: Generated<number>
  file: string
  mime_type: string
  width: number
  height: number
  caption: string
  credit: string
  alt: string
  focal_x: number
  focal_y: number
  created_at: Timestamp
}

export interface ArticleTable {
  id: Generated<number>
  edition_id: number
  section_id: number
  slug: string
  headline: string
  dek: string
  dateline_place: string
  source: string
  body: Json
  lead_media_id: number | null
  status: ArticleStatus
  breaking: Flag
  translation_group: string | null
  published_at: Timestamp | null
  /** published_at while the story is published or scheduled, else null: what lists order by. */
  listed_at: ColumnType<Date | string | null, string | null | undefined, string | null>
  created_at: Timestamp
  updated_at: Timestamp
}

/** The story's time while it is published or scheduled, else null: kept in step for list order. */
interface ListedState {
  listed_at: ColumnType<Date | string | null, string | null | undefined, string | null>
}

export interface ArticleTagTable extends ListedState {
  article_id: number
  tag_id: number
  position: number
}

export interface ArticleAuthorTable extends ListedState {
  article_id: number
  author_id: number
  position: number
}

export interface ArticleRelatedTable {
  article_id: number
  related_id: number
  position: number
}

export interface StoryEventTable {
  id: Generated<number>
  edition_id: number
  article_id: number
  kind: string
  created_at: Timestamp
}

export interface DB {
  editions: EditionTable
  sections: SectionTable
  tags: TagTable
  authors: AuthorTable
  media_assets: MediaAssetTable
  articles: ArticleTable
  article_tags: ArticleTagTable
  article_authors: ArticleAuthorTable
  article_related: ArticleRelatedTable
  story_events: StoryEventTable
}
