import { describe, expect, test } from 'vitest'
import { HOSTILE, ONE_MEGABYTE } from '../../test/hostile-corpus.ts'
import {
  cleanComment,
  countLinks,
  MAX_LINK_LENGTH,
  type Segment,
  segmentsOf,
} from './comment-text.ts'

const ZWJ = '\u200D'
const FAMILY = `\u{1F468}${ZWJ}\u{1F469}${ZWJ}\u{1F467}${ZWJ}\u{1F466}`
const RAINBOW_FLAG = `\u{1F3F3}\uFE0F${ZWJ}\u{1F308}`
const SCOTLAND = '\u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}'
const TECHNOLOGIST = `\u{1F9D1}\u{1F3FB}${ZWJ}\u{1F4BB}`
const HEART_ON_FIRE = `\u2764\uFE0F${ZWJ}\u{1F525}`
const RED_HAIR = `\u{1F468}\u{1F3FD}${ZWJ}\u{1F9B0}`
const UNSAFE_OUTPUT =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: asserting their absence
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b\u200c\u2060\ufeff\u202a-\u202e\u2066-\u2069\r]/

describe('cleanComment', () => {
  test.each([
    ['NFC', 'cafe\u0301', 'caf\u00e9'],
    ['CRLF and CR', 'one\r\ntwo\rthree', 'one\ntwo\nthree'],
    ['Unicode line separators', 'one\u2028two\u2029three\u0085four', 'one\ntwo\nthree\nfour'],
    ['two blank lines kept', 'one\n\n\ntwo', 'one\n\n\ntwo'],
    ['more blank lines collapsed', 'one\n\n\n\n\n\ntwo', 'one\n\n\ntwo'],
    ['whitespace-only lines are blank', 'one\n \n\t\n \u00a0 \n\ntwo', 'one\n\n\ntwo'],
    ['trailing spaces on a line', 'one   \ntwo', 'one\ntwo'],
    ['indentation kept', 'one\n  two', 'one\n  two'],
    ['trimmed', '  \n hello \n\n', 'hello'],
    ['tab becomes a space', 'a\tb', 'a b'],
    ['null byte', 'before\u0000after', 'beforeafter'],
    ['C0 and C1 controls', 'a\u0007b\u001b[31mc\u009bd\u007f', 'ab[31mcd'],
    ['right-to-left override', 'invoice\u202Egnp.exe', 'invoicegnp.exe'],
    ['embeddings and pop', '\u202Aa\u202Bb\u202Cc\u202Dd\u202E', 'abcd'],
    ['isolates', '\u2066a\u2067b\u2068c\u2069', 'abc'],
    [
      'marks that RTL text needs stay',
      'abc \u200F\u05D0\u200E \u061C',
      'abc \u200F\u05D0\u200E \u061C',
    ],
    ['zero-width space', 'spa\u200Bm', 'spam'],
    ['zero-width non-joiner and word joiner', 'a\u200Cb\u2060c\u2062d', 'abcd'],
    ['byte order mark', '\uFEFFhello\uFEFF', 'hello'],
    ['joiner between letters', `s${ZWJ}pam`, 'spam'],
    ['joiner between emoji and letter', `\u{1F600}${ZWJ}a`, '\u{1F600}a'],
    ['repeated joiners', `\u{1F468}${ZWJ}${ZWJ}\u{1F469}`, '\u{1F468}\u{1F469}'],
    ['stray tag characters', 'hid\u{E0041}\u{E0042}den', 'hidden'],
    ['Russian', 'Привет, мир!', 'Привет, мир!'],
    ['Arabic', 'مرحبا بالعالم', 'مرحبا بالعالم'],
  ])('%s', (_name, input, stored) => {
    expect(cleanComment(input)).toBe(stored)
  })

  test.each([
    ['family', FAMILY],
    ['rainbow flag', RAINBOW_FLAG],
    ['regional-indicator flags', '\u{1F1FA}\u{1F1E6}\u{1F1EF}\u{1F1F5}'],
    ['subdivision flag', SCOTLAND],
    ['skin tones', '\u{1F44D}\u{1F3FD}\u{1F44B}\u{1F3FF}'],
    ['skin tone inside a ZWJ sequence', TECHNOLOGIST],
    ['heart on fire', HEART_ON_FIRE],
    ['hair component', RED_HAIR],
    ['keycap', '1\uFE0F\u20E3'],
  ])('emoji sequence survives: %s', (_name, emoji) => {
    expect(cleanComment(`nice ${emoji}!`)).toBe(`nice ${emoji}!`)
  })

  test.each(HOSTILE)('stores "$name" without unsafe characters, idempotently', ({ text }) => {
    const stored = cleanComment(text)
    expect(stored).not.toMatch(UNSAFE_OUTPUT)
    expect(stored).not.toMatch(/\n{4}/)
    expect(stored).toBe(stored.normalize('NFC'))
    expect(cleanComment(stored)).toBe(stored)
  })

  test('a megabyte passes through whole', () => {
    expect(cleanComment(ONE_MEGABYTE)).toBe(ONE_MEGABYTE)
  })
})

const link = (url: string, href = url) => ({ text: url, href })
const text = (value: string) => ({ text: value })

describe('segmentsOf', () => {
  test.each<[string, string, Segment[]]>([
    ['plain text', 'no links here', [text('no links here')]],
    ['empty', '', []],
    [
      'a link in a sentence',
      'read https://example.com/a?b=1#c now',
      [text('read '), link('https://example.com/a?b=1#c'), text(' now')],
    ],
    ['http', 'http://example.com', [link('http://example.com')]],
    [
      'www gets https',
      'www.example.com/x',
      [link('www.example.com/x', 'https://www.example.com/x')],
    ],
    [
      'scheme in odd case',
      'HtTpS://Example.com',
      [link('HtTpS://Example.com', 'https://Example.com')],
    ],
    ['www in capitals', 'WWW.EXAMPLE.COM', [link('WWW.EXAMPLE.COM', 'https://WWW.EXAMPLE.COM')]],
    [
      'trailing full stop',
      'see https://example.com.',
      [text('see '), link('https://example.com'), text('.')],
    ],
    [
      'trailing punctuation run',
      'https://example.com/a?!,;:.',
      [link('https://example.com/a'), text('?!,;:.')],
    ],
    [
      'in parentheses',
      '(https://example.com/a)',
      [text('('), link('https://example.com/a'), text(')')],
    ],
    [
      'balanced parentheses belong to the URL',
      '(see https://en.wikipedia.org/wiki/Foo_(bar)).',
      [text('(see '), link('https://en.wikipedia.org/wiki/Foo_(bar)'), text(').')],
    ],
    ['in brackets', '[https://example.com]', [text('['), link('https://example.com'), text(']')]],
    [
      'in straight quotes',
      '"https://example.com/a"',
      [text('"'), link('https://example.com/a'), text('"')],
    ],
    [
      'in curly quotes and guillemets',
      '“https://example.com/a” «www.example.org»',
      [
        text('“'),
        link('https://example.com/a'),
        text('” «'),
        link('www.example.org', 'https://www.example.org'),
        text('»'),
      ],
    ],
    [
      'in angle brackets',
      '<https://example.com>',
      [text('<'), link('https://example.com'), text('>')],
    ],
    [
      'a quote ends the URL',
      'https://example.com/"onmouseover="alert(1)',
      [link('https://example.com/'), text('"onmouseover="alert(1)')],
    ],
    [
      'two links',
      'https://a.example\nwww.b.example',
      [link('https://a.example'), text('\n'), link('www.b.example', 'https://www.b.example')],
    ],
    [
      'Markdown link with a javascript target',
      '[click](javascript:alert(1))',
      [text('[click](javascript:alert(1))')],
    ],
    [
      'Markdown link with an http target',
      '[click](https://example.com)',
      [text('[click]('), link('https://example.com'), text(')')],
    ],
    ['an e-mail address', 'write to news@www.example.com', [text('write to news@www.example.com')]],
    ['www inside a word', 'awww.example.com', [text('awww.example.com')]],
    ['scheme inside a word', 'xhttps://example.com', [text('xhttps://example.com')]],
    ['scheme alone', 'https:// and www.', [text('https:// and www.')]],
    [
      'credentials in the URL',
      'https://bank.example@evil.example/',
      [text('https://bank.example@evil.example/')],
    ],
    [
      'a scheme where the host is',
      'https://javascript:alert(1)',
      [text('https://javascript:alert(1)')],
    ],
    ['Cyrillic domain', 'https://пример.рф/путь', [link('https://пример.рф/путь')]],
  ])('%s', (_name, input, segments) => {
    expect(segmentsOf(input)).toEqual(segments)
    expect(countLinks(input)).toBe(segments.filter((segment) => 'href' in segment).length)
  })

  test.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\nscript:alert(1)',
    'java&#x09;script:alert(1)',
    '&#106;avascript:alert(1)',
    'javascript&colon;alert(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'DATA:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'VBScript:msgbox(1)',
    'file:///etc/passwd',
    '//evil.example/x',
  ])('never a link: %s', (input) => {
    expect(segmentsOf(input)).toEqual([text(input)])
    expect(countLinks(input)).toBe(0)
  })

  test('a URL at the length limit is a link, one character longer is text', () => {
    const base = 'https://example.com/'
    const atLimit = base + 'a'.repeat(MAX_LINK_LENGTH - base.length)
    expect(countLinks(atLimit)).toBe(1)
    expect(segmentsOf(`${atLimit}a`)).toEqual([text(`${atLimit}a`)])
  })

  test.each(HOSTILE)(
    '"$name": only http(s) hrefs, and the text is all there',
    ({ text: input }) => {
      for (const stored of [input, cleanComment(input)]) {
        const segments = segmentsOf(stored)
        expect(segments.map((segment) => segment.text).join('')).toBe(stored)
        for (const segment of segments) {
          if ('href' in segment) expect(segment.href).toMatch(/^https?:\/\/[^\s"<>]+$/)
        }
      }
    },
  )
})

describe('linear time on hostile shapes', () => {
  test.each([
    ['a megabyte of letters', ONE_MEGABYTE],
    ['spaces then a letter', `${' '.repeat(1_000_000)}x`],
    ['closing parentheses after a URL', `https://example.com/${')'.repeat(200_000)}`],
    ['a very long URL', `https://example.com/${'a'.repeat(1_000_000)}`],
    ['many short URLs', 'https://a.b/ '.repeat(50_000)],
    ['joiners between emoji', `\u{1F600}${ZWJ}`.repeat(100_000)],
    ['unterminated tag sequences', `\u{1F3F4}${'\u{E0067}'.repeat(1000)}`.repeat(100)],
    ['blank lines', '\n \n'.repeat(300_000)],
  ])('%s', (_name, input) => {
    const started = performance.now()
    const stored = cleanComment(input)
    segmentsOf(stored)
    countLinks(input)
    expect(performance.now() - started).toBeLessThan(5_000)
  })
})
