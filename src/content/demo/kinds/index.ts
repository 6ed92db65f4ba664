// Every story kind by section; a kind's English and Russian texts are parallel translations.
import type { Kind, KindSpec } from '../kind.ts'
import type { SectionSlug } from '../lexicon.ts'
import type { EnCtx } from '../words.en.ts'
import type { RuCtx } from '../words.ru.ts'
import { cyber } from './defense/cyber.ts'
import { exercises } from './defense/exercises.ts'
import { ministers } from './defense/ministers.ts'
import { purchase } from './defense/purchase.ts'
import { spending } from './defense/spending.ts'
import { deal } from './economy/deal.ts'
import { inflation } from './economy/inflation.ts'
import { prices } from './economy/prices.ts'
import { rates } from './economy/rates.ts'
import { results } from './economy/results.ts'
import { bill } from './politics/bill.ts'
import { cabinet } from './politics/cabinet.ts'
import { coalition } from './politics/coalition.ts'
import { election } from './politics/election.ts'
import { poll } from './politics/poll.ts'
import { budget } from './russia/budget.ts'
import { court } from './russia/court.ts'
import { culture } from './russia/culture.ts'
import { project } from './russia/project.ts'
import { weather } from './russia/weather.ts'
import { climate } from './science/climate.ts'
import { launch } from './science/launch.ts'
import { product } from './science/product.ts'
import { research } from './science/research.ts'
import { rules } from './science/rules.ts'
import { aid } from './world/aid.ts'
import { disaster } from './world/disaster.ts'
import { protests } from './world/protests.ts'
import { summit } from './world/summit.ts'
import { talks } from './world/talks.ts'

export interface KindDef {
  spec: KindSpec
  en: Kind<EnCtx>
  ru: Kind<RuCtx>
}

export const KINDS: Record<SectionSlug, readonly KindDef[]> = {
  world: [talks, summit, protests, disaster, aid],
  russia: [project, weather, budget, culture, court],
  economy: [prices, rates, deal, results, inflation],
  defense: [exercises, purchase, spending, ministers, cyber],
  politics: [election, bill, coalition, poll, cabinet],
  science: [launch, research, rules, climate, product],
}
