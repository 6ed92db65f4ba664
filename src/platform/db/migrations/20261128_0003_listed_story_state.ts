// Tag and author pages list stories newest first. Each link row carries `listed_at`: the story's
// time while it is published or scheduled, null otherwise, so one index range serves the list
// instead of sorting every story filed under a tag on each request.
import { type Kysely, sql } from 'kysely'
import { columnTypes } from '../dialect.ts'

const LINKS = [
  ['article_tags', 'tag_id', 'article_tags_tag_listed_idx'],
  ['article_authors', 'author_id', 'article_authors_author_listed_idx'],
] as const

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db)
  for (const [table, owner, index] of LINKS) {
    await db.schema.alterTable(table).addColumn('listed_at', t.timestamp).execute()
    await sql`update ${sql.table(table)} set listed_at = (
      select a.published_at from articles a
      where a.id = ${sql.ref(`${table}.article_id`)} and a.status in ('published', 'scheduled'))`.execute(
      db,
    )
    await db.schema
      .createIndex(index)
      .on(table)
      .columns([owner, 'listed_at desc', 'article_id desc'])
      .execute()
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const [table, , index] of LINKS) {
    await db.schema.dropIndex(index).execute()
    await db.schema.alterTable(table).dropColumn('listed_at').execute()
  }
}
