// Defense: military exercises.

import { past } from '../../grammar.ru.ts'
import { defineKind, type KindSpec } from '../../kind.ts'
import { cap } from '../../lexicon.ts'
import type { EnCtx } from '../../words.en.ts'
import type { RuCtx } from '../../words.ru.ts'
import { ARMED } from '../countries.ts'

export const exercises = {
  spec: {
    dateline: 'capital',
    countries: ARMED,
    tags: ['armed-forces'],
    ownQuotesOnly: true,
  } satisfies KindSpec,
  en: defineKind<EnCtx, string>({
    topics: [
      'naval exercises',
      'air defence drills',
      'large-scale military exercises',
      'joint exercises with allies',
      'snap combat readiness checks',
    ],
    quotes: [
      'Exercises like these are as much about signalling as about training',
      'Transparency reduces the risk of miscalculation',
      'Neighbours will read this as a message, whatever the official explanation',
    ],
    headlines: [
      (c, t) => `${c.country.short} begins ${t}`,
      (c, t) => `${c.troops} take part in ${c.country.adj} ${t}`,
      (c, t) => `${c.country.adj} ${t} draw attention from neighbours`,
    ],
    deks: [
      () =>
        'The defence ministry said the exercises had been planned in advance and were not directed at any country.',
      (c) => `The drills are due to last ${c.days} and will include a live-fire phase.`,
    ],
    leads: [
      (c, t) =>
        `${cap(c.country.name)} began ${t} ${c.day}, involving ${c.troops} as well as ships and aircraft, the defence ministry said.`,
      (c, t) =>
        `The armed forces of ${c.country.name} launched ${t} ${c.day}, practising air defence, logistics and search-and-rescue operations, according to military officials.`,
    ],
    facts: [
      () => 'Observers from neighbouring countries were invited to parts of the exercise.',
      () => 'Shipping and aviation in the area were advised to follow temporary warnings.',
      () => 'Similar drills were held last year.',
      () => 'Military officials said the results would be reviewed at a meeting of commanders.',
    ],
  }),
  ru: defineKind<RuCtx, { acc: string; loc: string }>({
    topics: [
      { acc: 'военно-морские учения', loc: 'в военно-морских учениях' },
      { acc: 'учения по противовоздушной обороне', loc: 'в учениях по противовоздушной обороне' },
      { acc: 'масштабные военные учения', loc: 'в масштабных военных учениях' },
      { acc: 'совместные учения с союзниками', loc: 'в совместных учениях с союзниками' },
      { acc: 'внезапные проверки боеготовности', loc: 'во внезапных проверках боеготовности' },
    ],
    quotes: [
      'Такие учения — это не только тренировка, но и сигнал',
      'Прозрачность снижает риск просчетов',
      'Соседи воспримут это как послание, каким бы ни было официальное объяснение',
    ],
    headlines: [
      (c, t) => `${c.country.nom} ${past(c.country, 'начал')} ${t.acc}`,
      (c, t) => `${cap(t.loc)} ${c.country.gen} участвуют ${c.troops}`,
      (c, t) => `${cap(t.acc)} ${c.country.gen} привлекли внимание соседних стран`,
    ],
    deks: [
      () =>
        'Министерство обороны заявило, что учения были запланированы заранее и не направлены против какой-либо страны.',
      (c) => `Учения продлятся ${c.days} и включат этап с боевыми стрельбами.`,
    ],
    leads: [
      (c, t) =>
        `${c.country.nom} ${c.day} ${past(c.country, 'начал')} ${t.acc} с участием ${c.troops}, а также кораблей и авиации, сообщило министерство обороны.`,
      (c, t) =>
        `Вооруженные силы ${c.country.gen} ${c.day} начали ${t.acc}, в ходе которых отрабатываются противовоздушная оборона, логистика и поисково-спасательные операции, сообщили военные.`,
    ],
    facts: [
      () => 'На отдельные этапы учений были приглашены наблюдатели из соседних стран.',
      () => 'Судам и самолетам в этом районе рекомендовано учитывать временные предупреждения.',
      () => 'Аналогичные учения проходили в прошлом году.',
      () => 'По словам военных, итоги учений будут разобраны на совещании командования.',
    ],
  }),
}
