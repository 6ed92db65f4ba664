// Defense: a cyberattack on infrastructure.

import { past } from '../../grammar.ru.ts'
import { defineKind, type KindSpec } from '../../kind.ts'
import { cap } from '../../lexicon.ts'
import type { EnCtx } from '../../words.en.ts'
import type { RuCtx } from '../../words.ru.ts'

export const cyber = {
  spec: { dateline: 'capital', tags: ['cybersecurity'], ownQuotesOnly: true } satisfies KindSpec,
  en: defineKind<EnCtx, string>({
    topics: [
      'railway ticketing systems',
      'a regional power grid operator',
      'government websites',
      'hospital IT systems',
      'a major port',
    ],
    quotes: [
      'Attacks like this are becoming routine, and so must the response',
      'Backups and drills are what separate an incident from a crisis',
      'Attribution will take time, and may never be made public',
    ],
    headlines: [
      (c, t) => `${c.country.short} reports cyberattack on ${t}`,
      (c, t) => `${c.country.adj} authorities investigate cyberattack on ${t}`,
      (c, t) => `Services restored after cyberattack on ${t} in ${c.country.name}`,
    ],
    deks: [
      () => 'Officials did not say who they believed was responsible.',
      () => 'No personal data appears to have been stolen, according to preliminary findings.',
    ],
    leads: [
      (c, t) =>
        `Authorities in ${c.country.name} said ${c.day} they were investigating a cyberattack on ${t} that caused disruption for several hours.`,
      (c, t) =>
        `A cyberattack on ${t} in ${c.country.name} disrupted services ${c.day} before engineers restored normal operations, officials said.`,
    ],
    facts: [
      () => 'The national cybersecurity agency has sent a team to assist.',
      () => 'Similar incidents have been reported in several countries this year.',
      () => 'Backup systems allowed some services to continue running.',
      () => 'Officials urged organisations to update their software.',
    ],
  }),
  ru: defineKind<RuCtx, string>({
    topics: [
      'на системы продажи железнодорожных билетов',
      'на регионального оператора энергосетей',
      'на государственные сайты',
      'на информационные системы больниц',
      'на крупный порт',
    ],
    quotes: [
      'Такие атаки становятся обыденностью, и реагировать на них нужно так же буднично',
      'Инцидент от кризиса отличают резервные копии и учения',
      'Установление виновных займет время и, возможно, так и не станет публичным',
    ],
    headlines: [
      (c, t) => `${c.country.nom} ${past(c.country, 'сообщил')} о кибератаке ${t}`,
      (c, t) => `${cap(c.country.loc)} расследуют кибератаку ${t}`,
      (c, t) => `Работа сервисов восстановлена после кибератаки ${t} ${c.country.loc}`,
    ],
    deks: [
      () => 'Официальные лица не сообщили, кого считают ответственным за атаку.',
      () => 'По предварительным данным, утечки персональных данных не произошло.',
    ],
    leads: [
      (c, t) =>
        `Власти ${c.country.gen} ${c.day} заявили, что расследуют кибератаку ${t}, которая на несколько часов нарушила работу сервисов.`,
      (c, t) =>
        `Кибератака ${t} ${c.country.loc} ${c.day} вызвала сбои в работе сервисов; позднее специалисты восстановили их нормальное функционирование, сообщили официальные лица.`,
    ],
    facts: [
      () =>
        'На помощь направлена группа специалистов национального агентства по кибербезопасности.',
      () => 'В этом году о подобных инцидентах сообщали несколько стран.',
      () => 'Резервные системы позволили части сервисов продолжить работу.',
      () => 'Чиновники призвали организации обновить программное обеспечение.',
    ],
  }),
}
