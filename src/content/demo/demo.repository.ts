// The only file that writes SQL for demo content: find-or-create for the taxonomy, bulk inserts.

import type { Insertable } from 'kysely'
import type { Db } from '../../platform/db/database.ts'
import type {
  ArticleTable,
  AuthorTable,
  DB,
  MediaAssetTable,
  SectionTable,
  TagTable,
} from '../../platform/db/schema.ts'
import { copyStateToLinks } from '../article.repository.ts'
import type { DemoEdition } from './taxonomy.ts'

export type ArticleRow = Insertable<ArticleTable>
export type LinkTable = 'article_tags' | 'article_authors' | 'article_related'

export function createDemoRepository(db: Db) {
  /** Rows of one edition by slug, inserting the ones that are missing; returns slug to id. */
  async function ensureBySlug<R extends { slug: string }>(
    table: 'sections' | 'tags' | 'authors',
    editionId: number,
    rows: readonly R[],
    insert: (missing: R[]) => Promise<{ id: number; slug: string }[]>,
  ): Promise<Map<string, number>> {
    const existing = await db
      .selectFrom(table)
      .select(['id', 'slug'])
      .where('edition_id', '=', editionId)
      .execute()
    const ids = new Map(existing.map((row) => [row.slug, row.id]))
    const missing = rows.filter((row) => !ids.has(row.slug))
    if (missing.length > 0) for (const row of await insert(missing)) ids.set(row.slug, row.id)
    return ids
  }

  return {
    async ensureEdition(edition: DemoEdition): Promise<number> {
      const found = await db
        .selectFrom('editions')
        .select('id')
        .where('code', '=', edition.code)
        .executeTakeFirst()
      if (found) return found.id
      const row = await db
        .insertInto('editions')
        .values(edition)
        .returning('id')
        .executeTakeFirstOrThrow()
      return row.id
    },

    ensureSections: (editionId: number, rows: readonly Insertable<SectionTable>[]) =>
      ensureBySlug('sections', editionId, rows, (missing) =>
        db.insertInto('sections').values(missing).returning(['id', 'slug']).execute(),
      ),
    ensureTags: (editionId: number, rows: readonly Insertable<TagTable>[]) =>
      ensureBySlug('tags', editionId, rows, (missing) =>
        db.insertInto('tags').values(missing).returning(['id', 'slug']).execute(),
      ),
    ensureAuthors: (editionId: number, rows: readonly Insertable<AuthorTable>[]) =>
      ensureBySlug('authors', editionId, rows, (missing) =>
        db.insertInto('authors').values(missing).returning(['id', 'slug']).execute(),
      ),

    /** Media rows matched by file and caption, so each edition's described copy is reused. */
    async ensureMedia(rows: readonly Insertable<MediaAssetTable>[]): Promise<number[]> {
      const key = (file: string, caption: string | undefined) => `${file}\n${caption ?? ''}`
      const existing = await db
        .selectFrom('media_assets')
        .select(['id', 'file', 'caption'])
        .where(
          'file',
          'in',
          rows.map((row) => row.file),
        )
        .execute()
      const ids = new Map(existing.map((row) => [key(row.file, row.caption), row.id]))
      const missing = rows.filter((row) => !ids.has(key(row.file, row.caption)))
      if (missing.length > 0) {
        const inserted = await db
          .insertInto('media_assets')
          .values(missing)
          .returning(['id', 'file', 'caption'])
          .execute()
        for (const row of inserted) ids.set(key(row.file, row.caption), row.id)
      }
      return rows.map((row) => ids.get(key(row.file, row.caption)) as number)
    },

    async articleSlugs(editionId: number): Promise<Set<string>> {
      const rows = await db
        .selectFrom('articles')
        .select('slug')
        .where('edition_id', '=', editionId)
        .execute()
      return new Set(rows.map((row) => row.slug))
    },

    /** Inserts in one statement; the returned ids are in the order of the rows. */
    async insertArticles(rows: readonly ArticleRow[]): Promise<number[]> {
      if (rows.length === 0) return []
      const inserted = await db.insertInto('articles').values(rows).returning('id').execute()
      // Both databases number a multi-row insert in row order; RETURNING's own order is unspecified.
      return inserted.map((row) => row.id).sort((a, b) => a - b)
    },

    /** Gives the tag and author links their stories' status and time, once all rows are in. */
    copyStateToLinks: () => copyStateToLinks(db),

    async insertLinks<T extends LinkTable>(
      table: T,
      rows: readonly Insertable<DB[T]>[],
    ): Promise<void> {
      if (rows.length > 0) await db.insertInto(table).values(rows).execute()
    },
  }
}

export type DemoRepository = ReturnType<typeof createDemoRepository>
