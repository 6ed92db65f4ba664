// Politics: an opinion poll.

import { defineKind, type KindSpec } from '../../kind.ts'
import type { EnCtx } from '../../words.en.ts'
import type { RuCtx } from '../../words.ru.ts'
import { PARLIAMENTARY } from '../countries.ts'

export const poll = {
  spec: {
    dateline: 'capital',
    countries: PARLIAMENTARY,
    tags: ['elections'],
    ownQuotesOnly: true,
  } satisfies KindSpec,
  en: defineKind<EnCtx, string>({
    topics: [
      'the ruling party',
      'the main opposition party',
      'the government',
      'the prime minister',
    ],
    quotes: [
      'Voters are tired, and that fatigue shows up in every survey',
      'The government has less room for manoeuvre than it did a year ago',
      'Polls move slowly until they suddenly move fast',
    ],
    headlines: [
      (c, t) => `Poll puts support for ${t} in ${c.country.name} at ${c.share}`,
      (c, t) => `Support for ${t} slips in new ${c.country.adj} poll`,
      (c, t) => `${c.country.adj} voters losing faith in ${t}, survey suggests`,
    ],
    deks: [
      (c) =>
        `The survey of ${c.respondents} adults has a margin of error of around three percentage points.`,
      () => 'Pollsters said concern about the cost of living was the main factor.',
    ],
    leads: [
      (c, t) =>
        `Support for ${t} in ${c.country.name} has fallen to ${c.share}, according to a survey published ${c.day}, down ${c.drop} percentage points from a month earlier.`,
      (c, t) =>
        `A new opinion poll published ${c.day} put support for ${t} in ${c.country.name} at ${c.share}, its lowest level this year.`,
    ],
    facts: [
      (c) => `The next national election is due in ${c.year}.`,
      () => 'Younger voters were the most critical.',
      () => 'Smaller parties gained slightly.',
      () => 'Other surveys have shown a similar trend.',
    ],
  }),
  ru: defineKind<RuCtx, { gen: string; dat: string }>({
    topics: [
      { gen: 'правящей партии', dat: 'правящей партии' },
      { gen: 'главной оппозиционной партии', dat: 'главной оппозиционной партии' },
      { gen: 'правительства', dat: 'правительству' },
      { gen: 'премьер-министра', dat: 'премьер-министру' },
    ],
    quotes: [
      'Избиратели устали, и эта усталость видна в каждом опросе',
      'У правительства меньше пространства для маневра, чем год назад',
      'Рейтинги меняются медленно — до тех пор, пока не начинают меняться очень быстро',
    ],
    headlines: [
      (c, t) => `Опрос: поддержка ${t.gen} ${c.country.loc} составляет ${c.share}`,
      (c, t) => `Новый опрос ${c.country.loc}: рейтинг ${t.gen} снижается`,
      (c, t) => `Избиратели ${c.country.gen} теряют доверие к ${t.dat}, показал опрос`,
    ],
    deks: [
      (c) =>
        `Опрос проводился среди ${c.respondents} взрослых респондентов, погрешность составляет около трех процентных пунктов.`,
      () => 'По словам социологов, главным фактором стала обеспокоенность ростом стоимости жизни.',
    ],
    leads: [
      (c, t) =>
        `Поддержка ${t.gen} ${c.country.loc} снизилась до ${c.share}, следует из опроса, опубликованного ${c.day}. За месяц показатель упал на ${c.drop} п. п.`,
      (c, t) =>
        `Согласно новому опросу, опубликованному ${c.day}, поддержка ${t.gen} ${c.country.loc} составляет ${c.share} — это минимальный уровень с начала года.`,
    ],
    facts: [
      (c) => `Следующие общенациональные выборы должны состояться в ${c.year} году.`,
      () => 'Наиболее критично настроены молодые избиратели.',
      () => 'Небольшие партии немного укрепили позиции.',
      () => 'Другие опросы показывают схожую тенденцию.',
    ],
  }),
}
