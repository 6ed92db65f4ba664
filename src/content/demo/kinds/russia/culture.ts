// Russia: a festival or exhibition in a Russian city.

import { type Agrees, past } from '../../grammar.ru.ts'
import { defineKind, type KindSpec } from '../../kind.ts'
import { cap } from '../../lexicon.ts'
import type { EnCtx } from '../../words.en.ts'
import type { RuCtx } from '../../words.ru.ts'
import { HOME } from '../countries.ts'

export const culture = {
  spec: {
    dateline: 'city',
    countries: HOME,
    tags: ['culture', 'regions'],
    ownQuotesOnly: true,
  } satisfies KindSpec,
  en: defineKind<EnCtx, { a: string; the: string }>({
    topics: [
      { a: 'a jazz festival', the: 'the jazz festival' },
      { a: 'an art exhibition', the: 'the art exhibition' },
      { a: 'a book fair', the: 'the book fair' },
      { a: 'a film festival', the: 'the film festival' },
      { a: 'a street theatre festival', the: 'the street theatre festival' },
    ],
    quotes: [
      'Events like this change how people see the city',
      'Culture brings visitors, and visitors bring business',
      'The audience has grown every year, which says a lot',
    ],
    headlines: [
      (c, t) => `${cap(t.a)} in ${c.city} draws record crowds`,
      (c, t) => `${c.city} hosts ${t.a} as tourism rebounds`,
      (c, t) => `Organisers of ${t.the} in ${c.city} plan bigger event next year`,
    ],
    deks: [
      (c) => `Organisers said more than ${c.count},000 visitors attended over the first weekend.`,
      () => 'Hotels in the city reported high occupancy throughout the week.',
    ],
    leads: [
      (c, t) =>
        `${cap(t.a)} in ${c.city} attracted record crowds ${c.day}, organisers said, helped by mild weather and a programme featuring artists from across the country.`,
      (c, t) =>
        `Thousands of visitors came to ${t.a} in ${c.city} ${c.day}, making it one of the best-attended cultural events in the region this year.`,
    ],
    facts: [
      () => 'Admission to part of the programme was free.',
      () => 'The regional culture ministry provided part of the funding.',
      () => 'Local businesses reported a noticeable rise in visitors.',
      () => 'Several events were streamed online for those unable to attend.',
    ],
  }),
  ru: defineKind<RuCtx, Agrees & { nom: string; acc: string; gen: string }>({
    topics: [
      { nom: 'джазовый фестиваль', acc: 'джазовый фестиваль', gen: 'джазового фестиваля', g: 'm' },
      {
        nom: 'художественная выставка',
        acc: 'художественную выставку',
        gen: 'художественной выставки',
        g: 'f',
      },
      { nom: 'книжная ярмарка', acc: 'книжную ярмарку', gen: 'книжной ярмарки', g: 'f' },
      { nom: 'кинофестиваль', acc: 'кинофестиваль', gen: 'кинофестиваля', g: 'm' },
      {
        nom: 'фестиваль уличного театра',
        acc: 'фестиваль уличного театра',
        gen: 'фестиваля уличного театра',
        g: 'm',
      },
    ],
    quotes: [
      'Такие события меняют восприятие города',
      'Культура привлекает гостей, а гости — бизнес',
      'Аудитория растет с каждым годом, и это о многом говорит',
    ],
    headlines: [
      (c, t) => `${cap(t.nom)} ${c.city.loc} ${past(t, 'собрал')} рекордное число посетителей`,
      (c, t) => `${c.city.nom} принимает ${t.acc} на фоне роста туристического потока`,
      (c, t) =>
        `Организаторы ${t.gen} ${c.city.loc} планируют расширить программу в следующем году`,
    ],
    deks: [
      (c) =>
        `По словам организаторов, за первые выходные мероприятие посетили более ${c.count} тыс. человек.`,
      () => 'Гостиницы города сообщили о высокой загрузке в течение всей недели.',
    ],
    leads: [
      (c, t) =>
        `${cap(t.nom)} ${c.city.loc} ${c.day} ${past(t, 'собрал')} рекордное число посетителей, сообщили организаторы. Этому способствовали теплая погода и программа с участием артистов со всей страны.`,
      (c, t) =>
        `${cap(c.day)} ${t.acc} ${c.city.loc} посетили тысячи человек — это одно из самых посещаемых культурных событий региона в этом году.`,
    ],
    facts: [
      () => 'Вход на часть мероприятий был бесплатным.',
      () => 'Часть финансирования предоставило региональное министерство культуры.',
      () => 'Местный бизнес отметил заметный рост числа посетителей.',
      () => 'Часть мероприятий транслировалась онлайн для тех, кто не смог приехать.',
    ],
  }),
}
