// The two editions' languages: each renders the same story plan in its own words.
import { KINDS } from './kinds/index.ts'
import type { Lang, SectionSlug, StoryPlan } from './lexicon.ts'
import { PHRASES as EN_PHRASES } from './phrases.en.ts'
import { PHRASES as RU_PHRASES } from './phrases.ru.ts'
import * as enPlaces from './places.en.ts'
import * as ruPlaces from './places.ru.ts'
import { definePack, type LanguagePack } from './story-text.ts'
import * as en from './words.en.ts'
import * as ru from './words.ru.ts'

const kindOf = (plan: StoryPlan) => {
  const kind = KINDS[plan.section][plan.kind]
  if (!kind) throw new Error(`No story kind ${plan.kind} in section ${plan.section}`)
  return kind
}

export const LANGUAGES: Record<Lang, LanguagePack> = {
  en: definePack({
    lang: 'en',
    context: en.enContext,
    kind: (plan) => ({ spec: kindOf(plan).spec, text: kindOf(plan).en }),
    phrases: EN_PHRASES,
    cityName: (city) => enPlaces.CITY[city],
    sourceName: (source) => en.SOURCE[source],
  }),
  ru: definePack({
    lang: 'ru',
    context: ru.ruContext,
    kind: (plan) => ({ spec: kindOf(plan).spec, text: kindOf(plan).ru }),
    phrases: RU_PHRASES,
    cityName: (city) => ruPlaces.CITY[city].nom,
    sourceName: (source) => ru.SOURCE[source],
  }),
}

/** How many of each shared phrase there are; the plan draws indices from these. */
export const PHRASE_COUNTS = {
  quotes: EN_PHRASES.quotes.length,
  quoteLines: EN_PHRASES.quoteLines.length,
  background: EN_PHRASES.background.length,
  outlook: EN_PHRASES.outlook.length,
  links: EN_PHRASES.links.length,
  headings: EN_PHRASES.headings.length,
  listHeadings: EN_PHRASES.listHeadings.length,
  boldLeads: EN_PHRASES.boldLeads.length,
  statements: (section: SectionSlug) => EN_PHRASES.statements[section].length,
}
