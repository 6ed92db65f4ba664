// Finding banned words in reader comments despite look-alike letters, leetspeak and spelled-out words.

/**
 * Every character on the right shares the skeleton on the left once case and diacritics are gone.
 * Cyrillic and Greek letters map to the Latin letter they look like in upper or lower case, so a
 * word typed in either script or a mix of both reduces to one skeleton: "спам", "cпaм" and "СПАМ"
 * all become "cnam". Digits are leetspeak; з and б take the skeleton of the digit they resemble,
 * so "3ачем" matches "зачем". Letters without a look-alike (ж, ш, я, ...) stay themselves.
 */
const LOOK_ALIKES: Record<string, string> = {
  a: 'аα4ɑ',
  b: 'вβ',
  c: 'сϲ',
  d: 'ԁđ',
  e: 'еε3з',
  g: 'ɡ',
  h: 'нһηħ',
  i: 'іιıɩ1',
  j: 'јȷ',
  k: 'кκ',
  l: 'ӏł',
  m: 'мμ',
  n: 'пν',
  o: 'оοø0',
  p: 'рρ',
  q: 'ԛ',
  r: 'г',
  s: 'ѕ5',
  t: 'тτ7',
  w: 'ԝω',
  x: 'хχ',
  y: 'уυ',
  z: 'ζ',
  '6': 'б',
}

const SKELETON = new Map<string, string>()
for (const [skeleton, chars] of Object.entries(LOOK_ALIKES)) {
  for (const char of chars) SKELETON.set(char, skeleton)
}
const LOOK_ALIKE = new RegExp(`[${[...SKELETON.keys()].join('')}]`, 'gu')

/** Symbols read as letters only when attached to a word: "sp@m", "a$$", but not "5 $ each". */
const SYMBOL_LETTERS: Record<string, string> = { '@': 'a', $: 's', '!': 'i', '|': 'l', '+': 't' }
const SYMBOL_RUN = /[@$!|+]+/g
const TRAILING_BANGS = /!+$/
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u
const PART = /[\p{L}\p{M}\p{N}]+|[^\p{L}\p{M}\p{N}]+/gu

// Diacritics go from the alphabets where they are optional for matching; in Indic and other
// scripts the combining marks are vowels and must stay, or distinct words would collide.
const MARKS_AFTER = /(\p{L}?)\p{M}+/gu
const DROPS_MARKS =
  /[\p{sc=Latin}\p{sc=Greek}\p{sc=Cyrillic}\p{sc=Armenian}\p{sc=Arabic}\p{sc=Hebrew}]/u
const APOSTROPHE_IN_WORD = /(?<=[\p{L}\p{M}\p{N}])['’ʼ](?=[\p{L}\p{M}\p{N}])/gu

/**
 * The skeleton of a text: its words separated by single spaces, every word reduced as above.
 * A word spelled out as single letters with one separator character between them ("s.p.a.m",
 * "s p a m", "с-п-а-м") is joined back; longer words are never joined, so "as pa men" stays three.
 */
export function normaliseForMatching(text: string): string {
  const folded = text
    .replace(/\p{Cf}/gu, '')
    .normalize('NFKC')
    .toLowerCase()
    .replaceAll('ß', 'ss')
    .replaceAll('ς', 'σ')
    .normalize('NFD')
    .replace(MARKS_AFTER, (marked: string, base: string) =>
      base === '' || DROPS_MARKS.test(base) ? base : marked,
    )
  const read = folded
    .replace(SYMBOL_RUN, readSymbols)
    .replace(LOOK_ALIKE, (char) => SKELETON.get(char) ?? char)
    .replace(APOSTROPHE_IN_WORD, '')
  return wordsOf(read).join(' ')
}

function readSymbols(run: string, offset: number, whole: string): string {
  const attachedAfter = isWordChar(whole.codePointAt(offset + run.length))
  const attachedBefore = offset > 0 && isWordChar(codePointBefore(whole, offset))
  if (!attachedAfter && !attachedBefore) return run
  // A "!" closing a word is punctuation ("hell!"); one inside or before a word is a letter ("sh!t").
  const letters = attachedAfter ? run : run.replace(TRAILING_BANGS, '')
  let out = ''
  for (const char of letters) out += SYMBOL_LETTERS[char] ?? char
  return out + run.slice(letters.length)
}

function isWordChar(codePoint: number | undefined): boolean {
  return codePoint !== undefined && WORD_CHAR.test(String.fromCodePoint(codePoint))
}

function codePointBefore(text: string, offset: number): number | undefined {
  const last = text.charCodeAt(offset - 1)
  const isLowSurrogate = last >= 0xdc00 && last <= 0xdfff
  return text.codePointAt(isLowSurrogate && offset >= 2 ? offset - 2 : offset - 1)
}

function isOneCodePoint(text: string): boolean {
  return text.length === 1 || (text.length === 2 && text.codePointAt(0)! > 0xffff)
}

function wordsOf(text: string): string[] {
  const words: string[] = []
  let lastWasLetter = false
  let oneSeparator = false
  for (const [part] of text.matchAll(PART)) {
    if (!WORD_CHAR.test(part)) {
      oneSeparator = isOneCodePoint(part)
      continue
    }
    const letter = isOneCodePoint(part)
    if (letter && lastWasLetter && oneSeparator) words[words.length - 1] += part
    else words.push(part)
    lastWasLetter = letter
    oneSeparator = false
  }
  return words
}

// Chinese, Japanese, Thai and their neighbours do not put spaces between words: entries in those
// scripts match anywhere in the text rather than on word boundaries.
const UNSPACED =
  /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/u

export interface WordFilter {
  /** The list entries found in the text, as written in the list, in list order. */
  match(text: string): string[]
}

/** Compiles a list of banned words and phrases once; `match` then only normalises the text. */
export function createWordFilter(words: string[]): WordFilter {
  // For each phrase length in words: skeleton -> the entries that have it.
  const byLength = new Map<number, Map<string, string[]>>()
  const unspaced: { skeleton: string; entry: string }[] = []
  for (const entry of new Set(words)) {
    const skeleton = normaliseForMatching(entry)
    if (skeleton === '') continue
    if (UNSPACED.test(skeleton)) {
      unspaced.push({ skeleton, entry })
      continue
    }
    const length = skeleton.split(' ').length
    const table = byLength.get(length) ?? new Map<string, string[]>()
    byLength.set(length, table)
    table.set(skeleton, [...(table.get(skeleton) ?? []), entry])
  }
  const order = new Map([...new Set(words)].map((entry, index) => [entry, index]))

  return {
    match(text) {
      const normalised = normaliseForMatching(text)
      const tokens = normalised.split(' ')
      const found = new Set<string>()
      for (const [length, table] of byLength) {
        for (let start = 0; start + length <= tokens.length; start++) {
          const key = length === 1 ? tokens[start]! : tokens.slice(start, start + length).join(' ')
          for (const entry of table.get(key) ?? []) found.add(entry)
        }
      }
      for (const { skeleton, entry } of unspaced) {
        if (normalised.includes(skeleton)) found.add(entry)
      }
      return [...found].sort((a, b) => order.get(a)! - order.get(b)!)
    },
  }
}
