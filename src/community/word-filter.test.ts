import { describe, expect, test } from 'vitest'
import { HOSTILE, ONE_MEGABYTE } from '../../test/hostile-corpus.ts'
import { createWordFilter, normaliseForMatching } from './word-filter.ts'

describe('normaliseForMatching', () => {
  test.each([
    ['lower case', 'SPAM Spam', 'spam spam'],
    ['fullwidth', 'ＳＰＡＭ', 'spam'],
    ['mathematical letters', '\u{1D42C}\u{1D429}\u{1D41A}\u{1D426}', 'spam'],
    ['sharp s', 'Straße STRASSE', 'strasse strasse'],
    ['diacritics', 'Crème brûlée, naïve', 'creme brulee naive'],
    ['letters with a stroke', 'Łódź Ø', 'lodz o'],
    ['Zalgo', 's\u0335\u0322p\u0338\u0327a\u0336m\u0337\u0322', 'spam'],
    ['zero-width and format characters', 's\u200Bp\u200Da\u00ADm\u2060\uFEFF', 'spam'],
    ['bidi controls', '\u202Emaps', 'maps'],
    ['punctuation and spacing', '  Hello,   world!  ', 'hello world'],
    ['apostrophes inside words', "don't won’t", 'dont wont'],
    ['digits as leetspeak', '5p4m 7h3 1d10t', 'spam the idiot'],
    ['symbols inside a word', 'sp@m a$$ sh!t he||o +rash', 'spam ass shit hello trash'],
    ['a "!" closing a word is punctuation', 'hell! ass!!', 'hell ass'],
    ['symbols on their own are separators', 'ten $ each @ noon | +', 'ten each noon'],
    ['Cyrillic look-alikes', 'сор хер', 'cop xep'],
    ['Greek capitals', 'ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ', 'abezhikmnoptyx'],
    ['other letters stay, й and ё lose their marks', 'жёлтый', 'жeлtыи'],
    ['Russian leetspeak', '3ачем 6ред', 'eaчem 6peд'],
    ['Devanagari keeps its vowel signs', 'नमस्ते कमल कोमल', 'नमस्ते कमल कोमल'],
  ])('%s', (_name, input, skeleton) => {
    expect(normaliseForMatching(input)).toBe(skeleton)
  })

  test.each([
    ['Latin', ['spam', 'SPAM', 'sp@m', '$p4m', '5PAM', 'ＳＰＡＭ', 's\u200Bpam', 'špám']],
    ['Russian', ['спам', 'СПАМ', 'Спам', 'cпaм', 'сnам', 'СПAM']],
    ['Greek and Latin', ['ΚΟΡΗ', 'κορη', 'KOPH', 'kορh']],
    ['final sigma', ['ΣΟΦΟΣ', 'σοφος', 'σοφοσ']],
    ['Ukrainian і', ['ліс', 'ЛІС', 'лic']],
  ])('one skeleton for %s spellings', (_name, spellings) => {
    const skeletons = new Set(spellings.map(normaliseForMatching))
    expect(skeletons.size).toBe(1)
  })

  test.each([
    ['dots', 'S.P.A.M', 'spam'],
    ['spaces', 's p a m', 'spam'],
    ['dashes in Cyrillic', 'с-п-а-м', 'cnam'],
    ['underscores with leetspeak', 's_p_4_m', 'spam'],
    ['line breaks', 's\np\na\nm', 'spam'],
    ['the run ends at a longer word', 'a b spam', 'ab spam'],
    ['two separator characters do not join', 's  p  a  m', 's p a m'],
    ['longer words never join', 'as pa men', 'as pa men'],
    ['a single letter on its own', 'I am a fan', 'i am a fan'],
  ])('spelled-out words, %s', (_name, input, skeleton) => {
    expect(normaliseForMatching(input)).toBe(skeleton)
  })
})

describe('createWordFilter', () => {
  const filter = createWordFilter([
    'ass',
    'spam',
    'спам',
    'блядь',
    'big ass',
    'Go to hell',
    'cunt',
    'бля',
    '傻逼',
  ])

  test.each([
    ['plain', 'you ass', ['ass']],
    ['capitals and punctuation', 'What an ASS!', ['ass']],
    ['leetspeak', '@ss, a$$ and 4ss', ['ass']],
    ['fullwidth', 'ＳＰＡＭ', ['spam']],
    ['zero-width inside', 's\u200Bpam', ['spam']],
    ['spelled out', 'S.P.A.M', ['spam']],
    ['Russian', 'Это СПАМ.', ['спам']],
    ['Russian with Latin letters', 'это cпaм', ['спам']],
    ['Russian spelled out', 'с п а м', ['спам']],
    ['Russian leetspeak', '6лядь', ['блядь']],
    ['Latin word typed in Cyrillic', 'ѕраm', ['spam']],
    ['phrase', 'BIG   a$$ here', ['ass', 'big ass']],
    ['phrase across a line break', 'go\nto HELL!', ['Go to hell']],
    ['Chinese, inside a sentence', '你是傻逼吗', ['傻逼']],
    ['several at once, in list order', 'спам and spam, you ass', ['ass', 'spam', 'спам']],
  ])('finds: %s', (_name, text, found) => {
    expect(filter.match(text)).toEqual(found)
  })

  test.each([
    'a class on assessment',
    'bass, brass, passage, Assam, assassin',
    'as pa men',
    'spammer spamming',
    'Scunthorpe United',
    'корабля, употребляю',
    'big brass band',
    'go to Hellas',
    'спаму',
    'pass a s test',
    '',
  ])('does not find anything in "%s"', (text) => {
    expect(filter.match(text)).toEqual([])
  })

  test('a Latin word matches Cyrillic text that looks exactly like it', () => {
    // The price of matching look-alikes: "сор" (Russian "litter") is indistinguishable from "cop".
    expect(createWordFilter(['cop']).match('какой сор')).toEqual(['cop'])
  })

  test('entries come back as written, once each', () => {
    const shouting = createWordFilter(['SPAM', 'sp@m', 'SPAM'])
    expect(shouting.match('spam spam')).toEqual(['SPAM', 'sp@m'])
  })

  test('entries with nothing to match are ignored', () => {
    expect(createWordFilter(['', '  ', '!!!', '\u200B']).match('anything at all !!!')).toEqual([])
    expect(createWordFilter([]).match('anything')).toEqual([])
  })

  test.each(HOSTILE)('"$name" is matched without error', ({ text }) => {
    expect(Array.isArray(filter.match(text))).toBe(true)
  })

  test('a few hundred words against long comments stays fast', () => {
    const words = Array.from({ length: 300 }, (_, i) => `banned${i.toString(36)}word`)
    const big = createWordFilter([...words, 'two words', 'and three words'])
    const comment = 'An ordinary comment, with words and punctuation! '.repeat(100)
    const started = performance.now()
    for (let i = 0; i < 200; i++) big.match(comment)
    expect(performance.now() - started).toBeLessThan(5_000)
    expect(big.match(`${comment} banned1zword`)).toEqual(['banned1zword'])
  })

  test.each([
    ['a megabyte of letters', ONE_MEGABYTE],
    ['a megabyte of symbols', '$'.repeat(1024 * 1024)],
    ['a megabyte of combining marks', 'a'.concat('\u0301'.repeat(1024 * 1024))],
    ['half a million spelled-out letters', 'a '.repeat(500_000)],
  ])('linear time on %s', (_name, text) => {
    const started = performance.now()
    filter.match(text)
    expect(performance.now() - started).toBeLessThan(5_000)
  })
})
