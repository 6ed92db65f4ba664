// Full-text search over public stories. SQLite: an FTS5 table of stemmed words, its rowid the story's
// id. PostgreSQL: a weighted tsvector column with a GIN index, and one on headline words for
// suggestions. Stories already public are indexed here, so an upgraded database is searchable.
import { type Kysely, sql } from 'kysely'
import { createSearchIndex } from '../../../discovery/search-index.ts'
import type { Db } from '../database.ts'
import { dialectOf } from '../dialect.ts'

export async function up(db: Kysely<unknown>): Promise<void> {
  const dialect = dialectOf(db)
  if (dialect === 'sqlite') {
    // The title column holds the headline's words unstemmed, for suggestions as the reader types.
    await sql`create virtual table article_search using fts5(
      headline, dek, body, title, tokenize = 'unicode61 remove_diacritics 2')`.execute(db)
    // A deleted story leaves no words behind, whoever deletes it.
    await sql`create trigger article_search_delete after delete on articles begin
      delete from article_search where rowid = old.id;
    end`.execute(db)
  } else {
    await sql`alter table articles add column search_vector tsvector`.execute(db)
    await sql`create index articles_search_idx on articles using gin (search_vector)`.execute(db)
    // The same expression as headlineWords in src/discovery/search.postgres.ts.
    await sql`create index articles_headline_words_idx on articles
      using gin (to_tsvector('simple'::regconfig, translate(headline, 'Ёё', 'Ее')))
      where listed_at is not null`.execute(db)
  }
  await createSearchIndex(dialect).indexPublic(db as unknown as Db)
  // Statistics for the new index and column, so the planner uses them from the first search.
  if (dialect === 'postgres') await sql`analyze articles`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) === 'sqlite') {
    await sql`drop trigger article_search_delete`.execute(db)
    await sql`drop table article_search`.execute(db)
  } else {
    await sql`drop index articles_headline_words_idx`.execute(db)
    await sql`drop index articles_search_idx`.execute(db)
    await sql`alter table articles drop column search_vector`.execute(db)
  }
}
