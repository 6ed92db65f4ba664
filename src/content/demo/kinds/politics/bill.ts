// Politics: parliament votes on a bill.

import { plural } from '../../grammar.ru.ts'
import { defineKind, type KindSpec } from '../../kind.ts'
import type { EnCtx } from '../../words.en.ts'
import type { RuCtx } from '../../words.ru.ts'
import { DEMOCRACIES } from '../countries.ts'

export const bill = {
  spec: { dateline: 'capital', countries: DEMOCRACIES, tags: ['parliament'] } satisfies KindSpec,
  en: defineKind<EnCtx, string>({
    topics: [
      'bill regulating online platforms',
      'bill raising the minimum wage',
      'bill tightening migration rules',
      'bill reforming local government',
      'bill on protecting personal data',
    ],
    quotes: [
      'Laws like this are easier to pass than to enforce',
      'The details will be settled in the implementing regulations',
    ],
    headlines: [
      (c, t) => `${c.country.adj} parliament passes ${t}`,
      (c, t) => `Lawmakers in ${c.country.name} back ${t}`,
      (c, t) => `Opposition vows to challenge ${c.country.adj} ${t}`,
    ],
    deks: [
      (c) =>
        `The measure passed by ${c.votesFor} votes to ${c.votesAgainst}, according to the official tally.`,
      () => 'Supporters say the law is overdue; critics say it goes too far.',
    ],
    leads: [
      (c, t) =>
        `Lawmakers in ${c.country.name} voted ${c.day} in favour of a ${t}, after a debate that ran late into the night.`,
      (c, t) =>
        `${c.country.adj} lawmakers approved a ${t} ${c.day}, despite objections from opposition parties that said it had been rushed.`,
    ],
    facts: [
      () => 'The bill was amended several times during its passage.',
      () => 'Most provisions would take effect at the start of next year.',
      () => 'Business groups asked for a longer transition period.',
      () => 'Legal experts expect a challenge in the constitutional court.',
    ],
  }),
  ru: defineKind<RuCtx, string>({
    topics: [
      'законопроект о регулировании онлайн-платформ',
      'законопроект о повышении минимальной зарплаты',
      'законопроект об ужесточении миграционных правил',
      'законопроект о реформе местного самоуправления',
      'законопроект о защите персональных данных',
    ],
    quotes: [
      'Такие законы легче принять, чем исполнить',
      'Детали будут определены в подзаконных актах',
    ],
    headlines: [
      (c, t) => `Парламент ${c.country.gen} принял ${t}`,
      (c, t) => `Депутаты парламента ${c.country.gen} поддержали ${t}`,
      (c, t) => `Оппозиция ${c.country.gen} намерена оспорить ${t}`,
    ],
    deks: [
      (c) =>
        `Документ поддержали ${c.votesFor} ${plural(c.votesFor, 'депутат', 'депутата', 'депутатов')}, против выступили ${c.votesAgainst}, следует из официальных итогов голосования.`,
      () =>
        'Сторонники закона считают, что он давно назрел, критики — что он заходит слишком далеко.',
    ],
    leads: [
      (c, t) =>
        `Депутаты парламента ${c.country.gen} ${c.day} проголосовали за ${t} после дебатов, затянувшихся до поздней ночи.`,
      (c, t) =>
        `Парламент ${c.country.gen} ${c.day} одобрил ${t}, несмотря на возражения оппозиции, которая считает, что документ принимали в спешке.`,
    ],
    facts: [
      () => 'В ходе рассмотрения в законопроект несколько раз вносились поправки.',
      () => 'Большинство положений вступят в силу в начале следующего года.',
      () => 'Деловые объединения просили увеличить переходный период.',
      () => 'Юристы ожидают, что закон будет оспорен в конституционном суде.',
    ],
  }),
}
