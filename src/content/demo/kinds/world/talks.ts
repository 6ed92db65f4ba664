// World: talks between two governments.
import { defineKind, type KindSpec } from '../../kind.ts'
import { cap } from '../../lexicon.ts'
import type { EnCtx } from '../../words.en.ts'
import type { RuCtx } from '../../words.ru.ts'

export const talks = {
  spec: { dateline: 'capital', tags: ['diplomacy', 'trade'] } satisfies KindSpec,
  en: defineKind<EnCtx, string>({
    topics: [
      'trade',
      'visa rules',
      'energy supplies',
      'fishing rights',
      'border demarcation',
      'cargo transit',
    ],
    quotes: [
      'Diplomacy rarely produces quick wins, and this is no exception',
      'Both sides need an agreement more than they admit in public',
    ],
    headlines: [
      (c, t) =>
        `${c.country.short} and ${c.partner.short} resume talks on ${t} after months of deadlock`,
      (c, t) =>
        `Diplomats from ${c.country.name} and ${c.partner.name} meet in ${c.city} to discuss ${t}`,
      (c, t) => `${c.country.short} and ${c.partner.short} report progress in talks on ${t}`,
    ],
    deks: [
      () =>
        'The two governments said a working group would meet again within a month, though officials cautioned that differences remain.',
      () => 'Both sides called the meeting constructive but disclosed few details.',
    ],
    leads: [
      (c, t) =>
        `Senior diplomats from ${c.country.name} and ${c.partner.name} met in ${c.city} ${c.day} for the first round of talks on ${t} since the spring, according to officials familiar with the schedule.`,
      (c, t) =>
        `${cap(c.country.name)} and ${c.partner.name} agreed ${c.day} to resume negotiations on ${t}, ending a pause that had lasted most of the year.`,
    ],
    facts: [
      (c) =>
        `Trade between the two countries reached ${c.amount} last year, according to official figures.`,
      () => 'The previous round of talks ended without a joint statement.',
      () => 'A working group of experts is due to report back by the end of the quarter.',
      () => 'Neither side has published a draft of the proposed agreement.',
    ],
  }),
  ru: defineKind<RuCtx, { po: string; gen: string }>({
    topics: [
      { po: 'по торговле', gen: 'торговли' },
      { po: 'по визовому режиму', gen: 'визового режима' },
      { po: 'по поставкам энергоносителей', gen: 'поставок энергоносителей' },
      { po: 'по рыболовству', gen: 'рыболовства' },
      { po: 'по демаркации границы', gen: 'демаркации границы' },
      { po: 'по транзиту грузов', gen: 'транзита грузов' },
    ],
    quotes: [
      'Дипломатия редко приносит быстрые победы, и этот случай не исключение',
      'Обеим сторонам соглашение нужнее, чем они признают публично',
    ],
    headlines: [
      (c, t) =>
        `${c.country.nom} и ${c.partner.nom} возобновили переговоры ${t.po} после нескольких месяцев застоя`,
      (c, t) =>
        `Дипломаты ${c.country.gen} и ${c.partner.gen} обсуждают ${c.city.loc} вопросы ${t.gen}`,
      (c, t) => `${c.country.nom} и ${c.partner.nom} сообщили о прогрессе на переговорах ${t.po}`,
    ],
    deks: [
      () =>
        'Правительства двух стран заявили, что рабочая группа снова соберется в течение месяца, однако чиновники предупредили, что разногласия сохраняются.',
      () => 'Стороны назвали встречу конструктивной, но почти не раскрыли подробностей.',
    ],
    leads: [
      (c, t) =>
        `Высокопоставленные дипломаты ${c.country.gen} и ${c.partner.gen} ${c.day} провели ${c.city.loc} первый с весны раунд переговоров ${t.po}, сообщили источники, знакомые с графиком встреч.`,
      (c, t) =>
        `${c.country.nom} и ${c.partner.nom} ${c.day} договорились возобновить переговоры ${t.po}, прервав паузу, которая длилась большую часть года.`,
    ],
    facts: [
      (c) => `По официальным данным, товарооборот двух стран в прошлом году составил ${c.amount}.`,
      () => 'Предыдущий раунд переговоров завершился без совместного заявления.',
      () => 'Рабочая группа экспертов должна представить доклад до конца квартала.',
      () => 'Ни одна из сторон не опубликовала проект предлагаемого соглашения.',
    ],
  }),
}
