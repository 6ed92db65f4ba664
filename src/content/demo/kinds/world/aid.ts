// World: international aid for a country.

import { past } from '../../grammar.ru.ts'
import { defineKind, type KindSpec } from '../../kind.ts'
import { cap } from '../../lexicon.ts'
import type { EnCtx } from '../../words.en.ts'
import type { RuCtx } from '../../words.ru.ts'
import { AID_RECIPIENTS } from '../countries.ts'

export const aid = {
  spec: {
    dateline: 'capital',
    countries: AID_RECIPIENTS,
    orgs: ['eu', 'un', 'imf', 'world-bank'],
    tags: ['diplomacy'],
  } satisfies KindSpec,
  en: defineKind<EnCtx, string>({
    topics: [
      'reconstruction',
      'food security',
      'public health',
      'clean water projects',
      'school repairs',
    ],
    quotes: [
      'The money matters, but so do the conditions attached to it',
      'Transparency in how the funds are spent will decide whether this works',
    ],
    headlines: [
      (c, t) => `${c.org.short} approves ${c.amount} for ${t} in ${c.country.name}`,
      (c, t) => `${c.country.short} secures ${c.amount} in international funding for ${t}`,
      (c, t) => `Donors pledge ${c.amount} to help ${c.country.name} with ${t}`,
    ],
    deks: [
      () =>
        'The first tranche is expected within weeks, subject to conditions on transparency and spending controls.',
      (c) =>
        `Officials in ${c.city} welcomed the decision and said the funds would be spent over three years.`,
    ],
    leads: [
      (c, t) =>
        `${cap(c.org.long)} ${c.day} approved ${c.amount} in support for ${c.country.name}, to be spent mainly on ${t}, according to a statement released after a board meeting.`,
      (c, t) =>
        `International donors have pledged ${c.amount} to ${c.country.name}, with most of the money earmarked for ${t}, officials said ${c.day}.`,
    ],
    facts: [
      () => 'The funds will be disbursed in several tranches and tied to progress on reforms.',
      () => 'Independent auditors will monitor how the money is spent.',
      () => 'The country received a smaller package two years ago.',
      () => 'Opposition politicians have called for the terms of the deal to be made public.',
    ],
  }),
  ru: defineKind<RuCtx, string>({
    topics: [
      'на восстановление',
      'на обеспечение продовольственной безопасности',
      'на нужды здравоохранения',
      'на проекты по водоснабжению',
      'на ремонт школ',
    ],
    quotes: [
      'Деньги важны, но не менее важны условия, на которых они выделяются',
      'Успех будет зависеть от прозрачности расходования средств',
    ],
    headlines: [
      (c, t) => `${c.org.nom} ${past(c.org, 'выделил')} ${c.country.dat} ${c.amount} ${t}`,
      (c, t) =>
        `${c.country.nom} ${past(c.country, 'получил')} ${c.amount} международной помощи ${t}`,
      (c, t) => `Доноры пообещали ${c.country.dat} ${c.amount} ${t}`,
    ],
    deks: [
      () =>
        'Первый транш ожидается в ближайшие недели при условии соблюдения требований к прозрачности и контролю расходов.',
      (c) =>
        `${cap(c.city.loc)} приветствовали решение и заявили, что средства будут израсходованы в течение трех лет.`,
    ],
    leads: [
      (c, t) =>
        `${c.org.nom} ${c.day} ${past(c.org, 'одобрил')} выделение ${c.country.dat} ${c.amount} ${t}, говорится в заявлении, опубликованном по итогам заседания совета.`,
      (c, t) =>
        `Международные доноры пообещали ${c.country.dat} ${c.amount}, большая часть средств пойдет ${t}, сообщили ${c.day} официальные лица.`,
    ],
    facts: [
      () => 'Средства будут выделяться несколькими траншами при условии продвижения реформ.',
      () => 'За расходованием средств будут следить независимые аудиторы.',
      () => 'Два года назад страна получила пакет помощи меньшего объема.',
      () => 'Оппозиционные политики потребовали обнародовать условия соглашения.',
    ],
  }),
}
