// Sitemaps list an edition's public stories month by month, in id order. This index holds them in
// exactly that order, with the times the sitemap shows, so counting a month, paging through it by
// id and reading its newest times never touch the table. Drafts (no listed_at) are left out.
// The month expression differs by dialect; src/discovery/sitemap.repository.ts uses the same ones.
import { type Kysely, sql } from 'kysely'
import { dialectOf } from '../dialect.ts'

export async function up(db: Kysely<unknown>): Promise<void> {
  const month =
    dialectOf(db) === 'postgres'
      ? sql`date_trunc('month', listed_at at time zone 'UTC')`
      : sql`substr(listed_at, 1, 7)`
  await sql`create index articles_sitemap_month_idx
    on articles (edition_id, ${month}, id, listed_at, updated_at)
    where listed_at is not null`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('articles_sitemap_month_idx').execute()
}
