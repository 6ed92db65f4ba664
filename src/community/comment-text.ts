// The text rules of reader comments: what is stored, and how stored text splits into text and links.

export type Segment = { text: string } | { text: string; href: string }

/** Longer URLs stay plain text: no reader needs to click one, and they are a spam signature. */
export const MAX_LINK_LENGTH = 2000

const LINE_BREAKS = /\r\n?|[\v\f\u0085\u2028\u2029]/g
// Overrides (U+202A-U+202E) and isolates (U+2066-U+2069) could flip the rest of the page around
// a comment; the marks U+200E, U+200F and U+061C stay, as right-to-left comments need them.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g
const INVISIBLE = /[\u200b-\u200d\u2060-\u2064\ufeff]/g
const ZWJ = '\u200d'
const EMOJI_BEFORE = /\p{Extended_Pictographic}(?:\ufe0f|\p{Emoji_Modifier})?$/u
const EMOJI_AFTER = /^\p{Extended_Pictographic}/u
// Tag characters are invisible too; their one legitimate use is a subdivision flag (🏴 + tags + end).
const TAGS = /(\u{1f3f4}[\u{e0020}-\u{e007e}]+\u{e007f})|[\u{e0000}-\u{e007f}]/gu

/** The comment as stored: NFC, line breaks kept (at most two blank lines), nothing invisible. */
export function cleanComment(text: string): string {
  const visible = text
    .replace(LINE_BREAKS, '\n')
    .replaceAll('\t', ' ')
    .replace(UNSAFE, '')
    .replace(INVISIBLE, keepEmojiJoiner)
    .replace(TAGS, (_tag: string, flag: string | undefined) => flag ?? '')
  return visible
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{4,}/g, '\n\n\n')
    .trim()
    .normalize('NFC')
}

/** A zero-width joiner stays only between two pictographs, as in 👩‍👩‍👧 or 🏳️‍🌈. */
function keepEmojiJoiner(char: string, offset: number, whole: string): string {
  if (char !== ZWJ) return ''
  const before = whole.slice(Math.max(0, offset - 4), offset)
  const after = whole.slice(offset + 1, offset + 3)
  return EMOJI_BEFORE.test(before) && EMOJI_AFTER.test(after) ? char : ''
}

// A candidate runs to the first space, quote or angle bracket; the trailing punctuation is
// trimmed afterwards. "www." must not continue an e-mail address or another URL.
const CANDIDATE =
  /(?<![\p{L}\p{N}_])https?:\/\/[^\s<>"\p{Cc}\p{Cf}]+|(?<![\p{L}\p{N}_@./:-])www\.[^\s<>"\p{Cc}\p{Cf}]+/giu
const TRAILING = new Set(['.', ',', ';', ':', '!', '?', "'", '’', '”', '»', '›', '*', '_', '~'])
const OPENER: Record<string, string> = { ')': '(', ']': '[', '}': '{' }

/** Splits stored comment text into plain text and http(s) links, in order. */
export function segmentsOf(text: string): Segment[] {
  const segments: Segment[] = []
  let plain = ''
  let last = 0
  for (const match of text.matchAll(CANDIDATE)) {
    const url = trimUrl(match[0])
    const href = hrefOf(url)
    if (href === undefined) continue
    plain += text.slice(last, match.index)
    if (plain !== '') segments.push({ text: plain })
    segments.push({ text: url, href })
    plain = ''
    last = match.index + url.length
  }
  plain += text.slice(last)
  if (plain !== '') segments.push({ text: plain })
  return segments
}

export function countLinks(text: string): number {
  return segmentsOf(text).filter((segment) => 'href' in segment).length
}

/** Drops trailing punctuation and closing brackets that have no opening partner inside the URL. */
function trimUrl(candidate: string): string {
  const unbalanced: Record<string, number> = {}
  for (const [closer, opener] of Object.entries(OPENER)) {
    unbalanced[closer] = count(candidate, closer) - count(candidate, opener)
  }
  let end = candidate.length
  while (end > 0) {
    const char = candidate[end - 1]!
    if (TRAILING.has(char)) end--
    else if ((unbalanced[char] ?? 0) > 0) {
      unbalanced[char]!--
      end--
    } else break
  }
  return candidate.slice(0, end)
}

function count(text: string, char: string): number {
  let n = 0
  for (let at = text.indexOf(char); at !== -1; at = text.indexOf(char, at + 1)) n++
  return n
}

/** The href of a trimmed candidate, always http: or https:, or undefined to leave it as text. */
function hrefOf(url: string): string | undefined {
  if (url.length > MAX_LINK_LENGTH) return undefined
  const www = /^www\.[\p{L}\p{N}]/iu.test(url)
  if (!www && !/^https?:\/\/./i.test(url)) return undefined
  const href = www ? `https://${url}` : url.replace(/^https?/i, (scheme) => scheme.toLowerCase())
  let parsed: URL
  try {
    parsed = new URL(href)
  } catch {
    return undefined
  }
  // "https://bank.example@evil.example" reads as the bank but goes elsewhere.
  if (parsed.username !== '' || parsed.password !== '' || parsed.hostname === '') return undefined
  return href
}
