// English vocabulary for demo stories: organisations, companies, experts and figures.
import {
  COUNTRIES,
  type CommodityKey,
  type CompanyKey,
  type ExpertKey,
  type OrgKey,
  type SourceKey,
  type StoryPlan,
} from './lexicon.ts'
import { CITY, COUNTRY, type EnCountry } from './places.en.ts'

export interface EnOrg {
  short: string
  long: string
  members: string
}
export interface EnCompany {
  name: string
  what: string
}
export interface EnExpert {
  name: string
  title: string
}

export const ORG: Record<OrgKey, EnOrg> = {
  eu: { short: 'EU', long: 'the European Union', members: 'EU member states' },
  nato: { short: 'NATO', long: 'the North Atlantic alliance', members: 'NATO member states' },
  un: { short: 'UN', long: 'the United Nations', members: 'UN member states' },
  g20: { short: 'G20', long: 'the Group of 20 major economies', members: 'G20 members' },
  brics: { short: 'BRICS', long: 'the BRICS group', members: 'BRICS members' },
  sco: {
    short: 'SCO',
    long: 'the Shanghai Cooperation Organisation',
    members: 'SCO member states',
  },
  imf: { short: 'IMF', long: 'the International Monetary Fund', members: 'IMF members' },
  'world-bank': { short: 'World Bank', long: 'the World Bank', members: 'World Bank members' },
}

export const COMMODITY: Record<CommodityKey, string> = {
  oil: 'oil',
  gas: 'natural gas',
  wheat: 'wheat',
  copper: 'copper',
  steel: 'steel',
  gold: 'gold',
  coal: 'coal',
  aluminium: 'aluminium',
  fertiliser: 'fertiliser',
  lng: 'LNG',
}

export const COMPANY: Record<CompanyKey, EnCompany> = {
  nordstal: { name: 'Nordstal', what: 'steelmaker' },
  'baltic-freight': { name: 'Baltic Freight Lines', what: 'shipping group' },
  'vostok-agro': { name: 'Vostok Agro', what: 'grain producer' },
  'polar-grid': { name: 'Polar Grid', what: 'power utility' },
  'meridian-air': { name: 'Meridian Air', what: 'airline' },
  'kestrel-pharma': { name: 'Kestrel Pharma', what: 'drugmaker' },
  orion: { name: 'Orion Microsystems', what: 'chip designer' },
  helix: { name: 'Helix Energy Storage', what: 'battery maker' },
  tenmark: { name: 'Tenmark Robotics', what: 'robotics company' },
  lumen: { name: 'Lumen Orbital', what: 'satellite operator' },
}

export const EXPERT: Record<ExpertKey, EnExpert> = {
  markova: {
    name: 'Elena Markova',
    title: 'chief economist at the Institute for Northern Markets',
  },
  becker: { name: 'Thomas Becker', title: 'a strategist at Halden Capital' },
  nair: { name: 'Priya Nair', title: 'a commodities analyst at Westmere Research' },
  sokolov: {
    name: 'Igor Sokolov',
    title: 'a defence analyst at the Centre for Eurasian Security Studies',
  },
  dubois: { name: 'Claire Dubois', title: 'a senior fellow at the Lisbon Security Forum' },
  kowalska: { name: 'Marta Kowalska', title: 'a former diplomat now at the Vistula Institute' },
  whitfield: { name: 'James Whitfield', title: 'a political scientist at Ashcombe University' },
  fedorova: {
    name: 'Olga Fedorova',
    title: 'a political analyst at the Moscow Centre for Public Policy',
  },
  lebedev: { name: 'Dmitry Lebedev', title: 'a sociologist at the Volga Research Group' },
  andersson: {
    name: 'Sofia Andersson',
    title: 'an astrophysicist at the Nordic Space Observatory',
  },
  watanabe: {
    name: 'Kenji Watanabe',
    title: 'a materials scientist at Kansai Technical University',
  },
  grin: { name: 'Alexei Grin', title: 'a climate researcher at the Arctic Data Centre' },
  orlova: { name: 'Natalia Orlova', title: 'an urban planner at the School of Urban Studies' },
  kuznetsov: { name: 'Sergei Kuznetsov', title: 'an economist who studies regional budgets' },
  zaitsev: { name: 'Andrei Zaitsev', title: 'a sociologist who studies Russian cities' },
}

export const SOURCE: Record<SourceKey, string> = {
  reuters: 'Reuters',
  interfax: 'Interfax',
  afp: 'AFP',
  tass: 'TASS',
  bloomberg: 'Bloomberg',
  ap: 'AP',
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']

// One formatter for every story: toLocaleString builds a new one on each call.
const NUMBER = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 })
const decimal = (n: number) => NUMBER.format(n)
const money = (billions: number, currency: (figure: string) => string) =>
  billions < 1 ? currency(`${Math.round(billions * 1000)}m`) : currency(`${decimal(billions)}bn`)

export interface EnCtx {
  country: EnCountry
  partner: EnCountry
  org: EnOrg
  commodity: string
  company: EnCompany
  expert: EnExpert
  city: string
  partnerCapital: string
  day: string
  pct: string
  gdp: string
  rate: string
  share: string
  drop: string
  count: number
  days: string
  years: string
  year: number
  amount: string
  roubles: string
  people: string
  troops: string
  respondents: string
  votesFor: number
  votesAgainst: number
}

export function enContext(plan: StoryPlan): EnCtx {
  const n = plan.numbers
  return {
    country: COUNTRY[plan.country],
    partner: COUNTRY[plan.partner],
    org: ORG[plan.org],
    commodity: COMMODITY[plan.commodity],
    company: COMPANY[plan.company],
    expert: EXPERT[plan.expert],
    city: CITY[plan.city],
    partnerCapital: CITY[COUNTRIES[plan.partner].capital],
    day: `on ${WEEKDAYS[plan.weekday]}`,
    pct: `${decimal(n.pct)}%`,
    gdp: `${decimal(n.gdp)}%`,
    rate: `${decimal(n.rate)}%`,
    share: `${n.share}%`,
    drop: decimal(n.drop),
    count: n.count,
    days: `${n.days} days`,
    years: `${n.years} years`,
    year: n.year,
    amount: money(n.amount, (figure) => `$${figure}`),
    roubles: money(n.roubles, (figure) => `${figure} roubles`),
    people: `${decimal(n.people)} people`,
    troops: `${decimal(n.people)} troops`,
    respondents: decimal(n.respondents),
    votesFor: n.votesFor,
    votesAgainst: n.votesAgainst,
  }
}
