// Words and their stems in an edition's language: the same on the indexed text and the query, so
// "переговоры" finds "переговорах" and "negotiations" finds "negotiation" on either database.
import { newStemmer } from 'snowball-stemmers'

/** Snowball algorithms by language code; an edition in another language is matched word for word. */
const ALGORITHMS: Record<string, string> = {
  ar: 'arabic',
  ca: 'catalan',
  cs: 'czech',
  da: 'danish',
  de: 'german',
  en: 'english',
  es: 'spanish',
  eu: 'basque',
  fi: 'finnish',
  fr: 'french',
  ga: 'irish',
  hu: 'hungarian',
  hy: 'armenian',
  it: 'italian',
  nb: 'norwegian',
  nl: 'dutch',
  nn: 'norwegian',
  no: 'norwegian',
  pt: 'portuguese',
  ro: 'romanian',
  ru: 'russian',
  sl: 'slovene',
  sv: 'swedish',
  ta: 'tamil',
  tr: 'turkish',
}

/** Longer "words" are noise (a pasted hash, a run of letters) and are cut, not stemmed whole. */
export const MAX_WORD = 48

// Letters, digits and combining marks, with inner apostrophes (minister's, l'Europe) kept in.
const WORD = /[\p{L}\p{N}\p{M}]+(?:['’][\p{L}\p{N}\p{M}]+)*/gu
const CYRILLIC = /[\u0400-\u04ff]/
const LATIN_ONLY = /^[\p{Script=Latin}\p{N}\p{M}']+$/u

export interface Word {
  text: string
  /** Offset of the word in the text, in UTF-16 units. */
  start: number
}

/** The words of a text, in order, with where each starts. */
export function wordsOf(text: string): Word[] {
  const words: Word[] = []
  for (const match of text.matchAll(WORD)) words.push({ text: match[0], start: match.index })
  return words
}

/** How a word is compared: NFKC, lower case, ё as е, straight apostrophes, at most MAX_WORD long. */
export function normalizeWord(word: string): string {
  return word
    .normalize('NFKC')
    .toLowerCase()
    .replaceAll('ё', 'е')
    .replaceAll('’', "'")
    .slice(0, MAX_WORD)
}

export type Stem = (word: string) => string

const CACHE_LIMIT = 100_000
const stemmers = new Map<string, Stem>()

function cached(stem: (word: string) => string): Stem {
  // Stemming costs microseconds; a newsroom's vocabulary is a few tens of thousands of words.
  const seen = new Map<string, string>()
  return (word) => {
    let result = seen.get(word)
    if (result === undefined) {
      if (seen.size >= CACHE_LIMIT) seen.clear()
      result = stem(word)
      seen.set(word, result)
    }
    return result
  }
}

function snowball(algorithm: string | undefined): (word: string) => string {
  if (!algorithm) return (word) => word
  const stemmer = newStemmer(algorithm)
  return (word) => stemmer.stem(word) || word
}

/**
 * The stem of a normalized word for an edition's locale ("ru-RU", "en-GB"). Cyrillic words are
 * stemmed as Russian in any edition, and Latin ones as English in a Russian edition, as
 * PostgreSQL's own russian configuration does.
 */
export function stemmerFor(locale: string): Stem {
  const language = locale.split('-')[0]!.toLowerCase()
  let stem = stemmers.get(language)
  if (!stem) {
    const own = snowball(ALGORITHMS[language])
    const russian = language === 'ru' ? own : snowball('russian')
    const latin = language === 'ru' ? snowball('english') : own
    stem = cached((word) => {
      if (CYRILLIC.test(word)) return russian(word)
      return LATIN_ONLY.test(word) ? latin(word) : own(word)
    })
    stemmers.set(language, stem)
  }
  return stem
}

/** A text as the space-separated stems of its words: what the SQLite index holds. */
export function stemmedText(text: string, stem: Stem): string {
  const out: string[] = []
  for (const match of text.matchAll(WORD)) out.push(stem(normalizeWord(match[0])))
  return out.join(' ')
}

/** Text as it is indexed on either database: NFKC, with ё as е (readers rarely type the ё). */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').replaceAll('ё', 'е').replaceAll('Ё', 'Е')
}
