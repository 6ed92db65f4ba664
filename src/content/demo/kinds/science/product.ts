// Science: a company launches a technology product.
import { defineKind, type KindSpec } from '../../kind.ts'
import { cap } from '../../lexicon.ts'
import type { EnCtx } from '../../words.en.ts'
import type { RuCtx } from '../../words.ru.ts'

export const product = {
  spec: {
    dateline: 'company',
    techCompanies: true,
    tags: ['technology'],
    ownQuotesOnly: true,
  } satisfies KindSpec,
  en: defineKind<EnCtx, { a: string; bare: string }>({
    topics: [
      { a: 'a new processor', bare: 'new processor' },
      { a: 'a faster-charging battery', bare: 'faster-charging battery' },
      { a: 'a new operating system', bare: 'new operating system' },
      { a: 'an industrial robot', bare: 'industrial robot' },
      { a: 'a satellite internet service', bare: 'satellite internet service' },
    ],
    quotes: [
      'The technology is ready; the question is whether the market is',
      'Launch dates in this industry have a habit of slipping',
      'Customers will judge it on reliability, not on the presentation',
    ],
    headlines: [
      (c, t) => `${c.company.name} unveils ${t.a}`,
      (c, t) => `${cap(c.company.what)} ${c.company.name} bets on ${t.a}`,
      (c, t) => `${c.company.name} says ${t.bare} will reach customers next year`,
    ],
    deks: [
      () => 'The company did not disclose pricing but said initial volumes would be limited.',
      () => 'Analysts said the launch would test demand in a crowded market.',
    ],
    leads: [
      (c, t) =>
        `${c.company.name}, the ${c.company.what}, presented ${t.a} ${c.day}, saying development had taken ${c.years}.`,
      (c, t) =>
        `${c.company.name} said ${c.day} it would bring ${t.a} to market next year, in a bid to win customers from larger rivals.`,
    ],
    facts: [
      () => 'Development was partly funded by a state technology programme.',
      () => 'The company plans to hire more engineers this year.',
      () => 'Independent tests have not yet been published.',
      () => 'Rivals are expected to respond with their own products.',
    ],
  }),
  ru: defineKind<RuCtx, string>({
    topics: [
      'новый процессор',
      'аккумулятор с ускоренной зарядкой',
      'новую операционную систему',
      'промышленного робота',
      'сервис спутникового интернета',
    ],
    quotes: [
      'Технология готова, вопрос в том, готов ли рынок',
      'В этой отрасли сроки выхода продуктов имеют свойство сдвигаться',
      'Покупатели будут судить по надежности, а не по презентации',
    ],
    headlines: [
      (c, t) => `Компания ${c.company.name} представила ${t}`,
      (c, t) => `${cap(c.company.what)} ${c.company.name} делает ставку на ${t}`,
      (c, t) => `Компания ${c.company.name} обещает вывести ${t} на рынок в следующем году`,
    ],
    deks: [
      () => 'Компания не раскрыла цены, но сообщила, что первые партии будут ограниченными.',
      () => 'По мнению аналитиков, запуск станет проверкой спроса на конкурентном рынке.',
    ],
    leads: [
      (c, t) =>
        `${cap(c.company.what)} ${c.company.name} ${c.day} представила ${t}, сообщив, что разработка заняла ${c.years}.`,
      (c, t) =>
        `Компания ${c.company.name} ${c.day} заявила, что выведет ${t} на рынок в следующем году, рассчитывая переманить клиентов у более крупных конкурентов.`,
    ],
    facts: [
      () => 'Разработка частично финансировалась по государственной технологической программе.',
      () => 'В этом году компания планирует нанять больше инженеров.',
      () => 'Результаты независимых испытаний пока не опубликованы.',
      () => 'Ожидается, что конкуренты ответят собственными продуктами.',
    ],
  }),
}
