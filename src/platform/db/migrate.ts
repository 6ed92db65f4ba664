// Runs the migrations, one set for both dialects, listed here in order.
import { type Kysely, type Migration, Migrator, sql } from 'kysely'
import { dialectOf } from './dialect.ts'
import * as core from './migrations/20261128_0001_core.ts'
import * as storyEvents from './migrations/20261128_0002_story_events.ts'
import * as listedStoryState from './migrations/20261128_0003_listed_story_state.ts'
import * as articleListedAt from './migrations/20261128_0004_article_listed_at.ts'
import * as newsroom from './migrations/20261128_0005_newsroom.ts'
import * as community from './migrations/20261128_0006_community.ts'
import * as apiAndWebhooks from './migrations/20261128_0007_api_and_webhooks.ts'
import * as search from './migrations/20261128_0008_search.ts'
import * as sitemaps from './migrations/20261128_0009_sitemaps.ts'
import * as chats from './migrations/20261128_0010_chats.ts'
import * as newsletters from './migrations/20261128_0011_newsletters.ts'
import * as push from './migrations/20261128_0012_push.ts'

const migrations: Record<string, Migration> = {
  '20261128_0001_core': core,
  '20261128_0002_story_events': storyEvents,
  '20261128_0003_listed_story_state': listedStoryState,
  '20261128_0004_article_listed_at': articleListedAt,
  '20261128_0005_newsroom': newsroom,
  '20261128_0006_community': community,
  '20261128_0007_api_and_webhooks': apiAndWebhooks,
  '20261128_0008_search': search,
  '20261128_0009_sitemaps': sitemaps,
  '20261128_0010_chats': chats,
  '20261128_0011_newsletters': newsletters,
  '20261128_0012_push': push,
}

// biome-ignore lint/suspicious/noExplicitAny: migrations see the database before its types exist
export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  // Keep kysely's bookkeeping tables in the schema we migrate, not whichever one it finds first.
  const schema =
    dialectOf(db) === 'postgres'
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]
          ?.schema
      : undefined
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    ...(schema && { migrationTableSchema: schema }),
  })
  const { error, results } = await migrator.migrateToLatest()
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown'
    throw new Error(
      `Migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`,
    )
  }
}
