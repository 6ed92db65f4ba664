// Russia: a Russian city's budget.

import { defineKind, type KindSpec } from '../../kind.ts'
import type { EnCtx } from '../../words.en.ts'
import type { RuCtx } from '../../words.ru.ts'
import { HOME } from '../countries.ts'

export const budget = {
  spec: { dateline: 'city', countries: HOME, tags: ['regions'] } satisfies KindSpec,
  en: defineKind<EnCtx, string>({
    topics: ['schools', 'hospitals', 'roads', 'housing', 'parks'],
    quotes: [
      'Regional budgets are under pressure, so every project has to justify itself',
      'People want to see changes they can feel in their daily lives',
    ],
    headlines: [
      (c, t) => `${c.city} approves record spending on ${t}`,
      (c, t) => `${c.city} to spend ${c.roubles} on ${t} next year`,
      (c, t) => `Budget debate in ${c.city} centres on ${t}`,
    ],
    deks: [
      () =>
        'The budget still needs final approval from the regional legislature, expected later this month.',
      () => 'Opposition deputies said the plan relied on optimistic revenue forecasts.',
    ],
    leads: [
      (c, t) =>
        `Authorities in ${c.city} ${c.day} set out plans to spend ${c.roubles} on ${t} next year, the largest such allocation in the region's recent history.`,
      (c, t) =>
        `Spending on ${t} will rise sharply next year under a draft budget published by the authorities in ${c.city} ${c.day}.`,
    ],
    facts: [
      () =>
        'Officials said the money would come partly from higher tax revenues and partly from federal transfers.',
      () => "The region's debt remains low by national standards.",
      () => 'Public hearings on the draft budget are scheduled for next week.',
      () => 'Spending on administration will be cut slightly.',
    ],
  }),
  ru: defineKind<RuCtx, string>({
    topics: ['школы', 'больницы', 'дороги', 'жилье', 'парки'],
    quotes: [
      'Региональные бюджеты под давлением, поэтому каждый проект должен себя оправдывать',
      'Люди хотят видеть перемены, которые ощутимы в повседневной жизни',
    ],
    headlines: [
      (c, t) => `Власти ${c.city.gen} утвердили рекордные расходы на ${t}`,
      (c, t) => `Власти ${c.city.gen} направят ${c.roubles} на ${t} в следующем году`,
      (c, t) => `Главной темой бюджетных дебатов ${c.city.loc} стали расходы на ${t}`,
    ],
    deks: [
      () =>
        'Бюджет еще должно окончательно утвердить региональное законодательное собрание — это ожидается позднее в этом месяце.',
      () =>
        'Оппозиционные депутаты заявили, что план опирается на слишком оптимистичный прогноз доходов.',
    ],
    leads: [
      (c, t) =>
        `Власти ${c.city.gen} ${c.day} представили план, согласно которому в следующем году на ${t} будет направлено ${c.roubles}. Это крупнейшие подобные расходы в новейшей истории региона.`,
      (c, t) =>
        `Расходы на ${t} в следующем году резко вырастут — это следует из проекта бюджета, который власти ${c.city.gen} опубликовали ${c.day}.`,
    ],
    facts: [
      () =>
        'По словам чиновников, средства поступят частично за счет роста налоговых доходов, частично — из федерального бюджета.',
      () => 'Долговая нагрузка региона остается низкой по общероссийским меркам.',
      () => 'Публичные слушания по проекту бюджета назначены на следующую неделю.',
      () => 'Расходы на содержание администрации будут немного сокращены.',
    ],
  }),
}
