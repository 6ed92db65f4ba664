// Economy: two countries agree a commodity deal.

import { verb } from '../../grammar.ru.ts'
import { defineKind, type KindSpec } from '../../kind.ts'
import { cap } from '../../lexicon.ts'
import type { EnCtx } from '../../words.en.ts'
import type { RuCtx } from '../../words.ru.ts'

export const deal = {
  spec: { dateline: 'capital', tags: ['trade', 'energy'] } satisfies KindSpec,
  en: defineKind<EnCtx, null>({
    topics: [null],
    quotes: [
      'Long-term contracts give both sides the predictability they want',
      'Trade routes are being redrawn, and deals like this are part of that',
    ],
    headlines: [
      (c) => `${c.country.short} and ${c.partner.short} agree to expand ${c.commodity} trade`,
      (c) =>
        `${c.country.short} to boost ${c.commodity} supplies to ${c.partner.short} under new deal`,
      (c) =>
        `New ${c.commodity} deal between ${c.country.short} and ${c.partner.short} worth ${c.amount}`,
    ],
    deks: [
      () => 'The agreement still needs to be ratified and is expected to take effect next year.',
      () =>
        'Officials said the deal would include long-term contracts and a joint investment fund.',
    ],
    leads: [
      (c) =>
        `${cap(c.country.name)} and ${c.partner.name} signed an agreement ${c.day} to expand trade in ${c.commodity}, in a deal officials valued at ${c.amount}.`,
      (c) =>
        `${cap(c.country.name)} will increase ${c.commodity} deliveries to ${c.partner.name} under a deal announced ${c.day}, the latest sign of closer economic ties between the two countries.`,
    ],
    facts: [
      () => 'Bilateral trade has grown steadily over the past five years.',
      () => 'Payment arrangements under the deal were not disclosed.',
      () => 'Industry groups in both countries welcomed the agreement.',
      () => 'The first deliveries under the new terms are expected within months.',
    ],
  }),
  ru: defineKind<RuCtx, null>({
    topics: [null],
    quotes: [
      'Долгосрочные контракты дают обеим сторонам желаемую предсказуемость',
      'Торговые маршруты перестраиваются, и такие сделки — часть этого процесса',
    ],
    headlines: [
      (c) =>
        `${c.country.nom} и ${c.partner.nom} договорились расширить торговлю ${c.commodity.ins}`,
      (c) =>
        `${c.country.nom} ${verb(c.country, 'увеличит', 'увеличат')} поставки ${c.commodity.gen} ${c.partner.dat} по новому соглашению`,
      (c) =>
        `Новое соглашение ${c.country.gen} и ${c.partner.gen} о поставках ${c.commodity.gen} оценивается в ${c.amount}`,
    ],
    deks: [
      () =>
        'Соглашение еще должно быть ратифицировано; ожидается, что оно вступит в силу в следующем году.',
      () =>
        'По словам официальных лиц, соглашение предусматривает долгосрочные контракты и создание совместного инвестиционного фонда.',
    ],
    leads: [
      (c) =>
        `${c.country.nom} и ${c.partner.nom} ${c.day} подписали соглашение о расширении торговли ${c.commodity.ins}; по оценке официальных лиц, его стоимость составляет ${c.amount}.`,
      (c) =>
        `${c.country.nom} ${verb(c.country, 'увеличит', 'увеличат')} поставки ${c.commodity.gen} ${c.partner.dat} в рамках соглашения, объявленного ${c.day}. Это очередной признак сближения экономик двух стран.`,
    ],
    facts: [
      () => 'Двусторонняя торговля стабильно росла в последние пять лет.',
      () => 'Порядок расчетов по сделке не раскрывается.',
      () => 'Отраслевые объединения обеих стран приветствовали соглашение.',
      () => 'Первые поставки на новых условиях ожидаются в течение нескольких месяцев.',
    ],
  }),
}
