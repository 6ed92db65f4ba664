// Politics: a minister resigns or is replaced.

import { defineKind, type KindSpec } from '../../kind.ts'
import { cap } from '../../lexicon.ts'
import type { EnCtx } from '../../words.en.ts'
import type { RuCtx } from '../../words.ru.ts'
import { PARLIAMENTARY } from '../countries.ts'

export const cabinet = {
  spec: { dateline: 'capital', countries: PARLIAMENTARY, tags: ['parliament'] } satisfies KindSpec,
  en: defineKind<EnCtx, string>({
    topics: [
      'transport minister',
      'health minister',
      'finance minister',
      'interior minister',
      'energy minister',
    ],
    quotes: [
      'Reshuffles are often about managing the party as much as the ministry',
      'The government has less room for manoeuvre than it did a year ago',
    ],
    headlines: [
      (c, t) => `${c.country.adj} ${t} resigns after weeks of pressure`,
      (c, t) => `${c.country.adj} prime minister replaces ${t} in cabinet reshuffle`,
      (c, t) => `${c.country.adj} government names new ${t}`,
    ],
    deks: [
      () => 'The outgoing minister denied any wrongdoing.',
      () => 'Opposition parties called for a full parliamentary inquiry.',
    ],
    leads: [
      (c, t) =>
        `The ${t} of ${c.country.name} stepped down ${c.day}, the government said, after weeks of criticism over a procurement dispute.`,
      (c, t) =>
        `The prime minister of ${c.country.name} appointed a new ${t} ${c.day}, replacing the incumbent after weeks of criticism over a procurement dispute.`,
    ],
    facts: [
      () => 'It is the third change in the cabinet this year.',
      () => 'A deputy minister will run the department until the handover.',
      () => "The government's majority in parliament is not affected.",
      () => 'An internal review of the contracts is under way.',
    ],
  }),
  ru: defineKind<RuCtx, { nom: string; acc: string }>({
    topics: [
      { nom: 'министр транспорта', acc: 'министра транспорта' },
      { nom: 'министр здравоохранения', acc: 'министра здравоохранения' },
      { nom: 'министр финансов', acc: 'министра финансов' },
      { nom: 'министр внутренних дел', acc: 'министра внутренних дел' },
      { nom: 'министр энергетики', acc: 'министра энергетики' },
    ],
    quotes: [
      'Перестановки часто связаны с управлением партией не меньше, чем с управлением министерством',
      'У правительства меньше пространства для маневра, чем год назад',
    ],
    headlines: [
      (c, t) => `${cap(t.nom)} ${c.country.gen} ушел в отставку после нескольких недель давления`,
      (c, t) => `Премьер-министр ${c.country.gen} сменил ${t.acc} в ходе перестановок в кабинете`,
      (c, t) => `В правительстве ${c.country.gen} назначен новый ${t.nom}`,
    ],
    deks: [
      () => 'Покидающий пост министр отрицает какие-либо нарушения.',
      () => 'Оппозиционные партии потребовали полноценного парламентского расследования.',
    ],
    leads: [
      (c, t) =>
        `${cap(t.nom)} ${c.country.gen} ${c.day} ушел в отставку, сообщило правительство. Этому предшествовали несколько недель критики из-за спора вокруг госзакупок.`,
      (c, t) =>
        `Премьер-министр ${c.country.gen} ${c.day} назначил нового ${t.acc}, сменив его предшественника после нескольких недель критики из-за спора вокруг госзакупок.`,
    ],
    facts: [
      () => 'Это уже третья перестановка в кабинете в этом году.',
      () => 'До передачи дел ведомством будет руководить заместитель министра.',
      () => 'На большинстве правительства в парламенте это не отразится.',
      () => 'Сейчас проводится внутренняя проверка контрактов.',
    ],
  }),
}
