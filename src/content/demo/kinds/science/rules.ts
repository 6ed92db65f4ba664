// Science: a government regulates a technology.

import { past } from '../../grammar.ru.ts'
import { defineKind, type KindSpec } from '../../kind.ts'
import type { EnCtx } from '../../words.en.ts'
import type { RuCtx } from '../../words.ru.ts'
import { REGULATORS } from '../countries.ts'

export const rules = {
  spec: { dateline: 'capital', countries: REGULATORS, tags: ['technology'] } satisfies KindSpec,
  en: defineKind<EnCtx, string>({
    topics: [
      'artificial intelligence',
      'social media',
      'online advertising',
      'facial recognition',
      'cryptocurrencies',
    ],
    quotes: [
      'Regulators are trying to catch up with technology that moves much faster than law',
      'Clear rules can help companies as much as they constrain them',
    ],
    headlines: [
      (c, t) => `${c.country.short} unveils rules for ${t}`,
      (c, t) => `${c.country.adj} lawmakers debate tighter regulation of ${t}`,
      (c, t) => `Tech companies push back against ${c.country.adj} plans to regulate ${t}`,
    ],
    deks: [
      () => 'A public consultation will run until the end of next month.',
      () => 'Digital rights groups said the draft did not go far enough.',
    ],
    leads: [
      (c, t) =>
        `The government of ${c.country.name} published draft rules on ${t} ${c.day}, setting out obligations for companies and penalties for breaches.`,
      (c, t) =>
        `${c.country.adj} officials set out plans ${c.day} to tighten oversight of ${t}, in a move that industry groups warned could slow innovation.`,
    ],
    facts: [
      () => 'Companies would have two years to comply.',
      () => 'A new regulator would oversee enforcement.',
      () => 'Fines could reach a percentage of global turnover.',
      () => 'Similar rules are being discussed in other countries.',
    ],
  }),
  ru: defineKind<RuCtx, string>({
    topics: [
      'искусственного интеллекта',
      'социальных сетей',
      'онлайн-рекламы',
      'систем распознавания лиц',
      'криптовалют',
    ],
    quotes: [
      'Регуляторы пытаются угнаться за технологиями, которые развиваются гораздо быстрее законов',
      'Четкие правила могут не только ограничивать компании, но и помогать им',
    ],
    headlines: [
      (c, t) => `${c.country.nom} ${past(c.country, 'представил')} правила использования ${t}`,
      (c, t) => `Законодатели ${c.country.gen} обсуждают ужесточение регулирования ${t}`,
      (c, t) =>
        `Технологические компании выступили против планов ${c.country.gen} по регулированию ${t}`,
    ],
    deks: [
      () => 'Общественное обсуждение продлится до конца следующего месяца.',
      () => 'Правозащитники в сфере цифровых прав считают, что проект недостаточно жесткий.',
    ],
    leads: [
      (c, t) =>
        `Правительство ${c.country.gen} ${c.day} опубликовало проект правил регулирования ${t}, в котором прописаны обязанности компаний и санкции за нарушения.`,
      (c, t) =>
        `Власти ${c.country.gen} ${c.day} представили планы по ужесточению регулирования ${t}. Отраслевые объединения предупреждают, что это может замедлить развитие инноваций.`,
    ],
    facts: [
      () => 'На выполнение требований компаниям отведут два года.',
      () => 'Контроль за соблюдением правил возложат на новый регулятор.',
      () => 'Штрафы могут составлять процент от глобальной выручки компаний.',
      () => 'Аналогичные правила обсуждаются и в других странах.',
    ],
  }),
}
