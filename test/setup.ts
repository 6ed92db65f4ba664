// One entry point for tests that need a database or the whole app: per dialect, fresh each time.
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { buildApp } from '../src/main.ts'
import { fixedClock } from '../src/platform/clock.ts'
import { type Config, loadConfig } from '../src/platform/config.ts'
import { type Database, openDatabase } from '../src/platform/db/database.ts'
import type { Dialect } from '../src/platform/db/dialect.ts'
import { migrateToLatest } from '../src/platform/db/migrate.ts'

export const POSTGRES_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 2000 })
  try {
    await client.connect()
    await client.end()
    return true
  } catch {
    return false
  }
}

const reachable = await postgresReachable()
if (!reachable) {
  if (process.env.CI === 'true')
    throw new Error(`PostgreSQL is unreachable at ${POSTGRES_URL} and CI=true`)
  console.warn(`Notice: PostgreSQL unreachable at ${POSTGRES_URL}; its tests are skipped`)
}

/** The dialects every database test runs on. */
export const DIALECTS: Dialect[] = reachable ? ['sqlite', 'postgres'] : ['sqlite']

export interface TestDatabase extends Database {
  dataDir: string
  dispose(): Promise<void>
}

/** A migrated, empty database of the dialect: in-memory SQLite, or a fresh PostgreSQL schema. */
export async function testDatabase(dialect: Dialect): Promise<TestDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-test-'))
  let schema: string | undefined
  let database: Database
  if (dialect === 'postgres') {
    schema = `test_${randomBytes(6).toString('hex')}`
    const admin = new pg.Client(POSTGRES_URL)
    await admin.connect()
    await admin.query(`create schema ${schema}`)
    await admin.end()
    database = openDatabase({ dialect: 'postgres', url: POSTGRES_URL, schema })
  } else {
    database = openDatabase({ dialect: 'sqlite', file: ':memory:' })
  }
  await migrateToLatest(database.db)
  return {
    ...database,
    dataDir,
    async dispose() {
      await database.close().catch(() => {})
      if (schema) {
        const admin = new pg.Client(POSTGRES_URL)
        await admin.connect()
        await admin.query(`drop schema ${schema} cascade`)
        await admin.end()
      }
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

export const TEST_NOW = new Date('2026-02-14T12:00:00.000Z')

/** The whole app over a fresh database, with a clock the test moves. */
export async function testApp(dialect: Dialect, env: Record<string, string> = {}) {
  const database = await testDatabase(dialect)
  const config: Config = loadConfig({
    DATA_DIR: database.dataDir,
    PUBLIC_URL: 'https://news.example.com',
    LOG_LEVEL: 'silent',
    ...env,
  })
  const clock = fixedClock(TEST_NOW)
  const built = await buildApp(config, { database, clock })
  return {
    ...built,
    database,
    clock,
    config,
    async close() {
      await built.app.close()
      await database.dispose()
    },
  }
}
