// Russia: severe weather in a Russian city.

import { type Agrees, past } from '../../grammar.ru.ts'
import { defineKind, type KindSpec } from '../../kind.ts'
import { cap } from '../../lexicon.ts'
import type { EnCtx } from '../../words.en.ts'
import type { RuCtx } from '../../words.ru.ts'
import { HOME } from '../countries.ts'

export const weather = {
  spec: {
    dateline: 'city',
    countries: HOME,
    tags: ['weather', 'regions'],
    ownQuotesOnly: true,
  } satisfies KindSpec,
  en: defineKind<EnCtx, string>({
    topics: ['heavy snowfall', 'freezing rain', 'an unusual heatwave', 'severe frost', 'thick fog'],
    quotes: [
      'Conditions like these test every city service at once',
      'The city copes, but residents notice every delay',
      'Extreme weather is becoming a regular part of city planning',
    ],
    headlines: [
      (c, t) => `${cap(t)} disrupts transport in ${c.city}`,
      (c, t) => `Flights delayed in ${c.city} as ${t} grips the region`,
      (c, t) => `Emergency warning issued in ${c.city} over ${t}`,
    ],
    deks: [
      () => 'Forecasters said the conditions would last at least until the weekend.',
      () => 'Local authorities urged residents to avoid unnecessary journeys.',
    ],
    leads: [
      (c, t) =>
        `${cap(t)} disrupted road and air traffic in ${c.city} ${c.day}, with dozens of flights delayed at the city's airport, local officials said.`,
      (c, t) =>
        `The authorities in ${c.city} issued an emergency weather warning ${c.day} because of ${t}, urging residents to take care.`,
    ],
    facts: [
      () => 'Utility crews worked through the night to restore power to affected districts.',
      () => 'Forecasters described the conditions as unusual for the time of year.',
      () => 'Some schools moved classes online.',
      () => 'Motorists were advised to check road conditions before setting out.',
    ],
  }),
  ru: defineKind<RuCtx, Agrees & { nom: string; gen: string }>({
    topics: [
      { nom: 'сильный снегопад', gen: 'сильного снегопада', g: 'm' },
      { nom: 'ледяной дождь', gen: 'ледяного дождя', g: 'm' },
      { nom: 'аномальная жара', gen: 'аномальной жары', g: 'f' },
      { nom: 'сильный мороз', gen: 'сильного мороза', g: 'm' },
      { nom: 'густой туман', gen: 'густого тумана', g: 'm' },
    ],
    quotes: [
      'Такая погода — проверка сразу для всех городских служб',
      'Город справляется, но жители замечают каждую задержку',
      'Экстремальная погода становится привычной частью городского планирования',
    ],
    headlines: [
      (c, t) => `${cap(t.nom)} ${past(t, 'нарушил')} работу транспорта ${c.city.loc}`,
      (c, t) => `${cap(c.city.loc)} из-за ${t.gen} задерживаются рейсы`,
      (c, t) => `${cap(c.city.loc)} объявили экстренное предупреждение из-за ${t.gen}`,
    ],
    deks: [
      () => 'По прогнозам синоптиков, такая погода сохранится как минимум до выходных.',
      () => 'Местные власти призвали жителей по возможности отказаться от поездок.',
    ],
    leads: [
      (c, t) =>
        `${cap(t.nom)} ${c.day} ${past(t, 'нарушил')} движение транспорта ${c.city.loc}: в аэропорту задержаны десятки рейсов, сообщили местные власти.`,
      (c, t) =>
        `${cap(c.day)} ${c.city.loc} из-за ${t.gen} объявили экстренное предупреждение, жителей просят соблюдать осторожность.`,
    ],
    facts: [
      () =>
        'Коммунальные службы всю ночь работали над восстановлением электроснабжения в пострадавших районах.',
      () => 'Синоптики назвали такую погоду необычной для этого времени года.',
      () => 'Часть школ перевела занятия в дистанционный формат.',
      () => 'Водителям рекомендовали уточнять дорожную обстановку перед выездом.',
    ],
  }),
}
