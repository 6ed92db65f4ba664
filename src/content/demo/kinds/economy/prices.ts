// Economy: commodity prices move.

import { defineKind, type KindSpec } from '../../kind.ts'
import { cap } from '../../lexicon.ts'
import type { EnCtx } from '../../words.en.ts'
import type { RuCtx } from '../../words.ru.ts'
import { TRADERS } from '../countries.ts'

export const prices = {
  spec: {
    dateline: 'markets',
    countries: TRADERS,
    tags: ['markets', 'energy'],
    ownQuotesOnly: true,
  } satisfies KindSpec,
  en: defineKind<EnCtx, { reason: string; up: boolean }>({
    topics: [
      { reason: 'supply worries', up: true },
      { reason: 'strong demand from Asia', up: true },
      { reason: 'rising inventories', up: false },
      { reason: 'a weaker demand outlook', up: false },
      { reason: 'a weaker dollar', up: true },
    ],
    quotes: [
      'Traders are reacting to headlines as much as to fundamentals',
      'Volatility like this makes planning hard for producers and buyers alike',
      'The underlying balance of supply and demand has not changed much',
    ],
    headlines: [
      (c, t) => `${cap(c.commodity)} prices ${t.up ? 'rise' : 'fall'} ${c.pct} on ${t.reason}`,
      (c, t) => `${cap(c.commodity)} prices extend ${t.up ? 'gains' : 'losses'} amid ${t.reason}`,
      (c, t) =>
        `What the ${t.up ? 'rise' : 'fall'} in ${c.commodity} prices means for ${c.country.name}`,
    ],
    deks: [
      () =>
        'Traders said the move was driven by short-term factors rather than a shift in long-term fundamentals.',
      () => 'Analysts expect volatility to remain high in the coming weeks.',
    ],
    leads: [
      (c, t) =>
        `${cap(c.commodity)} prices ${t.up ? 'rose' : 'fell'} ${c.pct} ${c.day} as traders reacted to ${t.reason}, extending a ${t.up ? 'rally' : 'decline'} that began at the start of the month.`,
      (c, t) =>
        `The price of ${c.commodity} moved sharply ${t.up ? 'higher' : 'lower'} ${c.day}, ${t.up ? 'gaining' : 'losing'} ${c.pct} by the close of trading amid ${t.reason}.`,
    ],
    facts: [
      () => 'Trading volumes were above their monthly average.',
      () => 'Producers have so far kept output targets unchanged.',
      () => 'Futures contracts for delivery next quarter moved in the same direction.',
      () => 'Some analysts cautioned that the move could reverse quickly.',
    ],
  }),
  ru: defineKind<RuCtx, { reason: string; up: boolean }>({
    topics: [
      { reason: 'опасений по поводу поставок', up: true },
      { reason: 'высокого спроса в Азии', up: true },
      { reason: 'роста запасов', up: false },
      { reason: 'ухудшения прогноза спроса', up: false },
      { reason: 'ослабления доллара', up: true },
    ],
    quotes: [
      'Трейдеры реагируют на заголовки не меньше, чем на фундаментальные факторы',
      'Такая волатильность мешает планированию и производителям, и покупателям',
      'Баланс спроса и предложения в целом изменился мало',
    ],
    headlines: [
      (c, t) =>
        `Цены на ${c.commodity.acc} ${t.up ? 'выросли' : 'снизились'} на ${c.pct} на фоне ${t.reason}`,
      (c, t) =>
        `Стоимость ${c.commodity.gen} продолжает ${t.up ? 'расти' : 'снижаться'} на фоне ${t.reason}`,
      (c, t) =>
        `Что ${t.up ? 'рост' : 'снижение'} цен на ${c.commodity.acc} означает для ${c.country.gen}`,
    ],
    deks: [
      () =>
        'По словам трейдеров, движение цен вызвано краткосрочными факторами, а не изменением долгосрочных тенденций.',
      () => 'Аналитики ожидают, что в ближайшие недели волатильность останется высокой.',
    ],
    leads: [
      (c, t) =>
        `Цены на ${c.commodity.acc} ${c.day} ${t.up ? 'выросли' : 'снизились'} на ${c.pct} на фоне ${t.reason}. ${t.up ? 'Рост' : 'Снижение'} продолжается с начала месяца.`,
      (c, t) =>
        `Стоимость ${c.commodity.gen} ${c.day} резко ${t.up ? 'выросла' : 'снизилась'}, ${t.up ? 'прибавив' : 'потеряв'} к закрытию торгов ${c.pct} на фоне ${t.reason}.`,
    ],
    facts: [
      () => 'Объем торгов превысил среднемесячный уровень.',
      () => 'Производители пока сохраняют планы по добыче и выпуску без изменений.',
      () => 'Фьючерсы с поставкой в следующем квартале двигались в том же направлении.',
      () => 'Некоторые аналитики предупреждают, что движение может быстро развернуться.',
    ],
  }),
}
