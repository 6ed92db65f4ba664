// Each edition's comment settings: the default mode, auto-close, limits, word lists, and what
// deleting an account does to its comments. Stored as one JSON row per edition.
import type { Db } from '../platform/db/database.ts'
import { fromJson } from '../platform/db/dialect.ts'
import type { CommentMode } from '../platform/db/schema.ts'
import { invalidInput } from '../platform/errors.ts'

export interface CommunitySettings {
  mode: CommentMode
  autoCloseDays: number
  maxLength: number
  maxLinks: number
  bannedWords: string[]
  suspectWords: string[]
  onAccountDelete: 'anonymize' | 'remove'
  /** A new reader's comments wait for a moderator until one of them is approved. */
  holdNewReaders: boolean
}

export const COMMENT_MODES: readonly CommentMode[] = [
  'open',
  'closed',
  'premoderated',
  'postmoderated',
]

export const DEFAULT_SETTINGS: CommunitySettings = {
  mode: 'postmoderated',
  autoCloseDays: 0,
  maxLength: 2000,
  maxLinks: 2,
  bannedWords: [],
  suspectWords: [],
  onAccountDelete: 'anonymize',
  holdNewReaders: true,
}

const WORDS_MAX = 1000

function words(value: unknown, field: string): string[] {
  if (!Array.isArray(value)) throw invalidInput(field, `${field} must be a list of words`)
  const list = [
    ...new Set(value.map((w) => (typeof w === 'string' ? w.trim() : '')).filter(Boolean)),
  ]
  if (list.length > WORDS_MAX)
    throw invalidInput(field, `${field} holds at most ${WORDS_MAX} entries`)
  if (list.some((w) => w.length > 100))
    throw invalidInput(field, 'an entry is longer than 100 characters')
  return list
}

function whole(value: unknown, field: string, min: number, max: number): number {
  if (!Number.isInteger(value) || (value as number) < min || (value as number) > max)
    throw invalidInput(field, `${field} must be a whole number from ${min} to ${max}`)
  return value as number
}

export function checkSettings(
  input: Partial<Record<keyof CommunitySettings, unknown>>,
): CommunitySettings {
  if (!COMMENT_MODES.includes(input.mode as CommentMode))
    throw invalidInput('mode', `mode must be one of ${COMMENT_MODES.join(', ')}`)
  if (input.onAccountDelete !== 'anonymize' && input.onAccountDelete !== 'remove')
    throw invalidInput('onAccountDelete', 'onAccountDelete must be anonymize or remove')
  return {
    mode: input.mode as CommentMode,
    autoCloseDays: whole(input.autoCloseDays, 'autoCloseDays', 0, 3650),
    maxLength: whole(input.maxLength, 'maxLength', 100, 20_000),
    maxLinks: whole(input.maxLinks, 'maxLinks', 0, 50),
    bannedWords: words(input.bannedWords, 'bannedWords'),
    suspectWords: words(input.suspectWords, 'suspectWords'),
    onAccountDelete: input.onAccountDelete,
    holdNewReaders: input.holdNewReaders === undefined ? true : input.holdNewReaders === true,
  }
}

export function createCommunitySettings(db: Db) {
  return {
    async get(editionId: number, trx: Db = db): Promise<CommunitySettings> {
      const row = await trx
        .selectFrom('community_settings')
        .select('settings')
        .where('edition_id', '=', editionId)
        .executeTakeFirst()
      return row
        ? { ...DEFAULT_SETTINGS, ...fromJson<Partial<CommunitySettings>>(row.settings) }
        : DEFAULT_SETTINGS
    },

    async save(editionId: number, input: Partial<Record<keyof CommunitySettings, unknown>>) {
      const settings = checkSettings(input)
      const value = JSON.stringify(settings)
      await db
        .insertInto('community_settings')
        .values({ edition_id: editionId, settings: value })
        .onConflict((oc) => oc.column('edition_id').doUpdateSet({ settings: value }))
        .execute()
      return settings
    },
  }
}

export type CommunitySettingsStore = ReturnType<typeof createCommunitySettings>
