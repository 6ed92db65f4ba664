// Science: a satellite launch.

import { past } from '../../grammar.ru.ts'
import { defineKind, type KindSpec } from '../../kind.ts'
import { cap } from '../../lexicon.ts'
import type { EnCtx } from '../../words.en.ts'
import type { RuCtx } from '../../words.ru.ts'
import { SPACEFARING } from '../countries.ts'

export const launch = {
  spec: {
    dateline: 'capital',
    countries: SPACEFARING,
    tags: ['space'],
    ownQuotesOnly: true,
  } satisfies KindSpec,
  en: defineKind<EnCtx, { a: string; bare: string }>({
    topics: [
      { a: 'a weather satellite', bare: 'weather satellite' },
      { a: 'a communications satellite', bare: 'communications satellite' },
      { a: 'an Earth observation satellite', bare: 'Earth observation satellite' },
      { a: 'a navigation satellite', bare: 'navigation satellite' },
      { a: 'a scientific probe', bare: 'scientific probe' },
    ],
    quotes: [
      'Every successful launch makes the next one a little easier to fund',
      'The real work begins once the spacecraft starts sending data',
      'Space programmes are built on patience',
    ],
    headlines: [
      (c, t) => `${c.country.short} launches new ${t.bare}`,
      (c, t) => `${c.country.adj} ${t.bare} reaches orbit after successful launch`,
      (c, t) => `${c.country.adj} space agency hails launch of ${t.a}`,
    ],
    deks: [
      (c) => `The spacecraft is designed to operate for at least ${c.years}.`,
      () => "It is the agency's fourth launch this year.",
    ],
    leads: [
      (c, t) =>
        `${cap(c.country.name)} launched a new ${t.bare} ${c.day}, the country's space agency said, adding that all systems were operating normally.`,
      (c, t) =>
        `${cap(t.a)} built for ${c.country.name} reached its planned orbit ${c.day} after lifting off early in the morning, officials said.`,
    ],
    facts: [
      () => 'Data from the mission will be shared with international partners.',
      () => 'The launch had been postponed twice because of the weather.',
      () => 'Ground stations confirmed contact shortly after separation.',
      () => "The programme's budget has grown in recent years.",
    ],
  }),
  ru: defineKind<RuCtx, { nom: string; gen: string }>({
    topics: [
      { nom: 'метеорологический спутник', gen: 'метеорологического спутника' },
      { nom: 'спутник связи', gen: 'спутника связи' },
      {
        nom: 'спутник дистанционного зондирования Земли',
        gen: 'спутника дистанционного зондирования Земли',
      },
      { nom: 'навигационный спутник', gen: 'навигационного спутника' },
      { nom: 'научный зонд', gen: 'научного зонда' },
    ],
    quotes: [
      'Каждый успешный запуск немного облегчает финансирование следующего',
      'Настоящая работа начнется, когда аппарат начнет передавать данные',
      'Космические программы строятся на терпении',
    ],
    headlines: [
      (c, t) => `${c.country.nom} ${past(c.country, 'запустил')} новый ${t.nom}`,
      (c, t) => `${cap(t.nom)} ${c.country.gen} вышел на орбиту после успешного запуска`,
      (c, t) => `Космическое агентство ${c.country.gen} сообщило об успешном запуске ${t.gen}`,
    ],
    deks: [
      (c) => `Аппарат рассчитан как минимум на ${c.years} работы.`,
      () => 'Это уже четвертый запуск агентства в этом году.',
    ],
    leads: [
      (c, t) =>
        `${c.country.nom} ${c.day} ${past(c.country, 'запустил')} новый ${t.nom}, сообщило национальное космическое агентство, добавив, что все системы работают штатно.`,
      (c, t) =>
        `${cap(t.nom)}, созданный для ${c.country.gen}, ${c.day} вышел на расчетную орбиту после старта ранним утром, сообщили официальные лица.`,
    ],
    facts: [
      () => 'Данными миссии поделятся с международными партнерами.',
      () => 'Запуск дважды откладывали из-за погодных условий.',
      () => 'Наземные станции подтвердили связь вскоре после отделения аппарата.',
      () => 'В последние годы бюджет программы увеличился.',
    ],
  }),
}
