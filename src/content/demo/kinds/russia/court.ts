// Russia: residents take a utility or builder to court.

import { defineKind, type KindSpec } from '../../kind.ts'
import { cap } from '../../lexicon.ts'
import type { EnCtx } from '../../words.en.ts'
import type { RuCtx } from '../../words.ru.ts'
import { HOME } from '../countries.ts'

export const court = {
  spec: {
    dateline: 'city',
    countries: HOME,
    tags: ['regions'],
    ownQuotesOnly: true,
  } satisfies KindSpec,
  en: defineKind<EnCtx, string>({
    topics: [
      'heating outages',
      'water supply failures',
      'delays in housing construction',
      'poor road repairs',
      'waste collection problems',
    ],
    quotes: [
      'Residents have learned that going to court can work',
      'The ruling sends a clear signal to service providers',
      'Problems like these are rarely solved without public pressure',
    ],
    headlines: [
      (c, t) => `Court in ${c.city} fines company over ${t}`,
      (c, t) => `Residents of ${c.city} win case over ${t}`,
      (c, t) => `Company in ${c.city} ordered to compensate residents over ${t}`,
    ],
    deks: [
      () => 'The company said it would appeal against the ruling.',
      () => 'The case is one of several brought by residents in the region this year.',
    ],
    leads: [
      (c, t) =>
        `Complaints about ${t} in ${c.city} reached the courts ${c.day}, after residents said the problems had gone unresolved for months.`,
      (c, t) =>
        `A court in ${c.city} ${c.day} ordered a local company to pay compensation to residents affected by ${t}.`,
    ],
    facts: [
      () => 'The fine amounts to several million roubles.',
      () => 'Hundreds of households were affected, according to court documents.',
      () => 'The city administration said it would step up inspections.',
      () => "Residents' associations said the ruling set an important precedent.",
    ],
  }),
  ru: defineKind<RuCtx, { gen: string; acc: string }>({
    topics: [
      { gen: 'перебоев с отоплением', acc: 'перебои с отоплением' },
      { gen: 'аварий в системе водоснабжения', acc: 'аварии в системе водоснабжения' },
      { gen: 'срыва сроков строительства жилья', acc: 'срыв сроков строительства жилья' },
      { gen: 'некачественного ремонта дорог', acc: 'некачественный ремонт дорог' },
      { gen: 'проблем с вывозом мусора', acc: 'проблемы с вывозом мусора' },
    ],
    quotes: [
      'Жители убедились, что обращение в суд может дать результат',
      'Это решение — четкий сигнал для поставщиков услуг',
      'Подобные проблемы редко решаются без давления со стороны общества',
    ],
    headlines: [
      (c, t) => `Суд ${c.city.loc} оштрафовал компанию из-за ${t.gen}`,
      (c, t) => `Жители ${c.city.gen} добились компенсации за ${t.acc}`,
      (c, t) => `Суд обязал компанию ${c.city.loc} выплатить жителям компенсацию из-за ${t.gen}`,
    ],
    deks: [
      () => 'В компании заявили, что обжалуют решение.',
      () => 'Это одно из нескольких подобных дел по искам жителей региона в этом году.',
    ],
    leads: [
      (c, t) =>
        `${cap(c.day)} жалобы на ${t.acc} ${c.city.loc} дошли до суда: по словам жителей, проблемы не решались месяцами.`,
      (c, t) =>
        `Суд ${c.city.loc} ${c.day} обязал местную компанию выплатить компенсацию жителям, пострадавшим от ${t.gen}.`,
    ],
    facts: [
      () => 'Сумма штрафа составляет несколько миллионов рублей.',
      () => 'Согласно материалам суда, пострадали сотни домохозяйств.',
      () => 'Администрация города заявила, что усилит проверки.',
      () => 'Объединения жителей назвали решение важным прецедентом.',
    ],
  }),
}
