// Runs the migrations, one set for both dialects, listed here in order.
import { type Kysely, type Migration, Migrator } from 'kysely'
import * as core from './migrations/20261128_0001_core.ts'

const migrations: Record<string, Migration> = {
  '20261128_0001_core': core,
}

export async function migrateToLatest(db: Kysely<unknown>): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } })
  const { error, results } = await migrator.migrateToLatest()
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown'
    throw new Error(`Migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`)
  }
}
