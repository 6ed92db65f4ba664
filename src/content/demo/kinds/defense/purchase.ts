// Defense: a country buys military equipment.

import { past, plural, verb } from '../../grammar.ru.ts'
import { defineKind, type KindSpec } from '../../kind.ts'
import { cap } from '../../lexicon.ts'
import type { EnCtx } from '../../words.en.ts'
import type { RuCtx } from '../../words.ru.ts'
import { BUYERS } from '../countries.ts'

export const purchase = {
  spec: { dateline: 'capital', countries: BUYERS, tags: ['armed-forces'] } satisfies KindSpec,
  en: defineKind<EnCtx, string>({
    topics: [
      'fighter jets',
      'air defence systems',
      'patrol ships',
      'armoured vehicles',
      'transport helicopters',
      'reconnaissance drones',
    ],
    quotes: [
      "Procurement cycles are long, so today's decisions shape the next decade",
      'Buying equipment is the easy part; training crews takes years',
    ],
    headlines: [
      (c, t) => `${c.country.short} orders ${c.count} new ${t}`,
      (c, t) => `${c.country.adj} defence ministry signs ${c.amount} deal for ${t}`,
      (c, t) => `${c.country.short} to modernise its forces with ${c.count} ${t}`,
    ],
    deks: [
      (c) => `Deliveries are expected to begin in ${c.year} and be completed within three years.`,
      () => 'The purchase is part of a broader plan to replace ageing equipment.',
    ],
    leads: [
      (c, t) =>
        `${cap(c.country.name)} has ordered ${c.count} ${t}, the defence ministry said ${c.day}, in a contract worth ${c.amount}.`,
      (c, t) =>
        `The defence ministry of ${c.country.name} signed a contract ${c.day} for the delivery of ${c.count} ${t}, describing it as one of the largest purchases in a decade.`,
    ],
    facts: [
      () => 'Parliament must approve the funding before the contract takes effect.',
      () => 'The manufacturer will also provide training and maintenance.',
      () => 'Part of the production will take place locally.',
      () => 'Critics questioned whether the purchase was the best use of public money.',
    ],
  }),
  ru: defineKind<RuCtx, [one: string, few: string, many: string]>({
    topics: [
      ['истребитель', 'истребителя', 'истребителей'],
      ['зенитный ракетный комплекс', 'зенитных ракетных комплекса', 'зенитных ракетных комплексов'],
      ['патрульный корабль', 'патрульных корабля', 'патрульных кораблей'],
      ['бронемашина', 'бронемашины', 'бронемашин'],
      ['транспортный вертолет', 'транспортных вертолета', 'транспортных вертолетов'],
      [
        'разведывательный беспилотник',
        'разведывательных беспилотника',
        'разведывательных беспилотников',
      ],
    ],
    quotes: [
      'Циклы закупок длинные, поэтому сегодняшние решения определят следующее десятилетие',
      'Купить технику — самая простая часть, на подготовку экипажей уходят годы',
    ],
    headlines: [
      (c, t) =>
        `${c.country.nom} ${past(c.country, 'заказал')} ${c.count} ${plural(c.count, ...t)}`,
      (c, t) =>
        `Минобороны ${c.country.gen} подписало контракт на поставку ${t[2]} стоимостью ${c.amount}`,
      (c, t) =>
        `${c.country.nom} ${verb(c.country, 'получит', 'получат')} ${c.count} ${plural(c.count, ...t)} в рамках модернизации армии`,
    ],
    deks: [
      (c) => `Поставки должны начаться в ${c.year} году и завершиться в течение трех лет.`,
      () => 'Закупка входит в более широкую программу замены устаревшей техники.',
    ],
    leads: [
      (c, t) =>
        `${c.country.nom} ${past(c.country, 'заказал')} ${c.count} ${plural(c.count, ...t)}, сообщило ${c.day} министерство обороны. Стоимость контракта составляет ${c.amount}.`,
      (c, t) =>
        `Министерство обороны ${c.country.gen} ${c.day} подписало контракт на поставку ${c.count} ${t[2]}. По словам чиновников, это одна из крупнейших закупок за последнее десятилетие.`,
    ],
    facts: [
      () => 'Прежде чем контракт вступит в силу, финансирование должен одобрить парламент.',
      () => 'Производитель также обеспечит обучение персонала и техническое обслуживание.',
      () => 'Часть производства будет размещена внутри страны.',
      () => 'Критики усомнились, что покупка является наилучшим использованием бюджетных средств.',
    ],
  }),
}
