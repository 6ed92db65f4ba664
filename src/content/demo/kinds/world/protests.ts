// World: street protests against a government policy.

import { defineKind, type KindSpec } from '../../kind.ts'
import { cap } from '../../lexicon.ts'
import type { EnCtx } from '../../words.en.ts'
import type { RuCtx } from '../../words.ru.ts'
import { ABROAD } from '../countries.ts'

export const protests = {
  spec: { dateline: 'capital', countries: ABROAD, tags: ['protests'] } satisfies KindSpec,
  en: defineKind<EnCtx, string>({
    topics: [
      'pension reform',
      'rising fuel prices',
      'housing costs',
      'a new tax law',
      'higher transport fares',
    ],
    quotes: [
      'The anger on the streets has been building for a long time',
      'The government underestimated how strongly people feel about this',
    ],
    headlines: [
      (c, t) => `Thousands march in ${c.city} against ${t}`,
      (c, t) => `Protests against ${t} spread across ${c.country.name}`,
      (c, t) => `${c.country.adj} government faces mounting pressure over ${t}`,
    ],
    deks: [
      (c) => `Organisers put turnout at ${c.people}; police gave a lower figure.`,
      () => 'Unions have threatened further action unless the government reopens consultations.',
    ],
    leads: [
      (c, t) =>
        `Demonstrators filled central ${c.city} ${c.day} in the largest protest yet against ${t}, with organisers estimating turnout at ${c.people}.`,
      (c, t) =>
        `Protests against ${t} spread to several cities in ${c.country.name} ${c.day}, as unions and student groups called on the government to change course.`,
    ],
    facts: [
      () => 'Police said the protests were largely peaceful, with a small number of arrests.',
      () => 'Some public transport services were suspended in the city centre.',
      () => "A recent survey found that a majority of respondents opposed the government's plans.",
      () => 'The interior ministry said it would review the policing of the march.',
    ],
  }),
  ru: defineKind<RuCtx, string>({
    topics: [
      'пенсионной реформы',
      'роста цен на топливо',
      'роста стоимости жилья',
      'нового налогового закона',
      'повышения тарифов на проезд',
    ],
    quotes: [
      'Недовольство на улицах копилось давно',
      'Правительство недооценило, насколько остро люди воспринимают эту тему',
    ],
    headlines: [
      (c, t) => `Тысячи человек вышли на улицы ${c.city.gen} в знак протеста против ${t}`,
      (c, t) => `Протесты против ${t} охватили ${c.country.acc}`,
      (c, t) => `Правительство ${c.country.gen} оказалось под давлением из-за ${t}`,
    ],
    deks: [
      (c) =>
        `По оценке организаторов, в акции приняли участие ${c.people}; полиция называет меньшую цифру.`,
      () => 'Профсоюзы пригрозили новыми акциями, если правительство не возобновит консультации.',
    ],
    leads: [
      (c, t) =>
        `${cap(c.day)} центр ${c.city.gen} заполнили демонстранты: это крупнейшая на сегодняшний день акция против ${t}, в которой, по оценке организаторов, приняли участие ${c.people}.`,
      (c, t) =>
        `Протесты против ${t} ${c.day} распространились на несколько городов ${c.country.gen}: профсоюзы и студенческие организации призывают правительство изменить курс.`,
    ],
    facts: [
      () => 'По данным полиции, акции прошли в основном мирно, задержаны несколько человек.',
      () => 'В центре города была приостановлена работа части общественного транспорта.',
      () =>
        'Согласно недавнему опросу, большинство респондентов выступают против планов правительства.',
      () => 'МВД заявило, что проверит действия полиции во время шествия.',
    ],
  }),
}
