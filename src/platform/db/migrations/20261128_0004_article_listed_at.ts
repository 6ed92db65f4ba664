// Lists read stories newest first among those public by now. `listed_at` is the story's time while
// it is published or scheduled and null otherwise, so each list is one ordered index range; an
// index on (status, published_at) needed an IN over two statuses, which made SQLite sort the lot.
import { type Kysely, sql } from 'kysely'
import { columnTypes } from '../dialect.ts'

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('articles').addColumn('listed_at', columnTypes(db).timestamp).execute()
  await sql`update articles set listed_at = published_at where status in ('published', 'scheduled')`.execute(
    db,
  )
  await db.schema.dropIndex('articles_edition_status_published_idx').execute()
  await db.schema.dropIndex('articles_section_status_published_idx').execute()
  await db.schema
    .createIndex('articles_edition_listed_idx')
    .on('articles')
    .columns(['edition_id', 'listed_at desc', 'id desc'])
    .execute()
  await db.schema
    .createIndex('articles_section_listed_idx')
    .on('articles')
    .columns(['section_id', 'listed_at desc', 'id desc'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('articles_section_listed_idx').execute()
  await db.schema.dropIndex('articles_edition_listed_idx').execute()
  await db.schema
    .createIndex('articles_edition_status_published_idx')
    .on('articles')
    .columns(['edition_id', 'status', 'published_at desc', 'id desc'])
    .execute()
  await db.schema
    .createIndex('articles_section_status_published_idx')
    .on('articles')
    .columns(['section_id', 'status', 'published_at desc', 'id desc'])
    .execute()
  await db.schema.alterTable('articles').dropColumn('listed_at').execute()
}
