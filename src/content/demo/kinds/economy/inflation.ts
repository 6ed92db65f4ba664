// Economy: monthly inflation figures.

import { defineKind, type KindSpec } from '../../kind.ts'
import type { EnCtx } from '../../words.en.ts'
import type { RuCtx } from '../../words.ru.ts'
import { OWN_CURRENCY } from '../countries.ts'

export const inflation = {
  spec: {
    dateline: 'capital',
    countries: OWN_CURRENCY,
    tags: ['inflation'],
    ownQuotesOnly: true,
  } satisfies KindSpec,
  en: defineKind<EnCtx, { reason: string; up: boolean }>({
    topics: [
      { reason: 'cheaper food', up: false },
      { reason: 'lower energy bills', up: false },
      { reason: 'higher fuel costs', up: true },
      { reason: 'rising prices for services', up: true },
    ],
    quotes: [
      'Households notice prices at the checkout long before they show up in statistics',
      'One month of data does not make a trend',
      'The central bank will want to see this confirmed before it acts',
    ],
    headlines: [
      (c, t) => `Inflation in ${c.country.name} ${t.up ? 'accelerates' : 'slows'} to ${c.pct}`,
      (c, t) => `${c.country.adj} inflation ${t.up ? 'accelerates' : 'slows'} on ${t.reason}`,
      (c, t) => `Prices in ${c.country.name} rise ${t.up ? 'faster' : 'more slowly'} than expected`,
    ],
    deks: [
      (_c, t) =>
        `The figure was ${t.up ? 'above' : 'below'} the consensus forecast and will be closely watched by the central bank.`,
      () => 'Core inflation, which excludes volatile items, was little changed.',
    ],
    leads: [
      (c, t) =>
        `Annual inflation in ${c.country.name} ${t.up ? 'accelerated' : 'slowed'} to ${c.pct} last month, driven by ${t.reason}, official data published ${c.day} showed.`,
      (c) =>
        `Consumer prices in ${c.country.name} rose ${c.pct} year on year last month, according to statistics published ${c.day}.`,
    ],
    facts: [
      () => 'Food prices remain the most volatile component of the index.',
      () => 'Wage growth has outpaced inflation for several months.',
      () => 'The government expects inflation to approach its target by the end of next year.',
      () => 'Household surveys show inflation expectations easing slightly.',
    ],
  }),
  ru: defineKind<RuCtx, { reason: string; up: boolean }>({
    topics: [
      { reason: 'подешевения продовольствия', up: false },
      { reason: 'снижения счетов за энергию', up: false },
      { reason: 'роста цен на топливо', up: true },
      { reason: 'подорожания услуг', up: true },
    ],
    quotes: [
      'Домохозяйства замечают рост цен на кассе задолго до того, как он появляется в статистике',
      'Данные за один месяц еще не тенденция',
      'Центробанк захочет убедиться в устойчивости тенденции, прежде чем действовать',
    ],
    headlines: [
      (c, t) => `Инфляция ${c.country.loc} ${t.up ? 'ускорилась' : 'замедлилась'} до ${c.pct}`,
      (c, t) =>
        `Инфляция ${c.country.loc} ${t.up ? 'ускорилась' : 'замедлилась'} на фоне ${t.reason}`,
      (c, t) => `Цены ${c.country.loc} растут ${t.up ? 'быстрее' : 'медленнее'} ожиданий`,
    ],
    deks: [
      (_c, t) =>
        `Показатель оказался ${t.up ? 'выше' : 'ниже'} консенсус-прогноза, и центробанк будет внимательно за ним следить.`,
      () => 'Базовая инфляция, не учитывающая волатильные компоненты, почти не изменилась.',
    ],
    leads: [
      (c, t) =>
        `Годовая инфляция ${c.country.loc} в прошлом месяце ${t.up ? 'ускорилась' : 'замедлилась'} до ${c.pct} на фоне ${t.reason}, свидетельствуют данные, опубликованные ${c.day}.`,
      (c) =>
        `Потребительские цены ${c.country.loc} в прошлом месяце выросли на ${c.pct} в годовом выражении, следует из статистики, опубликованной ${c.day}.`,
    ],
    facts: [
      () => 'Цены на продовольствие остаются самым волатильным компонентом индекса.',
      () => 'Рост зарплат уже несколько месяцев опережает инфляцию.',
      () =>
        'Правительство ожидает, что к концу следующего года инфляция приблизится к целевому уровню.',
      () => 'Опросы домохозяйств показывают небольшое снижение инфляционных ожиданий.',
    ],
  }),
}
