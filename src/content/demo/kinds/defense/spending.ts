// Defense: a country raises its defence budget.

import { verb } from '../../grammar.ru.ts'
import { defineKind, type KindSpec } from '../../kind.ts'
import type { EnCtx } from '../../words.en.ts'
import type { RuCtx } from '../../words.ru.ts'
import { ARMED } from '../countries.ts'

export const spending = {
  spec: { dateline: 'capital', countries: ARMED, tags: ['armed-forces'] } satisfies KindSpec,
  en: defineKind<EnCtx, null>({
    topics: [null],
    quotes: [
      'Defence budgets are rising across the region, and this fits that pattern',
      'The hard question is what gets cut to pay for it',
    ],
    headlines: [
      (c) => `${c.country.short} to raise defence spending to ${c.gdp} of GDP`,
      (c) => `${c.country.adj} parliament debates record defence budget`,
      (c) => `Defence spending in ${c.country.name} set to reach ${c.amount}`,
    ],
    deks: [
      () =>
        'The increase will be phased in over several years and funded partly through borrowing.',
      () => 'Opposition parties argue the money would be better spent on health and education.',
    ],
    leads: [
      (c) =>
        `The government of ${c.country.name} said ${c.day} it would raise defence spending to ${c.gdp} of gross domestic product, citing a deteriorating security environment.`,
      (c) =>
        `Parliament in ${c.country.name} began debating a defence budget of ${c.amount} ${c.day}, the largest in the country's recent history.`,
    ],
    facts: [
      () => 'Much of the additional money will go to air defence and ammunition.',
      () => 'The finance ministry has warned about the impact on the deficit.',
      () => 'Military salaries will also rise under the plan.',
      () => 'A final vote is expected before the end of the year.',
    ],
  }),
  ru: defineKind<RuCtx, null>({
    topics: [null],
    quotes: [
      'Оборонные бюджеты растут по всему региону, и это решение вписывается в общую тенденцию',
      'Сложный вопрос — на чем придется сэкономить, чтобы за это заплатить',
    ],
    headlines: [
      (c) =>
        `${c.country.nom} ${verb(c.country, 'увеличит', 'увеличат')} военные расходы до ${c.gdp} ВВП`,
      (c) => `Парламент ${c.country.gen} обсуждает рекордный оборонный бюджет`,
      (c) => `Военные расходы ${c.country.gen} достигнут ${c.amount}`,
    ],
    deks: [
      () =>
        'Увеличение будет происходить поэтапно в течение нескольких лет и частично финансироваться за счет заимствований.',
      () =>
        'Оппозиционные партии считают, что эти деньги лучше направить на здравоохранение и образование.',
    ],
    leads: [
      (c) =>
        `Правительство ${c.country.gen} ${c.day} заявило, что увеличит военные расходы до ${c.gdp} ВВП, сославшись на ухудшение ситуации в сфере безопасности.`,
      (c) =>
        `Парламент ${c.country.gen} ${c.day} приступил к обсуждению оборонного бюджета в размере ${c.amount} — крупнейшего в новейшей истории страны.`,
    ],
    facts: [
      () =>
        'Значительная часть дополнительных средств пойдет на противовоздушную оборону и боеприпасы.',
      () => 'Министерство финансов предупредило о влиянии на дефицит бюджета.',
      () => 'План также предусматривает повышение денежного довольствия военнослужащих.',
      () => 'Окончательное голосование ожидается до конца года.',
    ],
  }),
}
