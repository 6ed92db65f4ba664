// Russian agreement helpers: verb endings by gender and number, noun forms after numerals.

export type Gender = 'm' | 'f' | 'n' | 'pl'

/** A noun phrase with its gender, for the verbs that must agree with it. */
export interface Agrees {
  g: Gender
}

/** Past tense agreeing with its subject; takes the masculine form ending in -л or -лся. */
export function past(subject: Agrees, masculine: string): string {
  const reflexive = masculine.endsWith('ся')
  const stem = reflexive ? masculine.slice(0, -2) : masculine
  const ending = { m: '', f: 'а', n: 'о', pl: 'и' }[subject.g]
  if (!reflexive) return stem + ending
  return stem + (subject.g === 'm' ? 'ся' : `${ending}сь`)
}

/** Present or future tense: singular or plural form by the subject. */
export function verb(subject: Agrees, singular: string, plural: string): string {
  return subject.g === 'pl' ? plural : singular
}

/** The noun form after a number: 1 день, 2 дня, 5 дней. */
export function plural(n: number, one: string, few: string, many: string): string {
  const tens = n % 100
  const units = n % 10
  if (tens >= 11 && tens <= 14) return many
  if (units === 1) return one
  if (units >= 2 && units <= 4) return few
  return many
}
