// Cleaning one-line text fields (headlines, names, captions) before they are stored.

// Embeddings and overrides (U+202A-U+202E) and isolates (U+2066-U+2069) can make a headline read
// backwards or spill into its neighbours; C0/C1 controls have no place in a one-line field.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g

export function cleanLine(text: string): string {
  return text.replace(UNSAFE, '').replace(/\s+/g, ' ').trim()
}

/** For multi-line fields such as a bio: keeps line breaks, drops the rest as cleanLine does. */
export function cleanText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(UNSAFE, '')
    .replace(/[^\S\n]+/g, ' ')
    .trim()
}

/** Removes the same characters from every string of a JSON value (an article body), keeping spacing. */
export function stripControls<T>(value: T): T {
  if (typeof value === 'string') return value.replace(UNSAFE, '') as T
  if (Array.isArray(value)) return value.map(stripControls) as T
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [key, inner] of Object.entries(value)) out[key] = stripControls(inner)
    return out as T
  }
  return value
}
