import { describe, expect, it } from 'vitest'
import { createHighlighter, opening } from './snippet.ts'
import { stemmerFor } from './stemmer.ts'

const text = (parts: { text: string; match: boolean }[] | null) =>
  (parts ?? []).map((p) => (p.match ? `[${p.text}]` : p.text)).join('')

describe('highlighter', () => {
  const ru = createHighlighter(['переговоры'], stemmerFor('ru-RU'))
  const en = createHighlighter(['negotiations', 'geneva'], stemmerFor('en-GB'))

  it('marks every form of the searched words, and nothing else', () => {
    expect(text(ru.mark('Переговорах, переговоров и переговорщики'))).toBe(
      '[Переговорах], [переговоров] и переговорщики',
    )
    expect(text(en.mark('A negotiation in Geneva: <b>negotiated</b>'))).toBe(
      'A [negotiation] in [Geneva]: <b>[negotiated]</b>',
    )
  })

  it('cuts a passage around the most matches, at word boundaries', () => {
    const filler = 'Lorem ipsum dolor sit amet. '.repeat(20)
    const body = `${filler}The negotiation went on. ${filler}Negotiations in Geneva resumed today. ${filler}`
    const passage = text(en.passage(body, 120))
    expect(passage).toMatch(/^… /)
    expect(passage).toMatch(/ …$/)
    expect(passage).toContain('[Negotiations] in [Geneva] resumed today.')
    expect(passage.length).toBeLessThan(150)
    expect(en.passage('Nothing here')).toBeNull()
  })

  it('opens with the start of a text when nothing matched', () => {
    expect(text(opening('Short dek.'))).toBe('Short dek.')
    expect(text(opening('word '.repeat(100), 30))).toMatch(/^(word ){6}…$/)
    expect(opening('')).toEqual([])
  })
})
