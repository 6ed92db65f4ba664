// Economy: a central bank sets its key rate.

import { defineKind, type KindSpec } from '../../kind.ts'
import type { EnCtx } from '../../words.en.ts'
import type { RuCtx } from '../../words.ru.ts'
import { OWN_CURRENCY } from '../countries.ts'

export const rates = {
  spec: {
    dateline: 'capital',
    countries: OWN_CURRENCY,
    tags: ['central-banks', 'inflation'],
  } satisfies KindSpec,
  en: defineKind<EnCtx, { act: string; past: string; why: string; cost: string }>({
    topics: [
      {
        act: 'raises key rate to',
        past: 'raised its key interest rate to',
        why: 'price pressures were proving more persistent than expected',
        cost: 'rise',
      },
      {
        act: 'cuts key rate to',
        past: 'cut its key interest rate to',
        why: 'inflation was slowing faster than it had forecast',
        cost: 'fall',
      },
      {
        act: 'keeps key rate at',
        past: 'kept its key interest rate at',
        why: 'it needed more time to assess the effect of earlier moves',
        cost: 'stay unchanged',
      },
    ],
    quotes: [
      'Markets had largely priced this in, so the reaction was muted',
      'Households will feel the effect first in their monthly bills',
    ],
    headlines: [
      (c, t) => `${c.country.adj} central bank ${t.act} ${c.rate}`,
      (c, t) => `${c.country.adj} central bank ${t.act} ${c.rate}, signals caution`,
      (c, t) => `${c.country.adj} borrowing costs ${t.cost} after central bank decision`,
    ],
    deks: [
      () =>
        'Policymakers said they would watch inflation expectations closely before making further changes.',
      () =>
        'The decision was in line with the expectations of most economists surveyed before the meeting.',
    ],
    leads: [
      (c, t) =>
        `The central bank of ${c.country.name} ${t.past} ${c.rate} ${c.day}, saying ${t.why}.`,
      (c, t) =>
        `The central bank in ${c.city} ${t.past} ${c.rate} after a policy meeting ${c.day}, a move closely watched by banks and borrowers.`,
    ],
    facts: [
      (c) => `Annual inflation stood at ${c.pct} last month.`,
      () => 'The next rate meeting is scheduled in six weeks.',
      () => 'The currency was little changed after the announcement.',
      () => 'Business groups have urged the bank to consider the impact on investment.',
    ],
  }),
  ru: defineKind<RuCtx, Omit<{ act: string; past: string; why: string; cost: string }, 'past'>>({
    topics: [
      {
        act: 'повысил ключевую ставку до',
        why: 'ценовое давление оказалось более устойчивым, чем ожидалось',
        cost: 'вырастет',
      },
      {
        act: 'снизил ключевую ставку до',
        why: 'инфляция замедляется быстрее прогноза',
        cost: 'снизится',
      },
      {
        act: 'сохранил ключевую ставку на уровне',
        why: 'ему нужно больше времени, чтобы оценить эффект прежних решений',
        cost: 'останется прежней',
      },
    ],
    quotes: [
      'Рынки в основном заложили это в цены, поэтому реакция была сдержанной',
      'Домохозяйства первыми почувствуют эффект в ежемесячных счетах',
    ],
    headlines: [
      (c, t) => `Центробанк ${c.country.gen} ${t.act} ${c.rate}`,
      (c, t) => `Центробанк ${c.country.gen} ${t.act} ${c.rate} и призвал к осторожности`,
      (c, t) => `Стоимость кредитов ${c.country.loc} ${t.cost} после решения центробанка`,
    ],
    deks: [
      () =>
        'Регулятор заявил, что будет внимательно следить за инфляционными ожиданиями, прежде чем принимать новые решения.',
      () => 'Решение совпало с ожиданиями большинства экономистов, опрошенных перед заседанием.',
    ],
    leads: [
      (c, t) =>
        `Центробанк ${c.country.gen} ${c.day} ${t.act} ${c.rate}, объяснив это тем, что ${t.why}.`,
      (c, t) =>
        `По итогам заседания ${c.day} центробанк ${c.country.gen} ${t.act} ${c.rate}. За этим решением внимательно следили банки и заемщики.`,
    ],
    facts: [
      (c) => `Годовая инфляция в прошлом месяце составила ${c.pct}.`,
      () => 'Следующее заседание по ставке запланировано через шесть недель.',
      () => 'После объявления курс национальной валюты почти не изменился.',
      () => 'Деловые объединения призвали регулятор учитывать влияние решения на инвестиции.',
    ],
  }),
}
