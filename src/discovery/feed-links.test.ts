import { describe, expect, it } from 'vitest'
import type { Author, Edition, Section, Tag } from '../content/content.types.ts'
import { translator } from '../site/i18n/messages.ts'
import { feedAlternates, feedLinks } from './feed-links.ts'

const edition: Edition = {
  id: 1,
  code: 'en',
  name: 'English',
  locale: 'en-GB',
  timeZone: 'Europe/London',
  direction: 'ltr',
}
const section: Section = {
  id: 2,
  editionId: 1,
  parentId: null,
  slug: 'world',
  name: 'World',
  description: '',
  position: 0,
}
const tag: Tag = { id: 3, editionId: 1, slug: 'diplomacy', name: 'Diplomacy' }
const author: Author = { id: 4, editionId: 1, slug: 'jane-doe', name: 'Jane', bio: '', photo: null }
const urls = {
  edition: (e: Edition) => `/${e.code}`,
  section: (e: Edition, s: Section) => `/${e.code}/${s.slug}`,
  tag: (e: Edition, t: Tag) => `/${e.code}/tags/${t.slug}`,
  author: (e: Edition, a: Author) => `/${e.code}/authors/${a.slug}`,
}

describe('feedLinks', () => {
  it.each([
    [undefined, '/en'],
    [{ section }, '/en/world'],
    [{ tag }, '/en/tags/diplomacy'],
    [{ author }, '/en/authors/jane-doe'],
  ])('puts the feeds of %o beside %s', (scope, page) => {
    expect(feedLinks(urls, edition, scope)).toEqual({
      rss: `${page}/feed.xml`,
      atom: `${page}/atom.xml`,
      json: `${page}/feed.json`,
    })
  })

  it('names each format for the head, with the feed’s title', () => {
    expect(feedAlternates(urls, edition, translator('en-GB'), 'Dateline', { tag })).toEqual([
      {
        href: '/en/tags/diplomacy/feed.xml',
        type: 'application/rss+xml',
        title: 'Diplomacy · Dateline (RSS)',
      },
      {
        href: '/en/tags/diplomacy/atom.xml',
        type: 'application/atom+xml',
        title: 'Diplomacy · Dateline (Atom)',
      },
      {
        href: '/en/tags/diplomacy/feed.json',
        type: 'application/feed+json',
        title: 'Diplomacy · Dateline (JSON Feed)',
      },
    ])
  })
})
