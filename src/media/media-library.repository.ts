// Queries of the newsroom's media library: add a photo, page through and search, edit its text.
import { type ExpressionBuilder, type Insertable, type Kysely, sql, type Updateable } from 'kysely'
import type { Db } from '../platform/db/database.ts'
import { dialectOf } from '../platform/db/dialect.ts'
import type { DB, MediaAssetTable } from '../platform/db/schema.ts'

const libraryColumns = [
  'id',
  'width',
  'height',
  'caption',
  'credit',
  'alt',
  'focal_x',
  'focal_y',
  'original_name',
  'size_bytes',
  'created_at',
] as const

export interface LibraryRow {
  id: number
  width: number
  height: number
  caption: string
  credit: string
  alt: string
  focal_x: number
  focal_y: number
  original_name: string
  size_bytes: number
  created_at: Date | string
}

const SEARCHED = ['caption', 'credit', 'alt', 'original_name'] as const

export function createMediaLibraryRepository(db: Db) {
  // SQLite's like ignores case (for ASCII letters); PostgreSQL's needs ilike.
  const like = dialectOf(db as Kysely<unknown>) === 'postgres' ? sql`ilike` : sql`like`

  const matching = (q: string) => (eb: ExpressionBuilder<DB, 'media_assets'>) => {
    const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    return eb.or(
      SEARCHED.map((column) => sql<boolean>`${sql.ref(column)} ${like} ${pattern} escape '\\'`),
    )
  }

  return {
    /** Inserts in the caller's transaction. */
    async insert(trx: Db, row: Insertable<MediaAssetTable>): Promise<LibraryRow> {
      return trx
        .insertInto('media_assets')
        .values(row)
        .returning(libraryColumns)
        .executeTakeFirstOrThrow()
    },

    /** Newest first; `q` is looked for in caption, credit, alt text and file name. */
    async page(query: { q: string; offset: number; limit: number }) {
      let base = db.selectFrom('media_assets')
      if (query.q) base = base.where(matching(query.q))
      const [rows, count] = await Promise.all([
        base
          .select(libraryColumns)
          .orderBy('created_at', 'desc')
          .orderBy('id', 'desc')
          .limit(query.limit)
          .offset(query.offset)
          .execute(),
        base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
      ])
      return { rows: rows as LibraryRow[], total: Number(count.total) }
    },

    async byId(id: number): Promise<LibraryRow | undefined> {
      return db
        .selectFrom('media_assets')
        .select(libraryColumns)
        .where('id', '=', id)
        .executeTakeFirst()
    },

    async update(
      id: number,
      changes: Updateable<MediaAssetTable>,
    ): Promise<LibraryRow | undefined> {
      return db
        .updateTable('media_assets')
        .set(changes)
        .where('id', '=', id)
        .returning(libraryColumns)
        .executeTakeFirst()
    },
  }
}

export type MediaLibraryRepository = ReturnType<typeof createMediaLibraryRepository>
