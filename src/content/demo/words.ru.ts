// Russian vocabulary for demo stories: organisations, companies, experts and figures.
import { type Agrees, plural } from './grammar.ru.ts'
import {
  COUNTRIES,
  type CommodityKey,
  type CompanyKey,
  type ExpertKey,
  type OrgKey,
  type SourceKey,
  type StoryPlan,
} from './lexicon.ts'
import { CITY, COUNTRY, type RuCity, type RuCountry } from './places.ru.ts'

export interface RuOrg extends Agrees {
  nom: string
  gen: string
  /** Genitive, for «лидеры …» and «министры …». */
  members: string
}
export interface RuCommodity {
  nom: string
  gen: string
  acc: string
  ins: string
}
export interface RuCompany {
  name: string
  /** Always headed by a feminine noun such as «компания», so verbs agree in the feminine. */
  what: string
}
export interface RuExpert extends Agrees {
  name: string
  title: string
}

export const ORG: Record<OrgKey, RuOrg> = {
  eu: { nom: 'ЕС', gen: 'ЕС', members: 'стран ЕС', g: 'm' },
  nato: { nom: 'НАТО', gen: 'НАТО', members: 'стран НАТО', g: 'f' },
  un: { nom: 'ООН', gen: 'ООН', members: 'государств — членов ООН', g: 'f' },
  g20: {
    nom: '«Большая двадцатка»',
    gen: '«Большой двадцатки»',
    members: '«Большой двадцатки»',
    g: 'f',
  },
  brics: { nom: 'БРИКС', gen: 'БРИКС', members: 'стран БРИКС', g: 'm' },
  sco: { nom: 'ШОС', gen: 'ШОС', members: 'стран ШОС', g: 'f' },
  imf: { nom: 'МВФ', gen: 'МВФ', members: 'стран — членов МВФ', g: 'm' },
  'world-bank': {
    nom: 'Всемирный банк',
    gen: 'Всемирного банка',
    members: 'стран — членов Всемирного банка',
    g: 'm',
  },
}

const commodity = (nom: string, gen: string, acc: string, ins: string) => ({ nom, gen, acc, ins })
export const COMMODITY: Record<CommodityKey, RuCommodity> = {
  oil: commodity('нефть', 'нефти', 'нефть', 'нефтью'),
  gas: commodity('природный газ', 'природного газа', 'природный газ', 'природным газом'),
  wheat: commodity('пшеница', 'пшеницы', 'пшеницу', 'пшеницей'),
  copper: commodity('медь', 'меди', 'медь', 'медью'),
  steel: commodity('сталь', 'стали', 'сталь', 'сталью'),
  gold: commodity('золото', 'золота', 'золото', 'золотом'),
  coal: commodity('уголь', 'угля', 'уголь', 'углем'),
  aluminium: commodity('алюминий', 'алюминия', 'алюминий', 'алюминием'),
  fertiliser: commodity('удобрения', 'удобрений', 'удобрения', 'удобрениями'),
  lng: commodity('СПГ', 'СПГ', 'СПГ', 'СПГ'),
}

export const COMPANY: Record<CompanyKey, RuCompany> = {
  nordstal: { name: '«Нордсталь»', what: 'сталелитейная компания' },
  'baltic-freight': { name: '«Балтийские грузовые линии»', what: 'судоходная компания' },
  'vostok-agro': { name: '«Восток Агро»', what: 'аграрная компания' },
  'polar-grid': { name: 'Polar Grid', what: 'энергетическая компания' },
  'meridian-air': { name: 'Meridian Air', what: 'авиакомпания' },
  'kestrel-pharma': { name: 'Kestrel Pharma', what: 'фармацевтическая компания' },
  orion: { name: '«Орион Микросистемы»', what: 'компания-разработчик микросхем' },
  helix: { name: 'Helix Energy Storage', what: 'компания по производству аккумуляторов' },
  tenmark: { name: 'Tenmark Robotics', what: 'робототехническая компания' },
  lumen: { name: 'Lumen Orbital', what: 'космическая компания' },
}

const expert = (name: string, title: string, g: 'm' | 'f'): RuExpert => ({ name, title, g })
export const EXPERT: Record<ExpertKey, RuExpert> = {
  markova: expert('Елена Маркова', 'главный экономист Института северных рынков', 'f'),
  becker: expert('Томас Беккер', 'стратег Halden Capital', 'm'),
  nair: expert('Прия Наир', 'аналитик сырьевых рынков Westmere Research', 'f'),
  sokolov: expert(
    'Игорь Соколов',
    'военный аналитик Центра евразийских исследований безопасности',
    'm',
  ),
  dubois: expert('Клэр Дюбуа', 'старший научный сотрудник Лиссабонского форума безопасности', 'f'),
  kowalska: expert('Марта Ковальская', 'бывший дипломат, ныне эксперт Института Вислы', 'f'),
  whitfield: expert('Джеймс Уитфилд', 'политолог Эшкомбского университета', 'm'),
  fedorova: expert(
    'Ольга Федорова',
    'политический аналитик Московского центра публичной политики',
    'f',
  ),
  lebedev: expert('Дмитрий Лебедев', 'социолог исследовательской группы «Волга»', 'm'),
  andersson: expert('София Андерссон', 'астрофизик Северной космической обсерватории', 'f'),
  watanabe: expert('Кэндзи Ватанабэ', 'материаловед Технического университета Кансай', 'm'),
  grin: expert('Алексей Грин', 'климатолог Арктического центра данных', 'm'),
  orlova: expert('Наталья Орлова', 'урбанист Школы городских исследований', 'f'),
  kuznetsov: expert('Сергей Кузнецов', 'экономист, изучающий региональные бюджеты', 'm'),
  zaitsev: expert('Андрей Зайцев', 'социолог, изучающий российские города', 'm'),
}

export const SOURCE: Record<SourceKey, string> = {
  reuters: 'Reuters',
  interfax: 'Интерфакс',
  afp: 'AFP',
  tass: 'ТАСС',
  bloomberg: 'Bloomberg',
  ap: 'AP',
}

const WEEKDAYS = [
  'в воскресенье',
  'в понедельник',
  'во вторник',
  'в среду',
  'в четверг',
  'в пятницу',
  'в субботу',
]

// One formatter for every story: toLocaleString builds a new one on each call.
// Russian typography groups digits only from five-digit numbers on: 3100, but 31 000.
const NUMBER = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 2, useGrouping: 'min2' })
const decimal = (n: number) => NUMBER.format(n)
const money = (billions: number, currency: string) =>
  billions < 1
    ? `${Math.round(billions * 1000)} млн ${currency}`
    : `${decimal(billions)} млрд ${currency}`

export interface RuCtx {
  country: RuCountry
  partner: RuCountry
  org: RuOrg
  commodity: RuCommodity
  company: RuCompany
  expert: RuExpert
  city: RuCity
  partnerCapital: RuCity
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

export function ruContext(plan: StoryPlan): RuCtx {
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
    day: WEEKDAYS[plan.weekday] ?? '',
    pct: `${decimal(n.pct)}%`,
    gdp: `${decimal(n.gdp)}%`,
    rate: `${decimal(n.rate)}%`,
    share: `${n.share}%`,
    drop: decimal(n.drop),
    count: n.count,
    days: `${n.days} ${plural(n.days, 'день', 'дня', 'дней')}`,
    years: `${n.years} ${plural(n.years, 'год', 'года', 'лет')}`,
    year: n.year,
    amount: money(n.amount, 'долларов'),
    roubles: money(n.roubles, 'рублей'),
    people: `${decimal(n.people)} человек`,
    troops: `${decimal(n.people)} военнослужащих`,
    respondents: decimal(n.respondents),
    votesFor: n.votesFor,
    votesAgainst: n.votesAgainst,
  }
}
