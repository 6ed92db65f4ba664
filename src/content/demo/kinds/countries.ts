// Groups of countries that suit a kind of story, so a minister's resignation happens where there are ministers.
import type { CountryKey } from '../lexicon.ts'

export const AID_RECIPIENTS = [
  'egypt',
  'serbia',
  'indonesia',
  'argentina',
  'vietnam',
  'kazakhstan',
  'south-africa',
  'mexico',
] as const satisfies readonly CountryKey[]

export const ABROAD = [
  'china',
  'usa',
  'germany',
  'france',
  'uk',
  'india',
  'japan',
  'turkey',
  'brazil',
  'poland',
  'italy',
  'indonesia',
  'mexico',
  'argentina',
  'serbia',
  'south-africa',
] as const satisfies readonly CountryKey[]

export const HOME = ['russia'] as const satisfies readonly CountryKey[]

export const OWN_CURRENCY = [
  'russia',
  'usa',
  'uk',
  'japan',
  'china',
  'india',
  'turkey',
  'brazil',
  'poland',
  'kazakhstan',
  'mexico',
  'norway',
  'indonesia',
  'south-africa',
] as const satisfies readonly CountryKey[]

export const TRADERS = [
  'russia',
  'saudi-arabia',
  'norway',
  'kazakhstan',
  'india',
  'china',
  'brazil',
  'usa',
] as const satisfies readonly CountryKey[]

export const ARMED = [
  'russia',
  'china',
  'usa',
  'uk',
  'france',
  'germany',
  'japan',
  'india',
  'turkey',
  'poland',
  'italy',
  'norway',
  'finland',
] as const satisfies readonly CountryKey[]

export const BUYERS = [
  'poland',
  'india',
  'turkey',
  'japan',
  'germany',
  'norway',
  'finland',
  'indonesia',
  'brazil',
  'egypt',
  'saudi-arabia',
  'italy',
  'vietnam',
  'kazakhstan',
  'serbia',
] as const satisfies readonly CountryKey[]

export const DEMOCRACIES = [
  'germany',
  'france',
  'uk',
  'italy',
  'poland',
  'japan',
  'india',
  'brazil',
  'mexico',
  'argentina',
  'indonesia',
  'south-africa',
  'serbia',
  'finland',
  'norway',
  'turkey',
] as const satisfies readonly CountryKey[]

export const PARLIAMENTARY = [
  'uk',
  'italy',
  'poland',
  'japan',
  'india',
  'serbia',
  'finland',
  'norway',
  'france',
] as const satisfies readonly CountryKey[]

export const COALITIONS = [
  'germany',
  'italy',
  'poland',
  'finland',
  'norway',
  'serbia',
  'south-africa',
  'japan',
] as const satisfies readonly CountryKey[]

export const SPACEFARING = [
  'russia',
  'china',
  'usa',
  'india',
  'japan',
  'iran',
  'turkey',
  'brazil',
] as const satisfies readonly CountryKey[]

export const REGULATORS = [
  'uk',
  'usa',
  'japan',
  'india',
  'brazil',
  'germany',
  'france',
  'russia',
  'china',
  'kazakhstan',
  'indonesia',
] as const satisfies readonly CountryKey[]

export const NORTHERN = [
  'norway',
  'finland',
  'russia',
  'usa',
  'japan',
  'china',
  'germany',
  'uk',
] as const satisfies readonly CountryKey[]
