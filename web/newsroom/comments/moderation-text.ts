// Pure helpers of the comment views: word lists typed one per line, grouped report reasons,
// suspect words marked in a comment's text, and whether a key press is typing.

/** The words of a textarea, one per line: trimmed, blank lines dropped, repeats (any case) once. */
export function parseWordList(text: string): string[] {
  const seen = new Set<string>()
  const words: string[] = []
  for (const line of text.split(/\r?\n/)) {
    const word = line.trim()
    const key = word.toLocaleLowerCase()
    if (!word || seen.has(key)) continue
    seen.add(key)
    words.push(word)
  }
  return words
}

/** The reasons readers gave, each once with how often, the most frequent first. */
export function groupReports(reports: { reason: string }[]): { reason: string; count: number }[] {
  const counts = new Map<string, number>()
  for (const { reason } of reports) {
    const key = reason.trim() || 'No reason given'
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return [...counts].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count)
}

export interface TextPart {
  text: string
  /** This part is one of the words looked for. */
  match: boolean
}

const escapeRegExp = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** The text cut into parts where the words occur (any case), to mark them; no markup involved. */
export function markWords(text: string, words: string[]): TextPart[] {
  const wanted = words.map((word) => word.trim()).filter(Boolean)
  if (wanted.length === 0 || !text) return text ? [{ text, match: false }] : []
  // Longest first, so "scam artist" wins over "scam".
  wanted.sort((a, b) => b.length - a.length)
  const pattern = new RegExp(wanted.map(escapeRegExp).join('|'), 'giu')
  const parts: TextPart[] = []
  let from = 0
  for (const found of text.matchAll(pattern)) {
    const at = found.index ?? 0
    if (!found[0]) continue
    if (at > from) parts.push({ text: text.slice(from, at), match: false })
    parts.push({ text: found[0], match: true })
    from = at + found[0].length
  }
  if (from < text.length) parts.push({ text: text.slice(from), match: false })
  return parts
}

const TYPED_INPUTS = new Set([
  'text',
  'search',
  'email',
  'url',
  'tel',
  'password',
  'number',
  'date',
  'datetime-local',
  'month',
  'week',
  'time',
])

/** Whether keys pressed on this element are typed into it (so single-letter shortcuts stay off). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false
  if (target.closest('[contenteditable]:not([contenteditable="false"])')) return true
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true
  return target instanceof HTMLInputElement && TYPED_INPUTS.has(target.type)
}
