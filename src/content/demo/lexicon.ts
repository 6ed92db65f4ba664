// The language-independent side of a demo story: entity keys, the story plan and story kinds.

export type Lang = 'en' | 'ru'

export const SECTION_SLUGS = [
  'world',
  'russia',
  'economy',
  'defense',
  'politics',
  'science',
] as const
export type SectionSlug = (typeof SECTION_SLUGS)[number]

export const RUSSIAN_CITIES = [
  'moscow',
  'st-petersburg',
  'kazan',
  'novosibirsk',
  'yekaterinburg',
  'vladivostok',
  'kaliningrad',
  'nizhny-novgorod',
  'samara',
  'krasnoyarsk',
  'murmansk',
  'sochi',
  'rostov',
  'irkutsk',
] as const
const OTHER_CITIES = [
  'beijing',
  'washington',
  'berlin',
  'paris',
  'london',
  'new-delhi',
  'tokyo',
  'ankara',
  'brasilia',
  'warsaw',
  'rome',
  'astana',
  'tehran',
  'cairo',
  'pretoria',
  'jakarta',
  'mexico-city',
  'oslo',
  'helsinki',
  'belgrade',
  'hanoi',
  'riyadh',
  'buenos-aires',
  'brussels',
  'geneva',
  'vienna',
  'new-york',
] as const
export type CityKey = (typeof RUSSIAN_CITIES)[number] | (typeof OTHER_CITIES)[number]

export const TAG_SLUGS = [
  'diplomacy',
  'eu',
  'nato',
  'china',
  'usa',
  'elections',
  'parliament',
  'protests',
  'climate',
  'weather',
  'arctic',
  'energy',
  'markets',
  'inflation',
  'central-banks',
  'trade',
  'transport',
  'culture',
  'space',
  'technology',
  'cybersecurity',
  'armed-forces',
  'moscow',
  'regions',
] as const
export type TagSlug = (typeof TAG_SLUGS)[number]

export const COUNTRIES = {
  russia: { capital: 'moscow' },
  china: { capital: 'beijing', tag: 'china' },
  usa: { capital: 'washington', tag: 'usa' },
  germany: { capital: 'berlin' },
  france: { capital: 'paris' },
  uk: { capital: 'london' },
  india: { capital: 'new-delhi' },
  japan: { capital: 'tokyo' },
  turkey: { capital: 'ankara' },
  brazil: { capital: 'brasilia' },
  poland: { capital: 'warsaw' },
  italy: { capital: 'rome' },
  kazakhstan: { capital: 'astana' },
  iran: { capital: 'tehran' },
  egypt: { capital: 'cairo' },
  'south-africa': { capital: 'pretoria' },
  indonesia: { capital: 'jakarta' },
  mexico: { capital: 'mexico-city' },
  norway: { capital: 'oslo' },
  finland: { capital: 'helsinki' },
  serbia: { capital: 'belgrade' },
  vietnam: { capital: 'hanoi' },
  'saudi-arabia': { capital: 'riyadh' },
  argentina: { capital: 'buenos-aires' },
} as const satisfies Record<string, { capital: CityKey; tag?: TagSlug }>
export type CountryKey = keyof typeof COUNTRIES
export const COUNTRY_KEYS = Object.keys(COUNTRIES) as CountryKey[]

export const ORGS = {
  eu: { seat: 'brussels', tag: 'eu' },
  nato: { seat: 'brussels', tag: 'nato' },
  un: { seat: 'new-york' },
  g20: {},
  brics: {},
  sco: { seat: 'beijing' },
  imf: { seat: 'washington' },
  'world-bank': { seat: 'washington' },
} as const satisfies Record<string, { seat?: CityKey; tag?: TagSlug }>
export type OrgKey = keyof typeof ORGS

export const COMMODITY_KEYS = [
  'oil',
  'gas',
  'wheat',
  'copper',
  'steel',
  'gold',
  'coal',
  'aluminium',
  'fertiliser',
  'lng',
] as const
export type CommodityKey = (typeof COMMODITY_KEYS)[number]

export const COMPANIES = {
  nordstal: { city: 'yekaterinburg', country: 'russia', tech: false },
  'baltic-freight': { city: 'st-petersburg', country: 'russia', tech: false },
  'vostok-agro': { city: 'rostov', country: 'russia', tech: false },
  'polar-grid': { city: 'oslo', country: 'norway', tech: false },
  'meridian-air': { city: 'ankara', country: 'turkey', tech: false },
  'kestrel-pharma': { city: 'london', country: 'uk', tech: false },
  orion: { city: 'novosibirsk', country: 'russia', tech: true },
  helix: { city: 'berlin', country: 'germany', tech: true },
  tenmark: { city: 'tokyo', country: 'japan', tech: true },
  lumen: { city: 'new-york', country: 'usa', tech: true },
} as const satisfies Record<string, { city: CityKey; country: CountryKey; tech: boolean }>
export type CompanyKey = keyof typeof COMPANIES

export type Field = 'economy' | 'security' | 'politics' | 'science' | 'regions'
export const EXPERTS = {
  markova: 'economy',
  becker: 'economy',
  nair: 'economy',
  sokolov: 'security',
  dubois: 'security',
  kowalska: 'security',
  whitfield: 'politics',
  fedorova: 'politics',
  lebedev: 'politics',
  andersson: 'science',
  watanabe: 'science',
  grin: 'science',
  orlova: 'regions',
  kuznetsov: 'regions',
  zaitsev: 'regions',
} as const satisfies Record<string, Field>
export type ExpertKey = keyof typeof EXPERTS

export const SOURCE_KEYS = ['reuters', 'interfax', 'afp', 'tass', 'bloomberg', 'ap'] as const
export type SourceKey = (typeof SOURCE_KEYS)[number]

/** The figures a story quotes, drawn once so both languages print the same numbers. */
export interface StoryNumbers {
  pct: number
  gdp: number
  rate: number
  share: number
  drop: number
  count: number
  days: number
  years: number
  year: number
  amount: number
  roubles: number
  people: number
  respondents: number
  votesFor: number
  votesAgainst: number
}

export type Sentence = { pool: 'fact' | 'background' | 'outlook' | 'link'; index: number }

export type BlockPlan =
  | { type: 'lead' }
  | { type: 'quote' }
  | { type: 'paragraph'; sentences: Sentence[]; boldLead: number | null }
  | { type: 'heading'; text: number; level: 2 | 3 }
  | { type: 'list'; ordered: boolean; heading: number; items: Sentence[] }
  | { type: 'statement'; text: number }
  | { type: 'figure'; photo: number }
  | { type: 'pullQuote'; quote: number }
  | { type: 'related' }
  | { type: 'embed' }
  | { type: 'rule' }
  | { type: 'note' }

/** Every choice behind one story; rendering a plan in either language is pure. */
export interface StoryPlan {
  seed: number
  section: SectionSlug
  kind: number
  topic: number
  headline: number
  dek: number
  lead: number
  country: CountryKey
  partner: CountryKey
  org: OrgKey
  /** Where the story happens and is datelined. */
  city: CityKey
  commodity: CommodityKey
  company: CompanyKey
  expert: ExpertKey
  source: SourceKey | null
  weekday: number
  numbers: StoryNumbers
  quote: number
  quoteForm: number
  blocks: BlockPlan[]
  tags: TagSlug[]
  authors: number[]
  photo: number | null
  related: number
}

/** Upper-cases the first letter, for templates that may start a sentence with a slot. */
export function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
