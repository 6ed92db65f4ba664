// Politics: coalition talks after an election.

import { defineKind, type KindSpec } from '../../kind.ts'
import { cap } from '../../lexicon.ts'
import type { EnCtx } from '../../words.en.ts'
import type { RuCtx } from '../../words.ru.ts'
import { COALITIONS } from '../countries.ts'

export const coalition = {
  spec: { dateline: 'capital', countries: COALITIONS, tags: ['parliament'] } satisfies KindSpec,
  en: defineKind<EnCtx, string>({
    topics: ['the budget', 'migration policy', 'energy policy', 'taxes'],
    quotes: [
      'Coalition politics rewards patience more than boldness',
      'Every party at the table needs something to show its voters',
    ],
    headlines: [
      (c, t) => `Coalition talks in ${c.country.name} stall over ${t}`,
      (c, t) => `${c.country.adj} parties edge closer to coalition deal despite rift over ${t}`,
      (c) => `Deadline looms for coalition deal in ${c.country.name}`,
    ],
    deks: [
      () => 'The parties have set themselves a deadline at the end of the month.',
      () => 'Failure to agree could lead to a new election.',
    ],
    leads: [
      (c, t) =>
        `Negotiators from the main parties in ${c.country.name} met again ${c.day} in an effort to form a coalition government, with ${t} remaining the biggest obstacle.`,
      (c, t) =>
        `Talks on forming a new government in ${c.country.name} continued ${c.day}, as party leaders traded proposals on ${t}.`,
    ],
    facts: [
      () => 'The outgoing government remains in office in a caretaker capacity.',
      () => 'Negotiating teams have met more than a dozen times.',
      () => 'Opinion polls suggest voters are growing impatient.',
      () => 'A draft coalition agreement runs to dozens of pages.',
    ],
  }),
  ru: defineKind<RuCtx, string>({
    topics: ['бюджета', 'миграционной политики', 'энергетической политики', 'налогов'],
    quotes: [
      'В коалиционной политике терпение ценится больше, чем смелость',
      'Каждой партии за столом переговоров нужно что-то показать своим избирателям',
    ],
    headlines: [
      (c, t) =>
        `Переговоры о создании коалиции ${c.country.loc} зашли в тупик из-за разногласий по вопросам ${t}`,
      (c, t) =>
        `Партии ${c.country.gen} приблизились к коалиционному соглашению, несмотря на разногласия по вопросам ${t}`,
      (c) => `${cap(c.country.loc)} истекает срок для заключения коалиционного соглашения`,
    ],
    deks: [
      () => 'Партии установили для себя крайний срок — конец месяца.',
      () => 'Если договориться не удастся, стране могут потребоваться новые выборы.',
    ],
    leads: [
      (c, t) =>
        `Представители ведущих партий ${c.country.gen} ${c.day} вновь встретились, чтобы попытаться сформировать коалиционное правительство; главным препятствием остаются разногласия по вопросам ${t}.`,
      (c, t) =>
        `Переговоры о формировании нового правительства ${c.country.loc} продолжились ${c.day}: лидеры партий обменялись предложениями по вопросам ${t}.`,
    ],
    facts: [
      () => 'Уходящее правительство продолжает работу в статусе временно исполняющего обязанности.',
      () => 'Переговорные группы встречались уже больше десяти раз.',
      () => 'Опросы показывают, что избиратели теряют терпение.',
      () => 'Проект коалиционного соглашения занимает несколько десятков страниц.',
    ],
  }),
}
