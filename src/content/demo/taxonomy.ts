// The demo site's editions, sections, tags and authors, in both editions' languages.
import type { TextDirection } from '../../platform/db/schema.ts'
import type { Lang, SectionSlug, TagSlug } from './lexicon.ts'

type Both = Record<Lang, string>

export interface DemoEdition {
  code: Lang
  name: string
  locale: string
  time_zone: string
  direction: TextDirection
  position: number
}

export const EDITIONS: readonly DemoEdition[] = [
  {
    code: 'en',
    name: 'English',
    locale: 'en-GB',
    time_zone: 'Europe/London',
    direction: 'ltr',
    position: 0,
  },
  {
    code: 'ru',
    name: 'Русский',
    locale: 'ru-RU',
    time_zone: 'Europe/Moscow',
    direction: 'ltr',
    position: 1,
  },
]

export const SECTIONS: Record<SectionSlug, { name: Both; description: Both }> = {
  world: {
    name: { en: 'World', ru: 'Мир' },
    description: {
      en: 'World: the latest news on diplomacy, elections, summits and crises around the globe',
      ru: 'Мир: главные новости дипломатии, выборов, саммитов и кризисов по всему миру',
    },
  },
  russia: {
    name: { en: 'Russia', ru: 'Россия' },
    description: {
      en: 'Russia: the latest news on defense, politics, economy and society',
      ru: 'Россия: последние новости обороны, политики, экономики и общества',
    },
  },
  economy: {
    name: { en: 'Economy', ru: 'Экономика' },
    description: {
      en: 'Economy: the latest news on markets, trade, energy and central banks',
      ru: 'Экономика: последние новости рынков, торговли, энергетики и центробанков',
    },
  },
  defense: {
    name: { en: 'Defense', ru: 'Оборона' },
    description: {
      en: 'Defense: the latest news on armed forces, military exercises and security policy',
      ru: 'Оборона: последние новости о вооруженных силах, военных учениях и политике безопасности',
    },
  },
  politics: {
    name: { en: 'Politics', ru: 'Политика' },
    description: {
      en: 'Politics: the latest news on elections, parliaments, governments and parties',
      ru: 'Политика: последние новости о выборах, парламентах, правительствах и партиях',
    },
  },
  science: {
    name: { en: 'Science & Tech', ru: 'Наука и техника' },
    description: {
      en: 'Science & Tech: the latest news on research, space, climate and technology',
      ru: 'Наука и техника: последние новости исследований, космоса, климата и технологий',
    },
  },
}

export const TAGS: Record<TagSlug, Both> = {
  diplomacy: { en: 'Diplomacy', ru: 'Дипломатия' },
  eu: { en: 'European Union', ru: 'Евросоюз' },
  nato: { en: 'NATO', ru: 'НАТО' },
  china: { en: 'China', ru: 'Китай' },
  usa: { en: 'United States', ru: 'США' },
  elections: { en: 'Elections', ru: 'Выборы' },
  parliament: { en: 'Parliament', ru: 'Парламент' },
  protests: { en: 'Protests', ru: 'Протесты' },
  climate: { en: 'Climate', ru: 'Климат' },
  weather: { en: 'Weather', ru: 'Погода' },
  arctic: { en: 'Arctic', ru: 'Арктика' },
  energy: { en: 'Energy', ru: 'Энергетика' },
  markets: { en: 'Markets', ru: 'Рынки' },
  inflation: { en: 'Inflation', ru: 'Инфляция' },
  'central-banks': { en: 'Central banks', ru: 'Центробанки' },
  trade: { en: 'Trade', ru: 'Торговля' },
  transport: { en: 'Transport', ru: 'Транспорт' },
  culture: { en: 'Culture', ru: 'Культура' },
  space: { en: 'Space', ru: 'Космос' },
  technology: { en: 'Technology', ru: 'Технологии' },
  cybersecurity: { en: 'Cybersecurity', ru: 'Кибербезопасность' },
  'armed-forces': { en: 'Armed forces', ru: 'Вооруженные силы' },
  moscow: { en: 'Moscow', ru: 'Москва' },
  regions: { en: 'Regions', ru: 'Регионы' },
}

export interface DemoAuthor {
  slug: string
  name: Both
  bio: Both
  beats: readonly SectionSlug[]
}

export const AUTHORS: readonly DemoAuthor[] = [
  {
    slug: 'anna-volkova',
    name: { en: 'Anna Volkova', ru: 'Анна Волкова' },
    bio: {
      en: "Anna Volkova is Dateline's Moscow correspondent, covering Russian politics, the regions and society.",
      ru: 'Анна Волкова — московский корреспондент Dateline. Пишет о российской политике, регионах и обществе.',
    },
    beats: ['russia', 'politics'],
  },
  {
    slug: 'maria-ortiz',
    name: { en: 'Maria Ortiz', ru: 'Мария Ортис' },
    bio: {
      en: 'Maria Ortiz is world news editor at Dateline and has reported from more than thirty countries.',
      ru: 'Мария Ортис — редактор отдела международных новостей Dateline, работала корреспондентом более чем в тридцати странах.',
    },
    beats: ['world', 'politics'],
  },
  {
    slug: 'james-hartley',
    name: { en: 'James Hartley', ru: 'Джеймс Хартли' },
    bio: {
      en: "James Hartley is Dateline's economics correspondent, writing about central banks, trade and energy markets.",
      ru: 'Джеймс Хартли — экономический обозреватель Dateline. Пишет о центробанках, торговле и энергетических рынках.',
    },
    beats: ['economy'],
  },
  {
    slug: 'pavel-orlov',
    name: { en: 'Pavel Orlov', ru: 'Павел Орлов' },
    bio: {
      en: 'Pavel Orlov covers defence and security, with a focus on military budgets and arms procurement.',
      ru: 'Павел Орлов пишет об обороне и безопасности, уделяя особое внимание военным бюджетам и закупкам вооружений.',
    },
    beats: ['defense', 'world'],
  },
  {
    slug: 'leila-haddad',
    name: { en: 'Leila Haddad', ru: 'Лейла Хаддад' },
    bio: {
      en: "Leila Haddad is Dateline's diplomatic correspondent, following summits, negotiations and international organisations.",
      ru: 'Лейла Хаддад — дипломатический корреспондент Dateline. Следит за саммитами, переговорами и работой международных организаций.',
    },
    beats: ['world', 'defense'],
  },
  {
    slug: 'nikolai-sidorov',
    name: { en: 'Nikolai Sidorov', ru: 'Николай Сидоров' },
    bio: {
      en: 'Nikolai Sidorov reports on markets and companies from Moscow.',
      ru: 'Николай Сидоров пишет о рынках и компаниях, работает в Москве.',
    },
    beats: ['economy', 'russia'],
  },
  {
    slug: 'emma-lindqvist',
    name: { en: 'Emma Lindqvist', ru: 'Эмма Линдквист' },
    bio: {
      en: 'Emma Lindqvist writes about science, space and technology, and previously worked as a research chemist.',
      ru: 'Эмма Линдквист пишет о науке, космосе и технологиях; до прихода в журналистику работала химиком-исследователем.',
    },
    beats: ['science'],
  },
  {
    slug: 'viktor-belov',
    name: { en: 'Viktor Belov', ru: 'Виктор Белов' },
    bio: {
      en: 'Viktor Belov covers the Russian regions, from city budgets to transport and culture.',
      ru: 'Виктор Белов рассказывает о жизни российских регионов — от городских бюджетов до транспорта и культуры.',
    },
    beats: ['russia', 'science'],
  },
]
