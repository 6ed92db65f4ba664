// One story's text in one language: a plan rendered through a language's words and phrases.
import type { Kind, KindSpec } from './kind.ts'
import type { CityKey, Lang, SectionSlug, SourceKey, StoryPlan } from './lexicon.ts'

/** The sentences every story kind shares; every list is parallel across languages. */
export interface Phrases<C> {
  /** Quotes that suit most stories, without closing punctuation; kinds add their own. */
  quotes: readonly string[]
  quoteLines: readonly ((quote: string, c: C) => string)[]
  attribution: (c: C) => string
  background: readonly ((c: C) => string)[]
  outlook: readonly ((c: C) => string)[]
  /** Sentences with one [bracketed] phrase that becomes a link. */
  links: readonly string[]
  headings: readonly string[]
  listHeadings: readonly string[]
  boldLeads: readonly string[]
  statementIntros: Record<SectionSlug, (c: C) => string>
  statements: Record<SectionSlug, readonly string[]>
  embedTitle: (c: C) => string
  note: string
  sourceLine: (source: string) => string
}

export interface StoryText {
  headline: string
  dek: string
  lead: string
  dateline: string
  source: string
  facts: string[]
  background: string[]
  outlook: string[]
  links: readonly string[]
  quotes: string[]
  quoteLine: string
  attribution: string
  headings: readonly string[]
  listHeadings: readonly string[]
  boldLeads: readonly string[]
  statementIntro: string
  statements: readonly string[]
  embedTitle: string
  note: string
  sourceLine: string | null
}

export interface LanguagePack {
  lang: Lang
  text(plan: StoryPlan): StoryText
}

export function definePack<C>(def: {
  lang: Lang
  context: (plan: StoryPlan) => C
  kind: (plan: StoryPlan) => { spec: KindSpec; text: Kind<C> }
  phrases: Phrases<C>
  cityName: (city: CityKey) => string
  sourceName: (source: SourceKey) => string
}): LanguagePack {
  const p = def.phrases
  return {
    lang: def.lang,
    text(plan) {
      const c = def.context(plan)
      const { spec, text } = def.kind(plan)
      const kind = text.render(c, plan)
      // Same order as plan.ts counts them: the kind's own quotes first.
      const quotes = spec.ownQuotesOnly ? [...kind.quotes] : [...kind.quotes, ...p.quotes]
      const quoteLine = p.quoteLines[plan.quoteForm % p.quoteLines.length] ?? p.quoteLines[0]
      const source = plan.source ? def.sourceName(plan.source) : ''
      return {
        ...kind,
        dateline: def.cityName(plan.city).toLocaleUpperCase(def.lang),
        source,
        background: p.background.map((sentence) => sentence(c)),
        outlook: p.outlook.map((sentence) => sentence(c)),
        links: p.links,
        quotes,
        quoteLine: quoteLine ? quoteLine(quotes[plan.quote % quotes.length] ?? '', c) : '',
        attribution: p.attribution(c),
        headings: p.headings,
        listHeadings: p.listHeadings,
        boldLeads: p.boldLeads,
        statementIntro: p.statementIntros[plan.section](c),
        statements: p.statements[plan.section],
        embedTitle: p.embedTitle(c),
        note: p.note,
        sourceLine: source ? p.sourceLine(source) : null,
      }
    },
  }
}
