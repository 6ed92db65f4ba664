// The comment views' text helpers: word lists, grouped reports, marked words, action names.
import { describe, expect, test } from 'vitest'
import { moderationActionLabel } from '../i18n.ts'
import { groupReports, markWords, parseWordList } from './moderation-text.ts'

describe('parseWordList', () => {
  test('keeps one trimmed word per non-blank line, repeats in any case once', () => {
    expect(parseWordList('  spam \r\n\nScam\nspam\n SCAM\nfree money\n')).toEqual([
      'spam',
      'Scam',
      'free money',
    ])
    expect(parseWordList('')).toEqual([])
  })
})

describe('groupReports', () => {
  test('counts each reason, the most frequent first, and names empty ones', () => {
    const reports = ['rude', 'spam', 'spam ', ' '].map((reason) => ({
      reason,
      at: '2026-01-01T00:00:00Z',
    }))
    expect(groupReports(reports)).toEqual([
      { reason: 'spam', count: 2 },
      { reason: 'rude', count: 1 },
      { reason: 'No reason given', count: 1 },
    ])
  })
})

describe('markWords', () => {
  test('cuts the text where the words occur, in any case, longest first', () => {
    expect(markWords('A SCAM artist and a scam.', ['scam', 'scam artist'])).toEqual([
      { text: 'A ', match: false },
      { text: 'SCAM artist', match: true },
      { text: ' and a ', match: false },
      { text: 'scam', match: true },
      { text: '.', match: false },
    ])
  })

  test('takes the words literally, not as patterns', () => {
    expect(markWords('costs $5 (cheap)', ['$5', '(cheap)', '.*'])).toEqual([
      { text: 'costs ', match: false },
      { text: '$5', match: true },
      { text: ' ', match: false },
      { text: '(cheap)', match: true },
    ])
  })

  test('leaves the text whole without words, and nothing for no text', () => {
    expect(markWords('<b>hi</b>', [])).toEqual([{ text: '<b>hi</b>', match: false }])
    expect(markWords('', ['x'])).toEqual([])
  })
})

describe('moderationActionLabel', () => {
  test('reads the usual spellings of an action as a past verb', () => {
    expect(moderationActionLabel('comment.approved')).toBe('approved')
    expect(moderationActionLabel('comment.reject')).toBe('rejected')
    expect(moderationActionLabel('reader.banned')).toBe('banned')
    expect(moderationActionLabel('mute')).toBe('muted')
    expect(moderationActionLabel('reader.restored')).toBe('restored')
    expect(moderationActionLabel('comment.held')).toBe('held')
    expect(moderationActionLabel('settings.word_list')).toBe('settings word list')
  })
})
