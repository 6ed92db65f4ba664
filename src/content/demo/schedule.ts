// When each demo story appears: about forty a day per edition, back from now, some as translations.
import type { ArticleStatus } from '../../platform/db/schema.ts'
import type { Lang } from './lexicon.ts'
import type { Random } from './random.ts'

export interface Slot {
  lang: Lang
  publishedAt: Date
  status: ArticleStatus
  breaking: boolean
  /** The slot in the other edition carrying the same story, if this one was translated. */
  translation: Slot | null
  /** True for the second of a translated pair: it reuses the first one's story. */
  isTranslation: boolean
}

const MINUTE = 60_000
const AVERAGE_GAP = (24 * 60 * MINUTE) / 40
// Hours offset from UTC, close enough to shape a newsroom's day; the exact zone does not matter.
const UTC_OFFSET: Record<Lang, number> = { en: 0, ru: 3 }
// Chosen so that about a fifth of all stories end up in a translated pair.
const TRANSLATION_CHANCE = 0.111

/** All slots in publication order, oldest first. */
export function buildSchedule(rng: Random, counts: Record<Lang, number>, now: Date): Slot[] {
  const slots: Slot[] = []
  for (const lang of ['en', 'ru'] as const) {
    let time = Math.floor(now.getTime() / 1000) * 1000 - rng.int(2, 9) * MINUTE
    for (let i = 0; i < counts[lang]; i++) {
      slots.push({
        lang,
        publishedAt: new Date(time),
        status: 'published',
        breaking: false,
        translation: null,
        isTranslation: false,
      })
      const hour = (new Date(time).getUTCHours() + UTC_OFFSET[lang]) % 24
      // Fewer stories overnight; the daytime rate makes up for it so the day still has about forty.
      const rate = hour < 6 ? 2 : 0.857
      time -= Math.max(
        MINUTE,
        Math.round((AVERAGE_GAP * rate * (0.4 + rng.next() * 1.2)) / 1000) * 1000,
      )
    }
  }
  slots.sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime())
  pairTranslations(rng, slots)
  for (const slot of slots) {
    const roll = rng.next()
    slot.status = roll < 0.01 ? 'draft' : roll < 0.02 ? 'unpublished' : 'published'
  }
  markBreaking(rng, slots)
  return slots
}

function pairTranslations(rng: Random, slots: Slot[]): void {
  for (let i = 0; i < slots.length; i++) {
    const original = slots[i] as Slot
    if (original.translation || !rng.chance(TRANSLATION_CHANCE)) continue
    const earliest = original.publishedAt.getTime() + 15 * MINUTE
    const latest = original.publishedAt.getTime() + 6 * 60 * MINUTE
    for (let j = i + 1; j < slots.length; j++) {
      const other = slots[j] as Slot
      const time = other.publishedAt.getTime()
      if (time > latest) break
      if (other.lang === original.lang || other.translation || time < earliest) continue
      original.translation = other
      other.translation = original
      other.isTranslation = true
      break
    }
  }
}

function markBreaking(rng: Random, slots: Slot[]): void {
  for (const lang of ['en', 'ru'] as const) {
    const newest = slots.filter((s) => s.lang === lang && s.status === 'published').slice(-12)
    for (const slot of rng.sample(newest, rng.int(3, 5))) slot.breaking = true
  }
}
