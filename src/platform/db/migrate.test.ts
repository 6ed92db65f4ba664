import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { DIALECTS, testDatabase } from '../../../test/setup.ts'
import { migrateToLatest } from './migrate.ts'

const TABLES = [
  'article_authors',
  'article_related',
  'article_tags',
  'articles',
  'authors',
  'editions',
  'media_assets',
  'sections',
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

      const { down } = await import('./migrations/20261128_0001_core.ts')
      await down(database.db as unknown as Parameters<typeof down>[0])
      expect(await tables()).toEqual([])
    } finally {
      await database.dispose()
    }
  })
})
