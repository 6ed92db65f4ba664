// A story kind: one sort of news event with its headlines, deks, leads and facts in one language.
import type { CountryKey, OrgKey, StoryPlan, TagSlug } from './lexicon.ts'

type Template<C, T> = (c: C, t: T) => string

export interface KindText<C, T> {
  topics: readonly T[]
  /** What an expert might say about this kind of event, without closing punctuation. */
  quotes: readonly string[]
  headlines: readonly Template<C, T>[]
  deks: readonly Template<C, T>[]
  leads: readonly Template<C, T>[]
  facts: readonly Template<C, T>[]
}

export interface KindCounts {
  topics: number
  quotes: number
  headlines: number
  deks: number
  leads: number
  facts: number
}

export interface RenderedKind {
  headline: string
  dek: string
  lead: string
  facts: string[]
  quotes: readonly string[]
}

export interface Kind<C> {
  counts: KindCounts
  render(c: C, plan: StoryPlan): RenderedKind
}

/** Where a kind of story happens and what it is filed under. */
export interface KindSpec {
  /** capital: the country's capital; org: the organisation's seat; city: a Russian city. */
  dateline: 'capital' | 'org' | 'city' | 'company' | 'markets'
  countries?: readonly CountryKey[]
  orgs?: readonly OrgKey[]
  techCompanies?: boolean
  tags: readonly TagSlug[]
  /** For events that are not decisions (a storm, a launch), where the general quotes ring false. */
  ownQuotesOnly?: boolean
}

// The topic type differs per kind; closing over it here lets kinds of every shape share one list.
export function defineKind<C, T>(text: KindText<C, T>): Kind<C> {
  const at = <X>(list: readonly X[], index: number): X => list[index % list.length] as X
  return {
    counts: {
      topics: text.topics.length,
      quotes: text.quotes.length,
      headlines: text.headlines.length,
      deks: text.deks.length,
      leads: text.leads.length,
      facts: text.facts.length,
    },
    render(c, plan) {
      const topic = at(text.topics, plan.topic)
      return {
        headline: at(text.headlines, plan.headline)(c, topic),
        dek: at(text.deks, plan.dek)(c, topic),
        lead: at(text.leads, plan.lead)(c, topic),
        facts: text.facts.map((fact) => fact(c, topic)),
        quotes: text.quotes,
      }
    },
  }
}
