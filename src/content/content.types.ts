// What the rest of Dateline sees of editions, sections, tags, authors and articles.

import type { MediaView } from '../media/media.types.ts'
import type { ArticleStatus, TextDirection } from '../platform/db/schema.ts'
import type { BodyDoc } from './body/index.ts'

export interface Edition {
  id: number
  code: string
  name: string
  locale: string
  timeZone: string
  direction: TextDirection
}

export interface Section {
  id: number
  editionId: number
  parentId: number | null
  slug: string
  name: string
  description: string
  position: number
}

export interface Tag {
  id: number
  editionId: number
  slug: string
  name: string
}

export interface Author {
  id: number
  editionId: number
  slug: string
  name: string
  bio: string
  photo: MediaView | null
}

/** A headline in the newsfeed. */
export interface NewsfeedItem {
  id: number
  editionId: number
  sectionId: number
  slug: string
  headline: string
  breaking: boolean
  publishedAt: Date
}

/** The newsfeed beside every page, and the last story event it reflects (where a live stream resumes). */
export interface NewsfeedList {
  items: NewsfeedItem[]
  lastEventId: number
}

/** A story as lists show it. */
export interface ArticleSummary extends NewsfeedItem {
  dek: string
  updatedAt: Date
  lead: MediaView | null
}

/** A public note on a story saying what was wrong, shown on its page with its time. */
export interface Correction {
  id: number
  text: string
  createdAt: Date
}

/** A published story with everything its page shows. */
export interface Article extends ArticleSummary {
  datelinePlace: string
  source: string
  body: BodyDoc
  authors: Author[]
  tags: Tag[]
  related: ArticleSummary[]
  /** Published articles the body's related-article cards point at, by id. */
  bodyArticles: Map<number, ArticleSummary>
  /** Media assets the body's figures point at, by id. */
  bodyMedia: Map<number, MediaView>
  /** The same story in other editions. */
  translations: ArticleSummary[]
  /** The next older story of its section, offered at the end of this one. */
  next: ArticleSummary | undefined
  corrections: Correction[]
  /** Visible reader comments. */
  commentCount: number
}

/** A story in any status, as the newsroom and the URL resolver see it. */
export interface ArticleRecord {
  id: number
  editionId: number
  sectionId: number
  slug: string
  status: ArticleStatus
  breaking: boolean
  publishedAt: Date | null
}

export interface Page<T> {
  items: T[]
  page: number
  hasNext: boolean
}
