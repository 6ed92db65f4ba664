// World: a summit of an international group.
import { defineKind, type KindSpec } from '../../kind.ts'
import type { EnCtx } from '../../words.en.ts'
import type { RuCtx } from '../../words.ru.ts'

export const summit = {
  spec: {
    dateline: 'org',
    orgs: ['eu', 'g20', 'brics', 'sco'],
    tags: ['diplomacy'],
  } satisfies KindSpec,
  en: defineKind<EnCtx, string>({
    topics: [
      'climate finance',
      'migration',
      'energy security',
      'food security',
      'debt relief',
      'artificial intelligence',
    ],
    quotes: [
      'Summits like this are judged by what happens after the cameras leave',
      'What happens here will be watched closely well beyond the region',
    ],
    headlines: [
      (c, t) => `${c.org.short} leaders gather in ${c.city} for summit on ${t}`,
      (c, t) => `${c.org.short} summit ends with joint statement on ${t} but no timetable`,
      (c, t) => `Divisions over ${t} overshadow ${c.org.short} summit in ${c.city}`,
    ],
    deks: [
      () =>
        'Host officials said the final communique was still being negotiated late into the night.',
      () =>
        'Delegations arrived with competing proposals, and diplomats played down hopes of a quick deal.',
    ],
    leads: [
      (c, t) =>
        `Leaders and senior officials from ${c.org.long} opened a two-day summit in ${c.city} ${c.day}, with ${t} at the top of a crowded agenda.`,
      (c, t) =>
        `A summit of ${c.org.short} leaders in ${c.city} ended ${c.day} with a joint statement on ${t}, though it set no binding targets.`,
    ],
    facts: [
      () => 'Several heads of government sent deputies rather than attending in person.',
      (c) => `Organisers said the next meeting would be held in ${c.partnerCapital} next year.`,
      () => 'Aid groups said the commitments fell short of what was needed.',
      () => 'Side meetings on trade and security took place on the margins of the summit.',
    ],
  }),
  ru: defineKind<RuCtx, string>({
    topics: [
      'климатического финансирования',
      'миграции',
      'энергетической безопасности',
      'продовольственной безопасности',
      'облегчения долгового бремени',
      'искусственного интеллекта',
    ],
    quotes: [
      'О таких саммитах судят по тому, что происходит после отъезда камер',
      'За происходящим здесь будут внимательно следить далеко за пределами региона',
    ],
    headlines: [
      (c, t) => `Лидеры ${c.org.members} собрались ${c.city.loc} на саммит по вопросам ${t}`,
      (c, t) =>
        `Саммит ${c.org.gen} завершился общим заявлением по вопросам ${t}, но без конкретных сроков`,
      (c, t) => `Разногласия по вопросам ${t} омрачили саммит ${c.org.gen} ${c.city.loc}`,
    ],
    deks: [
      () =>
        'По словам представителей принимающей стороны, текст итогового коммюнике согласовывали до поздней ночи.',
      () =>
        'Делегации привезли конкурирующие предложения, и дипломаты не ожидают быстрой договоренности.',
    ],
    leads: [
      (c, t) =>
        `Лидеры и высокопоставленные представители ${c.org.members} ${c.day} открыли ${c.city.loc} двухдневный саммит, главной темой которого стали вопросы ${t}.`,
      (c, t) =>
        `Саммит ${c.org.gen} ${c.city.loc} завершился ${c.day} принятием совместного заявления по вопросам ${t}, однако обязательных целей в нем не установлено.`,
    ],
    facts: [
      () => 'Несколько глав правительств прислали вместо себя заместителей.',
      (c) =>
        `По словам организаторов, следующая встреча пройдет ${c.partnerCapital.loc} в следующем году.`,
      () => 'Гуманитарные организации заявили, что принятых обязательств недостаточно.',
      () => 'На полях саммита прошли отдельные встречи по вопросам торговли и безопасности.',
    ],
  }),
}
