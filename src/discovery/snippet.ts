// The words of a result that matched, marked in its headline and in a short passage of its text.
// Computed here from the story's own text, the same on both databases; the page escapes it as any text.
import { normalizeWord, type Stem, wordsOf } from './stemmer.ts'

/** A piece of text; `match` when it is a word the reader searched for. */
export interface Segment {
  text: string
  match: boolean
}

export interface Highlighter {
  /** The whole text, its matching words marked. */
  mark(text: string): Segment[]
  /** A passage of about `length` characters around the most matches, or null when none match. */
  passage(text: string, length?: number): Segment[] | null
}

const CONTEXT_BEFORE = 60

export function createHighlighter(words: readonly string[], stem: Stem): Highlighter {
  const wanted = new Set(words.map(stem))
  const matches = (text: string) =>
    wordsOf(text).filter((word) => wanted.has(stem(normalizeWord(word.text))))

  const segments = (text: string, from: number, to: number): Segment[] => {
    const out: Segment[] = []
    let at = from
    for (const word of matches(text.slice(from, to))) {
      const start = from + word.start
      if (start > at) out.push({ text: text.slice(at, start), match: false })
      out.push({ text: word.text, match: true })
      at = start + word.text.length
    }
    if (at < to) out.push({ text: text.slice(at, to), match: false })
    return out
  }

  return {
    mark: (text) => segments(text, 0, text.length),

    passage(text, length = 220) {
      const found = matches(text)
      if (found.length === 0) return null
      // The window holding the most distinct matched words, starting a little before one of them.
      let best = { from: 0, score: -1 }
      for (const first of found.slice(0, 200)) {
        const from = Math.max(0, first.start - CONTEXT_BEFORE)
        const inside = found.filter((w) => w.start >= first.start && w.start < from + length)
        const score = new Set(inside.map((w) => normalizeWord(w.text))).size * 100 + inside.length
        if (score > best.score) best = { from, score }
      }
      const from = wordStart(text, best.from)
      const to = wordEnd(text, Math.min(text.length, from + length))
      const parts = segments(text, from, to).map((s) => ({
        ...s,
        text: s.text.replace(/\s+/g, ' '),
      }))
      if (from > 0) parts.unshift({ text: '… ', match: false })
      if (to < text.length) parts.push({ text: ' …', match: false })
      return trimEnds(parts)
    },
  }
}

/** The opening of a text, cut at a word, when nothing in it matched. */
export function opening(text: string, length = 220): Segment[] {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat.length <= length) return flat ? [{ text: flat, match: false }] : []
  return [{ text: `${flat.slice(0, wordEnd(flat, length)).trimEnd()} …`, match: false }]
}

// Cuts fall between words, so no word is shown in part.
function wordStart(text: string, at: number): number {
  if (at <= 0) return 0
  const next = text.slice(at).search(/\s/)
  return next < 0 || next > 30 ? at : at + next + 1
}

function wordEnd(text: string, at: number): number {
  if (at >= text.length) return text.length
  const back = text.slice(0, at).search(/\s\S*$/)
  return back <= 0 || at - back > 30 ? at : back
}

function trimEnds(parts: Segment[]): Segment[] {
  const first = parts[0]
  if (first && !first.match) first.text = first.text.trimStart()
  const last = parts.at(-1)
  if (last && !last.match) last.text = last.text.trimEnd()
  return parts.filter((p) => p.text !== '')
}
