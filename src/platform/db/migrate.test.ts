import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { DIALECTS, testDatabase } from '../../../test/setup.ts'
import { migrateToLatest } from './migrate.ts'

const TABLES = [
  'article_authors',
  'article_presence',
  'article_related',
  'article_revisions',
  'article_tags',
  'articles',
  'audit_log',
  'authors',
  'corrections',
  'editions',
  'jobs',
  'media_assets',
  'rate_limits',
  'sections',
  'settings',
  'staff',
  'staff_invitations',
  'staff_sessions',
  'story_events',
  'tags',
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
      expect(await tables()).toEqual(TABLES)
      await migrateToLatest(database.db)
      expect(await tables()).toEqual(TABLES)

      for (const file of [
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
