// World: floods, fires and storms.

import { defineKind, type KindSpec } from '../../kind.ts'
import { cap } from '../../lexicon.ts'
import type { EnCtx } from '../../words.en.ts'
import type { RuCtx } from '../../words.ru.ts'
import { ABROAD } from '../countries.ts'

export const disaster = {
  spec: {
    dateline: 'capital',
    countries: ABROAD,
    tags: ['weather', 'climate'],
    ownQuotesOnly: true,
  } satisfies KindSpec,
  en: defineKind<EnCtx, string>({
    topics: ['floods', 'wildfires', 'heavy snowstorms', 'landslides', 'severe storms'],
    quotes: [
      'The full scale of the damage will take weeks to assess',
      'Emergency services are doing what they can, but the conditions are extreme',
      'Events like this show how prepared our infrastructure really is',
    ],
    headlines: [
      (c, t) => `${cap(t)} force thousands from their homes in ${c.country.name}`,
      (c, t) => `Emergency services stretched as ${t} hit ${c.country.name}`,
      (c, t) => `${c.country.short} declares state of emergency after ${t}`,
    ],
    deks: [
      (c) =>
        `Officials said ${c.people} had been evacuated and warned that conditions could worsen over the weekend.`,
      () => 'Forecasters expect the severe weather to persist for several more days.',
    ],
    leads: [
      (c, t) =>
        `${cap(t)} hit parts of ${c.country.name} ${c.day}, cutting power to thousands of homes and forcing the evacuation of ${c.people}, emergency officials said.`,
      (c, t) =>
        `Authorities in ${c.country.name} stepped up rescue efforts ${c.day} after ${t} damaged roads, bridges and power lines across several regions.`,
    ],
    facts: [
      () => 'The army has been deployed to help with evacuations.',
      () => 'Several regional airports suspended flights.',
      () =>
        'Insurers have begun to assess the damage, which officials said would run into millions.',
      () => 'Scientists say such extreme events are becoming more frequent.',
    ],
  }),
  ru: defineKind<RuCtx, { nom: string; gen: string }>({
    topics: [
      { nom: 'наводнения', gen: 'наводнений' },
      { nom: 'лесные пожары', gen: 'лесных пожаров' },
      { nom: 'сильные снегопады', gen: 'сильных снегопадов' },
      { nom: 'оползни', gen: 'оползней' },
      { nom: 'мощные штормы', gen: 'мощных штормов' },
    ],
    quotes: [
      'Реальный масштаб ущерба станет понятен лишь через несколько недель',
      'Экстренные службы делают все возможное, но условия экстремальные',
      'Такие события показывают, насколько на самом деле готова наша инфраструктура',
    ],
    headlines: [
      (c, t) => `${cap(t.nom)} вынудили тысячи жителей ${c.country.gen} покинуть дома`,
      (c, t) => `Спасательные службы ${c.country.gen} работают на пределе из-за ${t.gen}`,
      (c, t) => `Власти ${c.country.gen} ввели режим чрезвычайной ситуации из-за ${t.gen}`,
    ],
    deks: [
      (c) =>
        `По словам чиновников, эвакуированы ${c.people}; власти предупредили, что к выходным ситуация может ухудшиться.`,
      () => 'Синоптики ожидают, что непогода продлится еще несколько дней.',
    ],
    leads: [
      (c, t) =>
        `${cap(t.nom)} ${c.day} затронули ряд регионов ${c.country.gen}: тысячи домов остались без электричества, эвакуированы ${c.people}, сообщили в экстренных службах.`,
      (c, t) =>
        `Власти ${c.country.gen} ${c.day} усилили спасательную операцию после того, как ${t.nom} повредили дороги, мосты и линии электропередачи в нескольких регионах.`,
    ],
    facts: [
      () => 'Для помощи в эвакуации привлечены военные.',
      () => 'Несколько региональных аэропортов приостановили работу.',
      () =>
        'Страховщики приступили к оценке ущерба, который, по словам чиновников, составит миллионы.',
      () => 'По словам ученых, подобные экстремальные явления происходят все чаще.',
    ],
  }),
}
