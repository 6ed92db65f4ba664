// Opens the database named by the config: an embedded SQLite file or a PostgreSQL pool.
import fs from 'node:fs'
import path from 'node:path'
import SQLite from 'better-sqlite3'
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely'
import pg from 'pg'
import type { DatabaseConfig } from '../config.ts'
import type { Dialect } from './dialect.ts'
import type { DB } from './schema.ts'

export type Db = Kysely<DB>

export interface Database {
  db: Db
  dialect: Dialect
  /** Queries run since start; tests read it to prove a page costs a fixed number of queries. */
  stats: { queries: number }
  ping(): Promise<void>
  close(): Promise<void>
}

export function openDatabase(
  config: DatabaseConfig,
  onPoolError?: (error: Error) => void,
): Database {
  const stats = { queries: 0 }
  const log = () => {
    stats.queries++
  }
  if (config.dialect === 'sqlite') {
    if (config.file !== ':memory:') fs.mkdirSync(path.dirname(config.file), { recursive: true })
    const raw = new SQLite(config.file)
    raw.pragma('journal_mode = WAL')
    raw.pragma('synchronous = NORMAL')
    raw.pragma('foreign_keys = ON')
    raw.pragma('busy_timeout = 5000')
    // Keep the hot part of the file in memory: the default 2 MB cache is smaller than one edition's stories.
    raw.pragma('cache_size = -65536')
    raw.pragma('mmap_size = 268435456')
    // SQLite's own lower() folds ASCII only; searches in Russian need every letter folded.
    raw.function('lower', { deterministic: true }, (text: unknown) =>
      typeof text === 'string' ? text.toLowerCase() : text,
    )
    const db = new Kysely<DB>({
      dialect: new SqliteDialect({ database: cachingStatements(raw) }),
      log,
    })
    return {
      db,
      dialect: 'sqlite',
      stats,
      ping: async () => void raw.prepare('select 1').get(),
      close: () => db.destroy(),
    }
  }
  const pool = new pg.Pool({
    connectionString: config.url,
    max: 10,
    connectionTimeoutMillis: 5_000,
    ...(config.schema ? { options: `-c search_path=${config.schema}` } : {}),
    types: { getTypeParser: bigintAsNumber },
  })
  // An idle connection the server drops (restart, failover) is replaced on next use; without a
  // listener its error would end the process.
  pool.on('error', (error) => onPoolError?.(error))
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), log })
  return {
    db,
    dialect: 'postgres',
    stats,
    ping: async () => void (await pool.query('select 1')),
    close: () => db.destroy(),
  }
}

// count(*) and bigint ids fit in a double for any newsroom; numbers are easier to use than strings.
function bigintAsNumber(oid: number, format?: 'text' | 'binary') {
  if (oid === 20) return (value: string) => Number(value)
  return (pg.types.getTypeParser as (oid: number, format?: 'text' | 'binary') => unknown)(
    oid,
    format,
  )
}

// Kysely prepares every query anew; reusing the statement saves most of a small query's cost.
function cachingStatements(raw: SQLite.Database) {
  const statements = new Map<string, SQLite.Statement>()
  return {
    close: () => raw.close(),
    prepare(sqlText: string) {
      let statement = statements.get(sqlText)
      if (!statement) {
        if (statements.size >= 1000) statements.clear()
        statement = raw.prepare(sqlText)
        statements.set(sqlText, statement)
      }
      return statement
    },
  }
}
