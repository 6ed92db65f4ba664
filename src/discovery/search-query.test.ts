import { describe, expect, it } from 'vitest'
import {
  ftsExpression,
  isSearchable,
  MAX_WORDS,
  parseQuery,
  prefixWords,
  wantedWords,
  websearchText,
} from './search-query.ts'
import { stemmerFor } from './stemmer.ts'

const terms = (text: string) =>
  parseQuery(text).terms.map((t) => `${t.exclude ? '-' : ''}${t.words.join('+')}`)

describe('parseQuery', () => {
  it.each([
    ['talks Geneva', ['talks', 'geneva']],
    ['"peace talks" -war', ['peace+talks', '-war']],
    ['-"cease fire" truce', ['-cease+fire', 'truce']],
    ['well-known e-mail', ['well', 'known', 'e', 'mail']],
    ['"unbalanced quote', ['unbalanced+quote']],
    ['"" talks', ['talks']],
    ['NEAR(a b, 2)', ['near', 'a', 'b', '2']],
    ['*', []],
    ['-', []],
    ['AND OR NOT ^ : talks*', ['and', 'or', 'not', 'talks']],
    ["'; drop table articles; --", ['drop', 'table', 'articles']],
    ['Ёлка ПЕРЕГОВОРЫ', ['елка', 'переговоры']],
    ['talks talks TALKS', ['talks']],
    ['minister’s', ["minister's"]],
  ])('reads %j', (text, expected) => {
    expect(terms(text)).toEqual(expected)
  })

  it('keeps at most MAX_WORDS words', () => {
    const words = Array.from({ length: 100 }, (_, i) => `w${i}`).join(' ')
    expect(parseQuery(words).terms).toHaveLength(MAX_WORDS)
  })

  it('finds nothing to search in excluded words alone', () => {
    expect(isSearchable(parseQuery('-war -peace'))).toBe(false)
    expect(isSearchable(parseQuery('talks -war'))).toBe(true)
    expect(wantedWords(parseQuery('"peace talks" -war geneva'))).toEqual([
      'peace',
      'talks',
      'geneva',
    ])
  })
})

describe('ftsExpression', () => {
  const stem = stemmerFor('en-GB')
  const fts = (text: string) => ftsExpression(parseQuery(text), stem, 'headline dek body')

  it('quotes every stem and joins the terms with AND, the excluded ones with NOT', () => {
    expect(fts('negotiations "peace talks" -wars')).toBe(
      '{headline dek body} : (("negoti" AND "peac talk") NOT "war")',
    )
  })

  it('lets no FTS5 syntax through, whatever was typed', () => {
    for (const text of ['NEAR(a b)', 'a OR b', 'col:talks', '^start', 'x*', '"a" AND "b"']) {
      const expression = fts(text)!
      const outside = expression.replace(/"[^"]*"/g, '')
      expect(outside, text).toMatch(/^\{headline dek body\} : \(\((?: AND )*\)(?: NOT )*\)$/)
    }
  })

  it('has nothing to match for a search of only excluded words', () => {
    expect(fts('-war')).toBeNull()
    expect(fts('*')).toBeNull()
  })
})

describe('websearchText', () => {
  it('writes each term quoted, the excluded ones with a minus', () => {
    expect(websearchText(parseQuery('talks OR "peace deal" -war'))).toBe(
      '"talks" "or" "peace deal" -"war"',
    )
    expect(websearchText(parseQuery('-war'))).toBeNull()
  })
})

describe('stemming', () => {
  it('gives Russian and English word forms one stem', () => {
    const ru = stemmerFor('ru-RU')
    expect(ru('переговоры')).toBe(ru('переговорах'))
    expect(ru('negotiations')).toBe(ru('negotiation'))
    const en = stemmerFor('en-GB')
    expect(en('negotiations')).toBe(en('negotiation'))
    expect(en('переговоры')).toBe(en('переговорах'))
  })
})

describe('prefixWords', () => {
  it('reads the words typed so far, letters and digits only', () => {
    expect(prefixWords('Minister’s TAL')).toEqual(['minister', 's', 'tal'])
    expect(prefixWords('"(*)"')).toEqual([])
    expect(prefixWords('a b c d e f g h i j')).toHaveLength(8)
  })
})
