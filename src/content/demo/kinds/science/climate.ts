// Science: climate monitoring data.

import { defineKind, type KindSpec } from '../../kind.ts'
import type { EnCtx } from '../../words.en.ts'
import type { RuCtx } from '../../words.ru.ts'
import { NORTHERN } from '../countries.ts'

export const climate = {
  spec: {
    dateline: 'capital',
    countries: NORTHERN,
    tags: ['climate', 'arctic'],
    ownQuotesOnly: true,
  } satisfies KindSpec,
  en: defineKind<EnCtx, string>({
    topics: ['Arctic sea ice', 'mountain glaciers', 'permafrost', 'river ice', 'winter snow cover'],
    quotes: [
      'Good data is the foundation for every decision that follows',
      'The trend is clear even if individual years vary',
      'Communities in the north are already adapting to these changes',
    ],
    headlines: [
      (c, t) => `Monitoring data from ${c.country.name} show ${t} shrinking faster than expected`,
      (c, t) => `Scientists in ${c.country.name} warn over decline in ${t}`,
      (c, t) => `${c.country.adj} researchers track changes in ${t} from space`,
    ],
    deks: [
      () => 'The findings will feed into an international assessment due next year.',
      () => 'The researchers called for more ground-based measurements to confirm the trend.',
    ],
    leads: [
      (c, t) =>
        `The extent of ${t} has declined ${c.pct} compared with the long-term average, according to data published ${c.day} by researchers in ${c.country.name}.`,
      (c, t) =>
        `Researchers in ${c.country.name} said ${c.day} that the retreat of ${t} was faster than models had predicted, based on a decade of satellite observations.`,
    ],
    facts: [
      () => 'Measurements have been collected continuously since the early 2000s.',
      () => 'Year-to-year variation remains large.',
      () => 'The changes affect transport routes and local communities.',
      () => 'The dataset has been shared with other research groups.',
    ],
  }),
  ru: defineKind<RuCtx, string>({
    topics: [
      'арктического морского льда',
      'горных ледников',
      'вечной мерзлоты',
      'речного льда',
      'зимнего снежного покрова',
    ],
    quotes: [
      'Качественные данные — основа для всех последующих решений',
      'Тенденция очевидна, даже если отдельные годы различаются',
      'Жители северных районов уже приспосабливаются к этим изменениям',
    ],
    headlines: [
      (c, t) => `Данные мониторинга из ${c.country.gen}: площадь ${t} сокращается быстрее ожиданий`,
      (c, t) => `Ученые из ${c.country.gen} предупреждают о сокращении ${t}`,
      (c, t) => `Исследователи из ${c.country.gen} отслеживают изменения ${t} из космоса`,
    ],
    deks: [
      () => 'Результаты войдут в международный доклад, который будет опубликован в следующем году.',
      () => 'Исследователи призвали расширить наземные измерения, чтобы подтвердить тенденцию.',
    ],
    leads: [
      (c, t) =>
        `Площадь ${t} сократилась на ${c.pct} по сравнению со средним многолетним значением, свидетельствуют данные, опубликованные ${c.day} исследователями из ${c.country.gen}.`,
      (c, t) =>
        `Исследователи из ${c.country.gen} ${c.day} заявили, что, по данным спутниковых наблюдений за десять лет, сокращение ${t} идет быстрее, чем предсказывали модели.`,
    ],
    facts: [
      () => 'Измерения непрерывно ведутся с начала 2000-х годов.',
      () => 'Колебания от года к году остаются значительными.',
      () => 'Изменения влияют на транспортные маршруты и жизнь местных сообществ.',
      () => 'Набор данных передан другим исследовательским группам.',
    ],
  }),
}
