// Keeps the search index in step with the stories: one story inside the transaction that changes
// it, or every public story in batches (an upgraded database, a bulk import).

import type { BodyDoc } from '../content/body/index.ts'
import { plainText } from '../content/body/index.ts'
import type { Db } from '../platform/db/database.ts'
import { type Dialect, fromJson } from '../platform/db/dialect.ts'
import type { SearchBackend, StoryText } from './search.backend.ts'
import { postgresSearch } from './search.postgres.ts'
import { sqliteSearch } from './search.sqlite.ts'
import { normalizeText } from './stemmer.ts'

/** The body text indexed at most: past this, a story is found by its opening. */
const MAX_BODY = 200_000
const BATCH = 500
const PUBLIC = ['published', 'scheduled'] as const

export interface SearchIndex {
  /** Indexes the story if it is published or scheduled, or drops it from the index if not. */
  sync(trx: Db, articleId: number): Promise<void>
  /** Indexes every public story whose id is above `afterId`; returns how many. */
  indexPublic(db: Db, afterId?: number): Promise<number>
}

export function searchBackend(dialect: Dialect): SearchBackend {
  return dialect === 'postgres' ? postgresSearch : sqliteSearch
}

function bodyText(body: unknown): string {
  try {
    return plainText(fromJson<BodyDoc>(body)).slice(0, MAX_BODY)
  } catch {
    return ''
  }
}

const storiesWithText = (db: Db) =>
  db
    .selectFrom('articles as a')
    .innerJoin('editions as e', 'e.id', 'a.edition_id')
    .select(['a.id', 'a.status', 'a.headline', 'a.dek', 'a.body', 'e.locale'])

function toText(row: {
  id: number
  locale: string
  headline: string
  dek: string
  body: unknown
}): StoryText {
  return {
    id: row.id,
    locale: row.locale,
    headline: normalizeText(row.headline),
    dek: normalizeText(row.dek),
    body: normalizeText(bodyText(row.body)),
  }
}

export function createSearchIndex(dialect: Dialect): SearchIndex {
  const backend = searchBackend(dialect)
  return {
    async sync(trx, articleId) {
      const row = await storiesWithText(trx).where('a.id', '=', articleId).executeTakeFirst()
      if (row && (PUBLIC as readonly string[]).includes(row.status))
        await backend.write(trx, [toText(row)])
      else await backend.remove(trx, [articleId])
    },

    async indexPublic(db, afterId = 0) {
      let last = afterId
      let count = 0
      for (;;) {
        const rows = await storiesWithText(db)
          .where('a.id', '>', last)
          .where('a.status', 'in', PUBLIC)
          .orderBy('a.id')
          .limit(BATCH)
          .execute()
        if (rows.length === 0) return count
        await backend.write(db, rows.map(toText))
        count += rows.length
        last = rows.at(-1)!.id
      }
    },
  }
}
