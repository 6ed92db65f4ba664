import { type Kysely, sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { DIALECTS, testDatabase } from '../../../test/setup.ts'
import { openDatabase } from './database.ts'
import { migrateToLatest } from './migrate.ts'
import * as newsroom from './migrations/20261128_0005_newsroom.ts'

const TABLES = [
  'api_keys',
  'article_authors',
  'article_presence',
  'article_related',
  'article_revisions',
  'article_tags',
  'articles',
  'audit_log',
  'authors',
  'chat_messages',
  'chat_moderation_log',
  'chat_reactions',
  'chat_room_moderators',
  'chat_room_writers',
  'chat_rooms',
  'chat_sanctions',
  'comment_likes',
  'comment_reports',
  'comments',
  'community_settings',
  'corrections',
  'editions',
  'jobs',
  'media_assets',
  'moderation_log',
  'newsletter_issues',
  'newsletter_sends',
  'newsletter_settings',
  'newsletter_subscribers',
  'newsletter_suppressions',
  'newsletter_tokens',
  'push_alerts',
  'push_subscription_topics',
  'push_subscriptions',
  'rate_limits',
  'reader_sessions',
  'reader_tokens',
  'readers',
  'sections',
  'settings',
  'staff',
  'staff_invitations',
  'staff_sessions',
  'story_events',
  'tags',
  'webhook_deliveries',
  'webhooks',
]

/** The FTS5 table of the search index and the shadow tables SQLite keeps for it. */
const SQLITE_ONLY = [
  'article_search',
  'article_search_config',
  'article_search_content',
  'article_search_data',
  'article_search_docsize',
  'article_search_idx',
]

describe.each(DIALECTS)('migrations on %s', (dialect) => {
  it('create every table from empty, run again as a no-op, and roll back cleanly', async () => {
    const database = await testDatabase(dialect)
    try {
      const schema =
        dialect === 'postgres'
          ? (await sql<{ s: string }>`select current_schema() as s`.execute(database.db)).rows[0]?.s
          : undefined
      const tables = async () =>
        (await database.db.introspection.getTables())
          .filter((t) => t.schema === schema)
          .map((t) => t.name)
          .filter((name) => !name.startsWith('kysely_'))
          .sort()
      const all = [...TABLES, ...(dialect === 'sqlite' ? SQLITE_ONLY : [])].sort()
      expect(await tables()).toEqual(all)
      await migrateToLatest(database.db)
      expect(await tables()).toEqual(all)

      for (const file of [
        '20261128_0012_push',
        '20261128_0011_newsletters',
        '20261128_0010_chats',
        '20261128_0009_sitemaps',
        '20261128_0008_search',
        '20261128_0007_api_and_webhooks',
        '20261128_0006_community',
        '20261128_0005_newsroom',
        '20261128_0004_article_listed_at',
        '20261128_0003_listed_story_state',
        '20261128_0002_story_events',
        '20261128_0001_core',
      ]) {
        const { down } = await import(`./migrations/${file}.ts`)
        await down(database.db)
      }
      expect(await tables()).toEqual([])
    } finally {
      await database.dispose()
    }
  })
})

describe('the newsroom migration on a SQLite file with stories', () => {
  it('rebuilds the articles table for the new status without losing rows or links', async () => {
    const database = openDatabase({ dialect: 'sqlite', file: ':memory:' })
    try {
      const db = database.db
      for (const file of [
        '20261128_0001_core',
        '20261128_0002_story_events',
        '20261128_0003_listed_story_state',
        '20261128_0004_article_listed_at',
      ])
        await (await import(`./migrations/${file}.ts`)).up(db)
      const now = '2026-02-14T12:00:00.000Z'
      await sql`insert into editions (code, name, locale, time_zone) values ('en', 'English', 'en-GB', 'UTC')`.execute(
        db,
      )
      await sql`insert into sections (edition_id, slug, name) values (1, 'world', 'World')`.execute(
        db,
      )
      await sql`insert into tags (edition_id, slug, name) values (1, 'talks', 'Talks')`.execute(db)
      await sql`insert into articles (edition_id, section_id, slug, headline, body, status, published_at, listed_at, created_at, updated_at)
        values (1, 1, 'a', 'A story', '{}', 'published', ${now}, ${now}, ${now}, ${now})`.execute(
        db,
      )
      await sql`insert into article_tags (article_id, tag_id, position, listed_at) values (1, 1, 0, ${now})`.execute(
        db,
      )

      await newsroom.up(db as unknown as Kysely<unknown>)

      const tags = await sql`select * from article_tags`.execute(db)
      expect(tags.rows).toHaveLength(1)
      await sql`update articles set status = 'in_review' where id = 1`.execute(db)
      await expect(
        sql`update articles set status = 'lost' where id = 1`.execute(db),
      ).rejects.toThrow(/CHECK constraint/)
      const indexes = await sql<{ name: string }>`
        select name from sqlite_schema where type = 'index' and tbl_name = 'articles' and sql is not null`.execute(
        db,
      )
      expect(indexes.rows.map((r) => r.name).sort()).toEqual([
        'articles_edition_listed_idx',
        'articles_section_listed_idx',
        'articles_translation_group_idx',
      ])
      expect((await sql`pragma foreign_key_check`.execute(db)).rows).toEqual([])
      expect(
        (await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db)).rows[0]
          ?.foreign_keys,
      ).toBe(1)
      // Deleting the story still cascades to its links: the references survived the rebuild.
      await sql`delete from articles where id = 1`.execute(db)
      expect((await sql`select * from article_tags`.execute(db)).rows).toHaveLength(0)
    } finally {
      await database.close()
    }
  })
})
