// Turns a scheduled slot and its story plan into an article row with its tags, authors and links.
import { SLUG_MAX, slugify } from '../slug.ts'
import { buildBody, type FigureMedia } from './body.ts'
import type { ArticleRow } from './demo.repository.ts'
import { LANGUAGES } from './languages.ts'
import type { Lang, SectionSlug, StoryPlan } from './lexicon.ts'
import type { Random } from './random.ts'
import type { Slot } from './schedule.ts'

/** What one edition's stories refer to, and what has been written to it so far. */
export interface EditionState {
  lang: Lang
  id: number
  timeZone: string
  sections: ReadonlyMap<string, number>
  tags: ReadonlyMap<string, number>
  /** Author ids in the order of taxonomy's AUTHORS. */
  authors: readonly number[]
  /** Media in the order of the demo photos. */
  media: readonly FigureMedia[]
  slugs: Set<string>
  /** Ids of published stories already inserted, oldest first, by section. */
  recent: Map<SectionSlug, number[]>
}

export interface ComposedArticle {
  row: ArticleRow
  section: SectionSlug
  tagIds: number[]
  authorIds: number[]
  relatedIds: number[]
}

const MINUTE = 60_000

export function composeArticle(
  rng: Random,
  slot: Slot,
  plan: StoryPlan,
  edition: EditionState,
  meta: { translationGroup: string | null; now: Date },
): ComposedArticle {
  const text = LANGUAGES[edition.lang].text(plan)
  const related = pickRelated(rng, edition, plan)
  const body = buildBody({ plan, text, media: edition.media, related })
  const sectionId = edition.sections.get(plan.section)
  if (sectionId === undefined) throw new Error(`Section ${plan.section} is missing`)
  const published = slot.publishedAt.getTime()
  const created = published - rng.int(10, 180) * MINUTE
  const later = Math.min(meta.now.getTime(), published + rng.int(10, 360) * MINUTE)
  const updated = slot.status === 'unpublished' || rng.chance(0.25) ? later : published
  return {
    row: {
      edition_id: edition.id,
      section_id: sectionId,
      slug: uniqueSlug(edition.slugs, text.headline),
      headline: text.headline,
      dek: text.dek,
      dateline_place: text.dateline,
      source: text.source,
      body: JSON.stringify(body),
      lead_media_id: plan.photo === null ? null : (edition.media[plan.photo]?.id ?? null),
      status: slot.status,
      breaking: slot.breaking ? 1 : 0,
      translation_group: meta.translationGroup,
      published_at: slot.status === 'draft' ? null : new Date(published).toISOString(),
      created_at: new Date(created).toISOString(),
      updated_at: new Date(Math.max(updated, published)).toISOString(),
    },
    section: plan.section,
    tagIds: plan.tags.flatMap((slug) => edition.tags.get(slug) ?? []),
    authorIds: plan.authors.flatMap((index) => edition.authors[index] ?? []),
    relatedIds: related,
  }
}

/** Earlier stories of the same edition, preferring the same section. */
function pickRelated(rng: Random, edition: EditionState, plan: StoryPlan): number[] {
  if (plan.related === 0) return []
  const sameSection = (edition.recent.get(plan.section) ?? []).slice(-20)
  const chosen = rng.sample(sameSection, plan.related)
  if (chosen.length < plan.related) {
    const others = [...edition.recent.values()].flatMap((ids) => ids.slice(-5))
    chosen.push(...rng.sample(others, plan.related - chosen.length))
  }
  return [...new Set(chosen)]
}

function uniqueSlug(taken: Set<string>, headline: string): string {
  const base = slugify(headline)
  let slug = base
  for (let n = 2; taken.has(slug); n++) {
    const suffix = `-${n}`
    slug = base.slice(0, SLUG_MAX - suffix.length).replace(/-+$/, '') + suffix
  }
  taken.add(slug)
  return slug
}

/** The weekday (0 is Sunday) of a moment in an edition's time zone, for "on Tuesday". */
export function weekdayIn(timeZone: string, date: Date): number {
  let format = WEEKDAY_FORMATS.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short' })
    WEEKDAY_FORMATS.set(timeZone, format)
  }
  return ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(format.format(date))
}

const WEEKDAY_FORMATS = new Map<string, Intl.DateTimeFormat>()
