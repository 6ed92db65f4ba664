// The log of changes to published stories, written with each change: streams resume from it.
import type { Kysely } from 'kysely'
import { columnTypes } from '../dialect.ts'

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db)
  await db.schema
    .createTable('story_events')
    .addColumn('id', t.id, t.idConstraint)
    .addColumn('edition_id', 'integer', (c) =>
      c.notNull().references('editions.id').onDelete('cascade'),
    )
    .addColumn('article_id', 'integer', (c) =>
      c.notNull().references('articles.id').onDelete('cascade'),
    )
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('story_events_edition_id_idx')
    .on('story_events')
    .columns(['edition_id', 'id'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('story_events').execute()
}
