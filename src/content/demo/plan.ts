// Draws every choice behind one story from its seed, so both editions can render the same story.
import { KINDS } from './kinds/index.ts'
import { PHRASE_COUNTS } from './languages.ts'
import {
  type BlockPlan,
  type CityKey,
  COMMODITY_KEYS,
  COMPANIES,
  COUNTRIES,
  COUNTRY_KEYS,
  type CompanyKey,
  EXPERTS,
  type ExpertKey,
  type Field,
  type Lang,
  ORGS,
  type OrgKey,
  RUSSIAN_CITIES,
  type SectionSlug,
  type Sentence,
  SOURCE_KEYS,
  type StoryNumbers,
  type StoryPlan,
  type TagSlug,
} from './lexicon.ts'
import { createRandom, type Random } from './random.ts'
import { AUTHORS } from './taxonomy.ts'

// Each edition leans towards the news its readers come for.
const SECTION_WEIGHTS: Record<Lang, Record<SectionSlug, number>> = {
  en: { world: 26, russia: 12, economy: 20, defense: 12, politics: 16, science: 14 },
  ru: { world: 20, russia: 26, economy: 18, defense: 12, politics: 12, science: 12 },
}

const EXPERT_FIELDS: Record<SectionSlug, readonly Field[]> = {
  world: ['security', 'politics'],
  russia: ['regions'],
  economy: ['economy'],
  defense: ['security'],
  politics: ['politics'],
  science: ['science'],
}

const MARKETS: readonly CityKey[] = ['london', 'new-york', 'moscow']
const ORG_KEYS = Object.keys(ORGS) as OrgKey[]
const COMPANY_KEYS = Object.keys(COMPANIES) as CompanyKey[]
const EXPERT_KEYS = Object.keys(EXPERTS) as ExpertKey[]

export interface PlanContext {
  /** The edition the story first appears in. */
  lang: Lang
  weekday: number
  now: Date
  photos: number
}

export function planStory(seed: number, context: PlanContext): StoryPlan {
  const rng = createRandom(seed)
  const section = weighted(rng, SECTION_WEIGHTS[context.lang])
  const kinds = KINDS[section]
  const kind = rng.int(0, kinds.length - 1)
  const def = kinds[kind]
  if (!def) throw new Error(`No story kind ${kind} in ${section}`)
  const { spec } = def
  const counts = def.en.counts

  const company = rng.pick(COMPANY_KEYS.filter((key) => !spec.techCompanies || COMPANIES[key].tech))
  const drawnCountry = rng.pick(spec.countries ?? COUNTRY_KEYS)
  const country = spec.dateline === 'company' ? COMPANIES[company].country : drawnCountry
  const partner = rng.pick(COUNTRY_KEYS.filter((key) => key !== country))
  const org = rng.pick(spec.orgs ?? ORG_KEYS)
  const seat: CityKey | undefined = (ORGS[org] as { seat?: CityKey }).seat
  const capital = COUNTRIES[country].capital
  const cityChoices: Record<typeof spec.dateline, () => CityKey> = {
    capital: () => capital,
    org: () => seat ?? capital,
    city: () => rng.pick(RUSSIAN_CITIES),
    company: () => COMPANIES[company].city,
    markets: () => rng.pick(MARKETS),
  }
  const city = cityChoices[spec.dateline]()
  const fields = EXPERT_FIELDS[section]
  const expert = rng.pick(EXPERT_KEYS.filter((key) => fields.includes(EXPERTS[key])))

  const leadPhoto = context.photos > 0 && rng.chance(0.85) ? rng.int(0, context.photos - 1) : null
  const figurePhoto =
    context.photos > 1 ? ((leadPhoto ?? 0) + rng.int(1, context.photos - 1)) % context.photos : null
  const entityTags: (TagSlug | undefined)[] = [
    (COUNTRIES[country] as { tag?: TagSlug }).tag,
    spec.orgs || spec.dateline === 'org' ? (ORGS[org] as { tag?: TagSlug }).tag : undefined,
    city === 'moscow' ? 'moscow' : undefined,
  ]
  const tagChoices = [...new Set([...spec.tags, ...entityTags.filter((tag) => tag !== undefined)])]
  // The kind's own quotes come first and fit best, so they are drawn more often.
  const quoteCount = counts.quotes + (spec.ownQuotesOnly ? 0 : PHRASE_COUNTS.quotes)
  const quote =
    spec.ownQuotesOnly || rng.chance(0.6)
      ? rng.int(0, counts.quotes - 1)
      : rng.int(counts.quotes, quoteCount - 1)

  return {
    seed,
    section,
    kind,
    topic: rng.int(0, counts.topics - 1),
    headline: rng.int(0, counts.headlines - 1),
    dek: rng.int(0, counts.deks - 1),
    lead: rng.int(0, counts.leads - 1),
    country,
    partner,
    org,
    city,
    commodity: rng.pick(COMMODITY_KEYS),
    company,
    expert,
    source: rng.chance(0.4) ? null : rng.pick(SOURCE_KEYS),
    weekday: context.weekday,
    numbers: drawNumbers(rng, context.now),
    quote,
    quoteForm: rng.int(0, PHRASE_COUNTS.quoteLines - 1),
    blocks: planBlocks(rng, section, counts.facts, figurePhoto, { count: quoteCount, used: quote }),
    tags: rng.sample(tagChoices, rng.int(1, Math.min(3, tagChoices.length))),
    authors: pickAuthors(rng, section),
    photo: leadPhoto,
    related: rng.chance(0.25) ? 0 : rng.int(1, 3),
  }
}

function weighted<K extends string>(rng: Random, weights: Record<K, number>): K {
  const entries = Object.entries(weights) as [K, number][]
  let roll = rng.next() * entries.reduce((sum, [, weight]) => sum + weight, 0)
  for (const [key, weight] of entries) {
    roll -= weight
    if (roll < 0) return key
  }
  return (entries[entries.length - 1] as [K, number])[0]
}

// Russian needs a different noun form after numbers ending in 1 (21 депутат); avoiding them keeps
// every template to the plural forms.
const notEndingInOne = (n: number) => (n % 10 === 1 && n % 100 !== 11 ? n + 1 : n)

function drawNumbers(rng: Random, now: Date): StoryNumbers {
  return {
    pct: rng.float(0.5, 9.9, 1),
    gdp: rng.float(1.5, 4, 1),
    rate: rng.int(8, 84) / 4,
    share: rng.int(18, 46),
    drop: rng.float(0.5, 4.5, 1),
    count: notEndingInOne(rng.int(4, 48)),
    days: rng.int(3, 10),
    years: rng.int(3, 12),
    year: now.getUTCFullYear() + rng.int(1, 4),
    amount: rng.float(0.3, 45, 1),
    roubles: rng.float(1.5, 90, 1),
    people: rng.int(8, 400) * 100,
    respondents: rng.int(10, 30) * 100,
    votesFor: notEndingInOne(rng.int(150, 330)),
    votesAgainst: notEndingInOne(rng.int(30, 140)),
  }
}

function pickAuthors(rng: Random, section: SectionSlug): number[] {
  const indices = AUTHORS.map((_, index) => index)
  const first = rng.pick(indices.filter((index) => AUTHORS[index]?.beats.includes(section)))
  if (!rng.chance(0.3)) return [first]
  return [first, rng.pick(indices.filter((index) => index !== first))]
}

type Piece = { order: number; size: number; blocks: () => BlockPlan[] }

function planBlocks(
  rng: Random,
  section: SectionSlug,
  factCount: number,
  figurePhoto: number | null,
  quotes: { count: number; used: number },
): BlockPlan[] {
  const facts = rng
    .shuffle([...Array(factCount).keys()])
    .map((index): Sentence => ({ pool: 'fact', index }))
  const background = rng
    .shuffle([...Array(PHRASE_COUNTS.background).keys()])
    .map((index): Sentence => ({ pool: 'background', index }))
  const sentences = [...facts, ...background]
  const next = (): Sentence => sentences.shift() ?? { pool: 'background', index: 0 }
  const outlook: Sentence = { pool: 'outlook', index: rng.int(0, PHRASE_COUNTS.outlook - 1) }
  const link: Sentence = { pool: 'link', index: rng.int(0, PHRASE_COUNTS.links - 1) }
  const boldLead = rng.chance(0.3) ? rng.int(0, PHRASE_COUNTS.boldLeads - 1) : null

  const required: Piece[] = [
    { order: 0, size: 1, blocks: () => [{ type: 'lead' }] },
    { order: 1, size: 1, blocks: () => [{ type: 'quote' }] },
    {
      order: 3,
      size: 1,
      blocks: () => [
        {
          type: 'paragraph',
          sentences: rng.chance(0.4) ? [next(), next(), link] : [next(), next()],
          boldLead,
        },
      ],
    },
    {
      order: 10,
      size: 1,
      blocks: () => [{ type: 'paragraph', sentences: [next(), outlook], boldLead: null }],
    },
  ]
  const optional: Piece[] = [
    {
      order: 4,
      size: 2,
      blocks: () => [
        { type: 'statement', text: rng.int(0, PHRASE_COUNTS.statements(section) - 1) },
      ],
    },
    {
      order: 5,
      size: 1,
      blocks: () => [
        { type: 'pullQuote', quote: (quotes.used + rng.int(1, quotes.count - 1)) % quotes.count },
      ],
    },
    {
      order: 6,
      size: 2,
      blocks: () => [
        {
          type: 'heading',
          text: rng.int(0, PHRASE_COUNTS.headings - 1),
          level: rng.chance(0.2) ? 3 : 2,
        },
        { type: 'paragraph', sentences: [next(), next()], boldLead: null },
      ],
    },
    {
      order: 7,
      size: 2,
      blocks: () => [
        {
          type: 'list',
          ordered: rng.chance(0.2),
          heading: rng.int(0, PHRASE_COUNTS.listHeadings - 1),
          items: [next(), next(), next()],
        },
      ],
    },
    { order: 8, size: 1, blocks: () => [{ type: 'related' }] },
  ]
  if (figurePhoto !== null)
    optional.push({ order: 2, size: 1, blocks: () => [{ type: 'figure', photo: figurePhoto }] })
  if (rng.chance(0.05)) optional.push({ order: 9, size: 1, blocks: () => [{ type: 'embed' }] })
  const footer = rng.next()
  if (footer < 0.08) {
    optional.push({ order: 11, size: 2, blocks: () => [{ type: 'rule' }, { type: 'note' }] })
  } else if (footer < 0.3) {
    optional.push({ order: 11, size: 1, blocks: () => [{ type: 'note' }] })
  }

  const target = rng.int(4, 10)
  let size = required.reduce((sum, piece) => sum + piece.size, 0)
  const chosen = [...required]
  for (const piece of rng.shuffle(optional)) {
    if (size + piece.size > target) continue
    chosen.push(piece)
    size += piece.size
  }
  return chosen.sort((a, b) => a.order - b.order).flatMap((piece) => piece.blocks())
}
