// Russia: a new transport project opens in a Russian city.

import { type Agrees, past } from '../../grammar.ru.ts'
import { defineKind, type KindSpec } from '../../kind.ts'
import { cap } from '../../lexicon.ts'
import type { EnCtx } from '../../words.en.ts'
import type { RuCtx } from '../../words.ru.ts'
import { HOME } from '../countries.ts'

export const project = {
  spec: { dateline: 'city', countries: HOME, tags: ['transport', 'regions'] } satisfies KindSpec,
  en: defineKind<EnCtx, string>({
    topics: [
      'a new tram line',
      'a new bridge across the river',
      'a new airport terminal',
      'a new section of the ring road',
      'a new railway station',
    ],
    quotes: [
      'The city has waited a long time for this',
      'Transport projects pay off over decades, not months',
    ],
    headlines: [
      (c, t) => `${c.city} opens ${t} after two years of work`,
      (c, t) => `${c.city} residents get ${t} as regional spending on transport grows`,
      (c, t) =>
        `${cap(t)} opens in ${c.city}, the first of several transport projects in the region`,
    ],
    deks: [
      (c) =>
        `The project cost ${c.roubles} and was financed jointly by the city and the federal budget.`,
      () =>
        'City officials said the new link would cut journey times for tens of thousands of residents.',
    ],
    leads: [
      (c, t) =>
        `${c.city} opened ${t} ${c.day}, completing a project that local officials say will ease congestion in one of the busiest parts of the city.`,
      (c, t) =>
        `Regional authorities marked the opening of ${t} in ${c.city} ${c.day}, two years after work began.`,
    ],
    facts: [
      () => 'Officials expect tens of thousands of people to use it every day.',
      () => 'Construction was delayed by several months because of supply problems.',
      () => 'The regional government plans to spend more on roads and public transport next year.',
      () => 'Some residents complained about noise and traffic diversions during the works.',
    ],
  }),
  ru: defineKind<RuCtx, Agrees & { nom: string; acc: string }>({
    topics: [
      { nom: 'новая трамвайная линия', acc: 'новую трамвайную линию', g: 'f' },
      { nom: 'новый мост через реку', acc: 'новый мост через реку', g: 'm' },
      { nom: 'новый терминал аэропорта', acc: 'новый терминал аэропорта', g: 'm' },
      { nom: 'новый участок кольцевой дороги', acc: 'новый участок кольцевой дороги', g: 'm' },
      { nom: 'новый железнодорожный вокзал', acc: 'новый железнодорожный вокзал', g: 'm' },
    ],
    quotes: [
      'Город долго этого ждал',
      'Транспортные проекты окупаются десятилетиями, а не месяцами',
    ],
    headlines: [
      (c, t) => `${cap(c.city.loc)} ${past(t, 'открылся')} ${t.nom} после двух лет работ`,
      (c, t) => `Жители ${c.city.gen} получили ${t.acc}: регион наращивает расходы на транспорт`,
      (c, t) =>
        `${cap(t.nom)} ${past(t, 'открылся')} ${c.city.loc}: это первый из нескольких транспортных проектов региона`,
    ],
    deks: [
      (c) =>
        `Проект стоимостью ${c.roubles} финансировался совместно из городского и федерального бюджетов.`,
      () =>
        'По словам городских чиновников, новый объект сократит время в пути для десятков тысяч жителей.',
    ],
    leads: [
      (c, t) =>
        `${cap(c.day)} ${c.city.loc} ${past(t, 'открылся')} ${t.nom}. По словам местных чиновников, это позволит разгрузить один из самых загруженных районов города.`,
      (c, t) =>
        `Региональные власти ${c.day} торжественно открыли ${t.acc} ${c.city.loc} — через два года после начала работ.`,
    ],
    facts: [
      () => 'Чиновники рассчитывают, что ежедневно им будут пользоваться десятки тысяч человек.',
      () => 'Из-за проблем с поставками строительство затянулось на несколько месяцев.',
      () =>
        'В следующем году региональные власти планируют увеличить расходы на дороги и общественный транспорт.',
      () => 'Часть жителей жаловалась на шум и объезды во время работ.',
    ],
  }),
}
