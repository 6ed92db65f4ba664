// Defense: defence ministers' meetings.
import { defineKind, type KindSpec } from '../../kind.ts'
import type { EnCtx } from '../../words.en.ts'
import type { RuCtx } from '../../words.ru.ts'

export const ministers = {
  spec: {
    dateline: 'org',
    orgs: ['nato', 'sco', 'eu'],
    tags: ['diplomacy', 'armed-forces'],
  } satisfies KindSpec,
  en: defineKind<EnCtx, string>({
    topics: [
      'air defence',
      'arms control',
      'border security',
      'cyber defence',
      'military transparency',
    ],
    quotes: [
      'Meetings like this matter more for the working groups than for the headlines',
      'Cooperation is easier to announce than to organise',
    ],
    headlines: [
      (c, t) => `${c.org.short} defence ministers meet in ${c.city} to discuss ${t}`,
      (c, t) => `${c.org.short} ministers agree to step up cooperation on ${t}`,
      (c, t) => `Talks on ${t} dominate ${c.org.short} meeting in ${c.city}`,
    ],
    deks: [
      () =>
        'Officials said no new commitments were expected, but the meeting would set priorities for the coming year.',
      () => 'Several delegations pressed for faster decisions on joint procurement.',
    ],
    leads: [
      (c, t) =>
        `Defence ministers from ${c.org.members} gathered in ${c.city} ${c.day} for talks focused on ${t}, as officials sought to agree priorities for the coming year.`,
      (c, t) =>
        `${c.org.short} ministers agreed ${c.day} to deepen cooperation on ${t}, according to a statement issued at the end of their meeting in ${c.city}.`,
    ],
    facts: [
      () => 'The meeting was held behind closed doors.',
      () => 'A progress report is due at the next ministerial meeting.',
      () => 'Several ministers held bilateral talks on the sidelines.',
      () => 'Officials said joint planning had improved over the past year.',
    ],
  }),
  ru: defineKind<RuCtx, string>({
    topics: [
      'противовоздушной обороны',
      'контроля над вооружениями',
      'безопасности границ',
      'киберзащиты',
      'военной прозрачности',
    ],
    quotes: [
      'Такие встречи важнее для рабочих групп, чем для заголовков',
      'Сотрудничество легче объявить, чем наладить',
    ],
    headlines: [
      (c, t) => `Министры обороны ${c.org.members} обсуждают ${c.city.loc} вопросы ${t}`,
      (c, t) => `Министры ${c.org.members} договорились расширить сотрудничество в области ${t}`,
      (c, t) => `Вопросы ${t} стали главной темой встречи ${c.org.gen} ${c.city.loc}`,
    ],
    deks: [
      () =>
        'По словам официальных лиц, новых обязательств не ожидается, однако на встрече будут определены приоритеты на предстоящий год.',
      () => 'Ряд делегаций настаивал на ускорении решений по совместным закупкам.',
    ],
    leads: [
      (c, t) =>
        `Министры обороны ${c.org.members} ${c.day} собрались ${c.city.loc} на переговоры, посвященные вопросам ${t}: стороны намерены согласовать приоритеты на предстоящий год.`,
      (c, t) =>
        `Министры ${c.org.members} ${c.day} договорились углубить сотрудничество в области ${t}, говорится в заявлении, принятом по итогам встречи ${c.city.loc}.`,
    ],
    facts: [
      () => 'Встреча прошла в закрытом режиме.',
      () => 'Отчет о ходе работы должен быть представлен на следующей встрече министров.',
      () => 'Несколько министров провели двусторонние переговоры на полях встречи.',
      () =>
        'По словам официальных лиц, за последний год совместное планирование стало эффективнее.',
    ],
  }),
}
