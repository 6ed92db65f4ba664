// Queries built once and reused: building and compiling a kysely query costs more than SQLite
// takes to run it, and a reader page runs the same few queries over and over.
import { type Compilable, CompiledQuery, type Kysely } from 'kysely'

const SLOT = '\u0000slot:'

/** A named parameter for a prepared query; `run` fills it from its arguments. */
export function slot<T>(name: string): T {
  return `${SLOT}${name}` as T
}

/** Slots for a list of values, for `where(column, 'in', slots(...))`; the list's length is part of the key. */
export function slots<T>(name: string, count: number): T[] {
  return Array.from({ length: count }, (_, i) => slot<T>(`${name}${i}`))
}

export function spread(name: string, values: readonly unknown[]): Record<string, unknown> {
  const args: Record<string, unknown> = {}
  values.forEach((value, i) => {
    args[`${name}${i}`] = value
  })
  return args
}

interface Entry {
  sql: string
  parameters: readonly unknown[]
  names: (string | null)[]
}

// biome-ignore lint/suspicious/noExplicitAny: works for any database type
export function createPrepared(db: Kysely<any>) {
  const cache = new Map<string, Entry>()
  return async function run<Row>(
    key: string,
    build: () => Compilable<Row>,
    args: Record<string, unknown>,
  ): Promise<Row[]> {
    let entry = cache.get(key)
    if (!entry) {
      const compiled = build().compile()
      entry = {
        sql: compiled.sql,
        parameters: compiled.parameters,
        names: compiled.parameters.map((p) =>
          typeof p === 'string' && p.startsWith(SLOT) ? p.slice(SLOT.length) : null,
        ),
      }
      cache.set(key, entry)
    }
    const { names } = entry
    const parameters = entry.parameters.map((value, i) => {
      const name = names[i]
      if (name === null || name === undefined) return value
      if (!(name in args)) throw new Error(`prepared query ${key} needs argument ${name}`)
      return args[name]
    })
    const result = await db.executeQuery<Row>(CompiledQuery.raw(entry.sql, parameters))
    return result.rows
  }
}

export type Prepared = ReturnType<typeof createPrepared>
