// A reader's search as terms (words, "quoted phrases", -excluded ones), and the same search written
// for each database. Whatever was typed, only words reach the database, each quoted.
import { normalizeWord, type Stem } from './stemmer.ts'

/** Longer queries are refused: nobody types them, and they only cost. */
export const MAX_QUERY_LENGTH = 256
/** Words past this many are dropped. */
export const MAX_WORDS = 24

export interface Term {
  /** Normalized words: one for a word, several for a phrase. */
  words: string[]
  exclude: boolean
}

export interface ParsedQuery {
  terms: Term[]
}

// A quote, optionally negated, or a word, optionally negated.
const TOKEN = /(-?)"|(-?)([\p{L}\p{N}\p{M}]+(?:['’][\p{L}\p{N}\p{M}]+)*)/gu
const HAS_LETTER = /[\p{L}\p{N}]/u

/**
 * Reads the text typed in the search box. An unclosed quote runs to the end; a minus counts only
 * at the start of a word or phrase, so "well-known" is one search for two words.
 */
export function parseQuery(text: string): ParsedQuery {
  const terms: Term[] = []
  const seen = new Set<string>()
  let count = 0
  let phrase: Term | null = null
  const negated = (sign: string | undefined, at: number) =>
    sign === '-' && (at === 0 || /[\s(]/.test(text[at - 1] ?? ''))
  const add = (term: Term) => {
    const key = `${term.exclude ? '-' : '+'}${term.words.join(' ')}`
    if (term.words.length === 0 || seen.has(key)) return
    seen.add(key)
    terms.push(term)
  }
  for (const match of text.matchAll(TOKEN)) {
    if (count >= MAX_WORDS) break
    const [, quoteSign, wordSign, raw] = match
    if (raw === undefined) {
      if (phrase) {
        add(phrase)
        phrase = null
      } else phrase = { words: [], exclude: negated(quoteSign, match.index) }
      continue
    }
    if (!HAS_LETTER.test(raw)) continue
    const word = normalizeWord(raw)
    count++
    if (phrase) phrase.words.push(word)
    else add({ words: [word], exclude: negated(wordSign, match.index) })
  }
  if (phrase) add(phrase)
  return { terms }
}

/** The words a result is searched for (not the excluded ones): what its snippet highlights. */
export function wantedWords(query: ParsedQuery): string[] {
  return query.terms.filter((t) => !t.exclude).flatMap((t) => t.words)
}

/** True when there is something to look for: a search of only excluded words finds nothing. */
export function isSearchable(query: ParsedQuery): boolean {
  return query.terms.some((t) => !t.exclude)
}

const quoted = (words: readonly string[]) => `"${words.join(' ').replaceAll('"', '""')}"`

/**
 * An FTS5 MATCH expression over the stemmed columns: every wanted term, none of the excluded ones.
 * Each term is a quoted string, so no FTS5 operator a reader types is ever read as one.
 */
export function ftsExpression(query: ParsedQuery, stem: Stem, columns: string): string | null {
  const stems = (t: Term) => quoted(t.words.map(stem))
  const wanted = query.terms.filter((t) => !t.exclude).map(stems)
  if (wanted.length === 0) return null
  const excluded = query.terms.filter((t) => t.exclude).map(stems)
  const all = `(${wanted.join(' AND ')})${excluded.map((e) => ` NOT ${e}`).join('')}`
  return `{${columns}} : (${all})`
}

/** The search as text for PostgreSQL's websearch_to_tsquery, which stems it in the edition's configuration. */
export function websearchText(query: ParsedQuery): string | null {
  if (!isSearchable(query)) return null
  return query.terms.map((t) => `${t.exclude ? '-' : ''}${quoted(t.words)}`).join(' ')
}

/** Words typed so far, the last perhaps unfinished: what headline suggestions match as prefixes. */
export function prefixWords(text: string): string[] {
  const words: string[] = []
  for (const match of text.matchAll(TOKEN)) {
    const raw = match[3]
    if (raw === undefined || !HAS_LETTER.test(raw)) continue
    // Apostrophes split words in both indexes; only letters and digits make a prefix.
    for (const part of normalizeWord(raw).split("'")) if (part) words.push(part)
    if (words.length >= 8) break
  }
  return words.slice(0, 8)
}
