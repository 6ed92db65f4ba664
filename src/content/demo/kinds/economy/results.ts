// Economy: a company's quarterly results.
import { defineKind, type KindSpec } from '../../kind.ts'
import { cap } from '../../lexicon.ts'
import type { EnCtx } from '../../words.en.ts'
import type { RuCtx } from '../../words.ru.ts'

export const results = {
  spec: { dateline: 'company', tags: ['markets'], ownQuotesOnly: true } satisfies KindSpec,
  en: defineKind<EnCtx, { reason: string; up: boolean }>({
    topics: [
      { reason: 'strong export demand', up: true },
      { reason: 'lower costs', up: true },
      { reason: 'weak domestic sales', up: false },
      { reason: 'higher energy costs', up: false },
      { reason: 'one-off charges', up: false },
    ],
    quotes: [
      'Companies are still cautious about committing to new investment',
      'Investors will focus on the outlook rather than the last quarter',
      'Costs remain the biggest question for the whole sector',
    ],
    headlines: [
      (c, t) => `${c.company.name} profit ${t.up ? 'rises' : 'falls'} ${c.pct} on ${t.reason}`,
      (c, t) => `${c.company.name} shares ${t.up ? 'jump' : 'slide'} after quarterly results`,
      (c, t) =>
        `${cap(c.company.what)} ${c.company.name} ${t.up ? 'raises' : 'cuts'} annual outlook`,
    ],
    deks: [
      (_c, t) =>
        `Revenue ${t.up ? 'rose' : 'fell'} in the quarter, and the company said it would keep its dividend policy unchanged.`,
      () => 'Management said conditions in its main markets remained uncertain.',
    ],
    leads: [
      (c, t) =>
        `${c.company.name}, the ${c.company.what}, reported a ${c.pct} ${t.up ? 'rise' : 'fall'} in quarterly profit ${c.day}, citing ${t.reason}.`,
      (c, t) =>
        `Shares in ${c.company.name} ${t.up ? 'rose' : 'fell'} sharply ${c.day} after the ${c.company.what} published quarterly results that ${t.up ? 'beat' : 'fell short of'} analysts' forecasts.`,
    ],
    facts: [
      (c) => `The company employs about ${c.count},000 people.`,
      () => "Capital spending for the year is expected to remain at roughly last year's level.",
      () => 'The board will discuss the dividend at its next meeting.',
      () => 'Analysts said the results were broadly in line with the sector.',
    ],
  }),
  ru: defineKind<RuCtx, { reason: string; up: boolean }>({
    topics: [
      { reason: 'высокого экспортного спроса', up: true },
      { reason: 'снижения издержек', up: true },
      { reason: 'слабых продаж на внутреннем рынке', up: false },
      { reason: 'роста расходов на энергию', up: false },
      { reason: 'разовых списаний', up: false },
    ],
    quotes: [
      'Компании по-прежнему осторожны в отношении новых инвестиций',
      'Инвесторы будут смотреть скорее на прогноз, чем на прошедший квартал',
      'Главным вопросом для всей отрасли остаются издержки',
    ],
    headlines: [
      (c, t) =>
        `Прибыль компании ${c.company.name} ${t.up ? 'выросла' : 'снизилась'} на ${c.pct} на фоне ${t.reason}`,
      (c, t) =>
        `Акции компании ${c.company.name} ${t.up ? 'подорожали' : 'подешевели'} после публикации квартальных результатов`,
      (c, t) =>
        `${cap(c.company.what)} ${c.company.name} ${t.up ? 'повысила' : 'понизила'} годовой прогноз`,
    ],
    deks: [
      (_c, t) =>
        `Выручка за квартал ${t.up ? 'выросла' : 'снизилась'}, а компания заявила, что сохранит дивидендную политику без изменений.`,
      () => 'Руководство заявило, что ситуация на основных рынках остается неопределенной.',
    ],
    leads: [
      (c, t) =>
        `${cap(c.company.what)} ${c.company.name} ${c.day} сообщила о ${t.up ? 'росте' : 'снижении'} квартальной прибыли на ${c.pct} на фоне ${t.reason}.`,
      (c, t) =>
        `Акции компании ${c.company.name} ${c.day} резко ${t.up ? 'подорожали' : 'подешевели'} после публикации квартальных результатов, которые оказались ${t.up ? 'лучше' : 'хуже'} прогнозов аналитиков.`,
    ],
    facts: [
      (c) => `В компании работают около ${c.count} тыс. человек.`,
      () =>
        'Капитальные затраты в этом году, как ожидается, останутся примерно на уровне прошлого года.',
      () => 'Вопрос о дивидендах совет директоров обсудит на следующем заседании.',
      () => 'По мнению аналитиков, результаты в целом соответствуют динамике отрасли.',
    ],
  }),
}
