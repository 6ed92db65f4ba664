// Case-insensitive LIKE on both dialects, with the user's %, _ and \ taken literally.
import { type RawBuilder, sql } from 'kysely'

const literal = (text: string) => text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)

/** `lower(column) like '%text%'`, in any alphabet on both databases. */
export const contains = (column: string, text: string): RawBuilder<boolean> =>
  sql<boolean>`lower(${sql.ref(column)}) like ${`%${literal(text)}%`} escape '\\'`

export const startsWith = (column: string, text: string): RawBuilder<boolean> =>
  sql<boolean>`lower(${sql.ref(column)}) like ${`${literal(text)}%`} escape '\\'`
