// Science: a research result.
import { defineKind, type KindSpec } from '../../kind.ts'
import type { EnCtx } from '../../words.en.ts'
import type { RuCtx } from '../../words.ru.ts'

export const research = {
  spec: { dateline: 'capital', tags: ['technology'], ownQuotesOnly: true } satisfies KindSpec,
  en: defineKind<EnCtx, string>({
    topics: [
      'a cheaper way to recycle battery metals',
      'a faster method for mapping the seabed',
      'a more accurate model of Arctic sea ice',
      'a new material for storing heat',
      'a way to forecast river floods days earlier',
    ],
    quotes: [
      'The result is promising, but it needs to be reproduced by other groups',
      'Moving from the laboratory to industry is where most ideas stall',
      'This is careful work, and the authors are honest about its limits',
    ],
    headlines: [
      (c, t) => `Scientists in ${c.country.name} develop ${t}`,
      (c, t) => `New study from ${c.country.name} proposes ${t}`,
      (c, t) => `${c.country.adj} team unveils ${t}`,
    ],
    deks: [
      () =>
        'The authors cautioned that further tests are needed before the approach can be used outside the laboratory.',
      () => 'The project was funded by public research grants.',
    ],
    leads: [
      (c, t) =>
        `A team of researchers in ${c.country.name} said ${c.day} they had developed ${t}, in work published in a peer-reviewed journal.`,
      (c, t) =>
        `Scientists in ${c.country.name} have described ${t}, a result that outside experts said could prove useful if it can be scaled up.`,
    ],
    facts: [
      () => 'The study involved researchers from several universities.',
      () => 'The team has applied for a patent.',
      () => 'The experiments took more than two years.',
      () => 'The data and code have been made publicly available.',
    ],
  }),
  ru: defineKind<RuCtx, string>({
    topics: [
      'более дешевый способ переработки металлов из аккумуляторов',
      'более быстрый метод картографирования морского дна',
      'более точную модель арктического морского льда',
      'новый материал для хранения тепла',
      'способ прогнозировать речные паводки на несколько дней раньше',
    ],
    quotes: [
      'Результат многообещающий, но его должны воспроизвести другие группы',
      'Большинство идей застревает на пути из лаборатории в промышленность',
      'Это аккуратная работа, и авторы честно говорят о ее ограничениях',
    ],
    headlines: [
      (c, t) => `Ученые из ${c.country.gen} разработали ${t}`,
      (c, t) => `Новое исследование ученых из ${c.country.gen} предлагает ${t}`,
      (c, t) => `Команда ученых из ${c.country.gen} представила ${t}`,
    ],
    deks: [
      () =>
        'Авторы предупреждают, что прежде чем применять подход за пределами лаборатории, потребуются дополнительные испытания.',
      () => 'Проект финансировался за счет государственных исследовательских грантов.',
    ],
    leads: [
      (c, t) =>
        `Группа исследователей из ${c.country.gen} ${c.day} сообщила, что разработала ${t}. Работа опубликована в рецензируемом научном журнале.`,
      (c, t) =>
        `Ученые из ${c.country.gen} описали ${t}. По мнению независимых экспертов, результат может оказаться полезным, если его удастся масштабировать.`,
    ],
    facts: [
      () => 'В исследовании участвовали ученые из нескольких университетов.',
      () => 'Команда подала заявку на патент.',
      () => 'Эксперименты заняли более двух лет.',
      () => 'Данные и код исследования опубликованы в открытом доступе.',
    ],
  }),
}
