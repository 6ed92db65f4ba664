// The comments island's pure helpers, run in Node without a browser: the script is loaded as the
// browser would load it, in a context that has no document but lends it a `module` to export to.
import fs from 'node:fs'
import vm from 'node:vm'
import { describe, expect, it } from 'vitest'

interface Comment {
  id: number
  parentId: number | null
  author: { id: number; displayName: string } | null
  likes: number
  likedByMe: boolean
  mine: boolean
  editableUntil: string | null
  deleted?: boolean
  replies?: Comment[]
}

interface Helpers {
  format(
    strings: Record<string, unknown>,
    lang: string,
    key: string,
    params?: Record<string, string | number>,
  ): string
  pieces(template: string): (string | { name: string })[]
  safeHref(href: unknown): string | null
  safeNav(href: unknown): string | null
  countChars(text: string): number
  timeLabel(
    iso: string,
    now: number,
    lang: string,
    justNow: string,
    timeZone?: string,
  ): { text: string; title: string; relative: boolean }
  editable(comment: Partial<Comment>, now: number): boolean
  personalise(
    comment: Comment,
    previous: Comment | undefined,
    reader: { id: number } | null,
  ): Comment
  parentOf(comment: unknown): number | null
  reportReason(code: string, details: string): string
}

const source = fs.readFileSync(new URL('./comments.js', import.meta.url), 'utf8')

function loadHelpers(): Helpers {
  const module = { exports: {} as Helpers }
  vm.runInNewContext(source, { module, Intl, URL, JSON, Date, Math, Number, Object, Array })
  return module.exports
}

const h = loadHelpers()

const STRINGS_IN_HEADER = [...source.matchAll(/^\/\/ {3}(\w+)\s{2,}\S/gm)].map((m) => m[1])

describe('comments island helpers', () => {
  it('lists in its header every string key it uses', () => {
    const used = new Set([...source.matchAll(/\bt\('(\w+)'/g)].map((m) => m[1]))
    for (const match of source.matchAll(/'(sort\w+|reason\w+)'/g)) used.add(match[1]!)
    used.add('closedExpired')
    used.add('closed')
    for (const key of used) expect(STRINGS_IN_HEADER).toContain(key)
  })

  it('fills placeholders, formats numbers in the language and picks plural forms', () => {
    const strings = {
      newComments: '{n} new comments',
      newComments_one: '{n} new comment',
      signedInAs: 'Signed in as {name}',
    }
    expect(h.format(strings, 'en', 'newComments', { n: 1 })).toBe('1 new comment')
    expect(h.format(strings, 'en', 'newComments', { n: 1200 })).toBe('1,200 new comments')
    expect(h.format(strings, 'en', 'signedInAs', { name: 'Ann {n}' })).toBe('Signed in as Ann {n}')
    expect(h.format(strings, 'en', 'signedInAs')).toBe('Signed in as {name}')
    const ru = {
      newComments: '{n} новых комментариев',
      newComments_one: '{n} новый комментарий',
      newComments_few: '{n} новых комментария',
    }
    expect(h.format(ru, 'ru', 'newComments', { n: 21 })).toBe('21 новый комментарий')
    expect(h.format(ru, 'ru', 'newComments', { n: 3 })).toBe('3 новых комментария')
    expect(h.format(ru, 'ru', 'newComments', { n: 5 })).toBe('5 новых комментариев')
  })

  it('shows the key, never another language, when a string is missing', () => {
    expect(h.format({}, 'ru', 'reply')).toBe('reply')
    expect(h.format({ reply: 42 }, 'ru', 'reply')).toBe('reply')
  })

  it('cuts a template at its placeholders', () => {
    expect(h.pieces('Signed in as {name}')).toEqual(['Signed in as ', { name: 'name' }, ''])
    expect(h.pieces('{name}, вы вошли')).toEqual(['', { name: 'name' }, ', вы вошли'])
  })

  it('links only to http(s) addresses', () => {
    expect(h.safeHref('https://example.org/a?b=1')).toBe('https://example.org/a?b=1')
    expect(h.safeHref('http://example.org')).toBe('http://example.org')
    for (const bad of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      ' javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:x',
      '//evil.example',
      '/relative',
      'https://',
      undefined,
      null,
      42,
    ]) {
      expect(h.safeHref(bad)).toBeNull()
    }
  })

  it('follows the server’s own addresses: paths on this site, or http(s)', () => {
    expect(h.safeNav('/en/account/login?next=%2Fen')).toBe('/en/account/login?next=%2Fen')
    expect(h.safeNav('//evil.example/login')).toBeNull()
    expect(h.safeNav('/\\evil.example')).toBeNull()
    expect(h.safeNav('javascript:alert(1)')).toBeNull()
  })

  it('counts characters as a reader does', () => {
    expect(h.countChars('abc')).toBe(3)
    expect(h.countChars('👍🏽 ok')).toBe(5)
    expect(h.countChars('привет')).toBe(6)
  })

  it('says times relatively within the hour, then as a localised date', () => {
    const now = Date.parse('2026-02-14T12:00:00Z')
    expect(h.timeLabel('2026-02-14T11:59:30Z', now, 'en', 'just now')).toMatchObject({
      text: 'just now',
      relative: true,
    })
    // A clock a little behind the server's still says "just now".
    expect(h.timeLabel('2026-02-14T12:00:20Z', now, 'en', 'just now').text).toBe('just now')
    expect(h.timeLabel('2026-02-14T11:48:00Z', now, 'en', 'just now')).toMatchObject({
      text: '12 minutes ago',
      relative: true,
    })
    expect(h.timeLabel('2026-02-14T11:55:00Z', now, 'ru', 'только что').text).toBe('5 минут назад')
    const old = h.timeLabel('2026-02-13T09:30:00Z', now, 'en', 'just now')
    expect(old.relative).toBe(false)
    expect(old.text).toMatch(/Feb 13, 2026|Feb 1[34], 2026/)
    expect(h.timeLabel('not a date', now, 'en', 'just now').text).toBe('')
    // In the edition's zone when the section names one; a zone the browser lacks is ignored.
    const iso = '2026-02-13T22:30:00Z'
    expect(h.timeLabel(iso, now, 'en', '', 'Europe/Moscow').text).toBe('Feb 14, 2026, 1:30 AM')
    expect(h.timeLabel(iso, now, 'en', '', 'America/New_York').text).toBe('Feb 13, 2026, 5:30 PM')
    expect(h.timeLabel(iso, now, 'en', '', 'Not/AZone').text).toMatch(/2026/)
  })

  it('offers Edit only on the reader’s own comment within its window', () => {
    const now = Date.parse('2026-02-14T12:00:00Z')
    const until = '2026-02-14T12:05:00Z'
    expect(h.editable({ mine: true, editableUntil: until }, now)).toBe(true)
    expect(h.editable({ mine: true, editableUntil: '2026-02-14T11:59:00Z' }, now)).toBe(false)
    expect(h.editable({ mine: false, editableUntil: until }, now)).toBe(false)
    expect(h.editable({ mine: true, editableUntil: null }, now)).toBe(false)
    expect(h.editable({ mine: true, editableUntil: until, deleted: true }, now)).toBe(false)
  })

  it('gives a streamed comment this reader’s fields', () => {
    const streamed: Comment = {
      id: 7,
      parentId: null,
      author: { id: 3, displayName: 'Ann' },
      likes: 4,
      likedByMe: false,
      mine: false,
      editableUntil: null,
      replies: [],
    }
    const known = {
      ...streamed,
      likedByMe: true,
      mine: true,
      editableUntil: '2026-02-14T12:05:00Z',
    }
    expect(h.personalise(streamed, known, { id: 3 })).toMatchObject({
      mine: true,
      likedByMe: true,
      editableUntil: '2026-02-14T12:05:00Z',
      likes: 4,
    })
    expect(h.personalise(streamed, undefined, { id: 9 })).toMatchObject({
      mine: false,
      likedByMe: false,
      editableUntil: null,
    })
    expect(h.personalise({ ...streamed, author: null }, undefined, null).mine).toBe(false)
  })

  it('reads parents and report reasons', () => {
    expect(h.parentOf({ parentId: 5 })).toBe(5)
    expect(h.parentOf({ parentId: null })).toBeNull()
    expect(h.parentOf({})).toBeNull()
    expect(h.reportReason('spam', '  ')).toBe('spam')
    expect(h.reportReason('other', ' links to a scam ')).toBe('other: links to a scam')
  })
})
