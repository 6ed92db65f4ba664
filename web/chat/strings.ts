// The island's words: the catalogue entries the page sent, filled in. {n} picks the language's
// plural form (key_one, key_few, key_many) when the catalogue has one.
import type { ChatIslandKey } from '../../src/chat/pages/island-config.ts'

export type Params = Record<string, string | number>
export type Translate = (key: ChatIslandKey, params?: Params) => string

export function translator(strings: Record<string, string>, locale: string): Translate {
  const plural = new Intl.PluralRules(locale)
  const number = new Intl.NumberFormat(locale)
  return (key, params) => {
    const n = params?.n
    const text =
      (typeof n === 'number' ? strings[`${key}_${plural.select(n)}`] : undefined) ?? strings[key]
    if (text === undefined) return key
    if (!params) return text
    return text.replace(/\{(\w+)\}/g, (match, name: string) => {
      const value = params[name]
      if (value === undefined) return match
      return typeof value === 'number' ? number.format(value) : value
    })
  }
}

/** A template cut at its placeholders, so links can go where they stand: "{login} or {register}". */
export function pieces(template: string): Array<string | { name: string }> {
  return template.split(/\{(\w+)\}/).map((part, i) => (i % 2 === 1 ? { name: part } : part))
}
