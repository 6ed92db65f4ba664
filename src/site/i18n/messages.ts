// The UI catalogue of each locale, and a translator bound to one edition.
import { en, type MessageKey } from './en.ts'
import { ru } from './ru.ts'

export type { MessageKey }

export const catalogues: Record<string, Record<MessageKey, string>> = { en, ru }

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string

const language = (locale: string) => locale.split('-')[0]!.toLowerCase()

/** Editions are only created in languages that have a catalogue. */
export function hasCatalogue(locale: string): boolean {
  return language(locale) in catalogues
}

/** The catalogue for a locale such as "ru-RU". */
export function translator(locale: string): Translate {
  const catalogue = catalogues[language(locale)]
  if (!catalogue) throw new Error(`no UI catalogue for ${locale}`)
  return (key, params) => {
    const text = catalogue[key]
    if (!params) return text
    return text.replace(/\{(\w+)\}/g, (match, name: string) =>
      name in params ? String(params[name]) : match,
    )
  }
}
