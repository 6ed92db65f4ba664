// Politics: an election.

import { defineKind, type KindSpec } from '../../kind.ts'
import { cap } from '../../lexicon.ts'
import type { EnCtx } from '../../words.en.ts'
import type { RuCtx } from '../../words.ru.ts'
import { DEMOCRACIES } from '../countries.ts'

export const election = {
  spec: { dateline: 'capital', countries: DEMOCRACIES, tags: ['elections'] } satisfies KindSpec,
  en: defineKind<EnCtx, { a: string; bare: string }>({
    topics: [
      { a: 'a parliamentary election', bare: 'parliamentary election' },
      { a: 'local elections', bare: 'local elections' },
      { a: 'a snap parliamentary election', bare: 'snap parliamentary election' },
      { a: 'regional elections', bare: 'regional elections' },
    ],
    quotes: [
      'Voters are tired, and that fatigue shows up in every survey',
      'Turnout will tell us more than the headline result',
    ],
    headlines: [
      (c, t) => `${cap(c.country.name)} votes in ${t.bare}`,
      (c, t) => `Ruling party leads early count in ${c.country.adj} ${t.bare}`,
      (c, t) => `Turnout high as ${c.country.name} holds ${t.bare}`,
    ],
    deks: [
      (c) =>
        `Early results put the ruling party on about ${c.share} of the vote, short of an outright majority.`,
      () => 'Election officials said voting had passed without major incidents.',
    ],
    leads: [
      (c, t) =>
        `Voters in ${c.country.name} went to the polls ${c.day} in ${t.a} seen as a test of the government's popularity after a difficult year.`,
      (c, t) =>
        `The ruling party was leading with about ${c.share} of the vote in ${t.a} in ${c.country.name}, according to early results released ${c.day}.`,
    ],
    facts: [
      () => 'Turnout was higher than at the previous vote.',
      () => 'International observers are expected to publish their assessment within days.',
      () => 'Coalition talks are likely if no party wins a majority.',
      () => 'Final results are due by the end of the week.',
    ],
  }),
  ru: defineKind<RuCtx, { nom: string; loc: string }>({
    topics: [
      { nom: 'парламентские выборы', loc: 'на парламентских выборах' },
      { nom: 'муниципальные выборы', loc: 'на муниципальных выборах' },
      { nom: 'досрочные парламентские выборы', loc: 'на досрочных парламентских выборах' },
      { nom: 'региональные выборы', loc: 'на региональных выборах' },
    ],
    quotes: [
      'Избиратели устали, и эта усталость видна в каждом опросе',
      'Явка скажет нам больше, чем итоговый результат',
    ],
    headlines: [
      (c, t) => `${cap(c.country.loc)} проходят ${t.nom}`,
      (c, t) => `Правящая партия лидирует ${t.loc} ${c.country.loc} после подсчета первых голосов`,
      (c, t) => `${cap(t.nom)} ${c.country.loc} проходят при высокой явке`,
    ],
    deks: [
      (c) =>
        `По предварительным данным, правящая партия набирает около ${c.share} голосов, чего недостаточно для абсолютного большинства.`,
      () => 'Избирательная комиссия сообщила, что голосование прошло без серьезных инцидентов.',
    ],
    leads: [
      (c, t) =>
        `${cap(c.day)} ${c.country.loc} прошли ${t.nom}, которые считаются проверкой популярности правительства после непростого года.`,
      (c, t) =>
        `По предварительным данным, опубликованным ${c.day}, правящая партия лидирует ${t.loc} ${c.country.loc}, набирая около ${c.share} голосов.`,
    ],
    facts: [
      () => 'Явка оказалась выше, чем на предыдущих выборах.',
      () => 'Международные наблюдатели должны опубликовать свою оценку в ближайшие дни.',
      () => 'Если ни одна партия не получит большинства, вероятны переговоры о создании коалиции.',
      () => 'Окончательные итоги будут объявлены до конца недели.',
    ],
  }),
}
