// The few places where SQLite and PostgreSQL differ, so migrations and queries can stay shared.
import {
  type ColumnDataType,
  type ColumnDefinitionBuilder,
  type Kysely,
  PostgresAdapter,
  type RawBuilder,
  sql,
} from 'kysely'

export type Dialect = 'sqlite' | 'postgres'

export function dialectOf(db: Kysely<unknown>): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite'
}

export function columnTypes(db: Kysely<unknown>): {
  id: ColumnDataType
  idConstraint: (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder
  timestamp: ColumnDataType
  json: ColumnDataType
  flag: ColumnDataType
  falseValue: RawBuilder<unknown>
} {
  const postgres = dialectOf(db) === 'postgres'
  return {
    id: 'integer',
    idConstraint: postgres
      ? (c) => c.primaryKey().generatedByDefaultAsIdentity()
      : (c) => c.primaryKey().autoIncrement(),
    timestamp: postgres ? 'timestamptz' : 'text',
    json: postgres ? 'jsonb' : 'text',
    flag: postgres ? 'boolean' : 'integer',
    falseValue: postgres ? sql`false` : sql`0`,
  }
}

/** Rows come back as Date (PostgreSQL) or ISO text (SQLite). */
export function toDate(value: Date | string): Date
export function toDate(value: Date | string | null): Date | null
export function toDate(value: Date | string | null): Date | null {
  if (value === null) return null
  return value instanceof Date ? value : new Date(value)
}

/** JSON columns come back parsed (PostgreSQL) or as text (SQLite). */
export function fromJson<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T
}
