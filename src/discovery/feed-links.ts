// Where the feeds of an edition, section, tag or author are served: beside the page they follow.
import type { Author, Edition, Section, Tag } from '../content/content.types.ts'
import type { Translate } from '../site/i18n/messages.ts'
import type { Urls } from '../site/urls.ts'

/** What a feed follows besides a whole edition: a section (with its subsections), a tag or an author. */
export type FeedScope = { section: Section } | { tag: Tag } | { author: Author }

export type FeedFormat = 'rss' | 'atom' | 'json'

/** Paths of one feed in each format. */
export type FeedLinks = Record<FeedFormat, string>

/** The file name of each format, appended to the path of the page the feed follows. */
export const FEED_FILES: Record<FeedFormat, string> = {
  rss: 'feed.xml',
  atom: 'atom.xml',
  json: 'feed.json',
}

/** The media type of each format, as pages announce them; they are served with `; charset=utf-8`. */
export const FEED_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml',
  atom: 'application/atom+xml',
  json: 'application/feed+json',
}

type PageUrls = Pick<Urls, 'edition' | 'section' | 'tag' | 'author'>

/** Path of the page a feed follows: the edition's home, or the section's, tag's or author's page. */
export function feedPage(urls: PageUrls, edition: Edition, scope?: FeedScope): string {
  return !scope
    ? urls.edition(edition)
    : 'section' in scope
      ? urls.section(edition, scope.section)
      : 'tag' in scope
        ? urls.tag(edition, scope.tag)
        : urls.author(edition, scope.author)
}

/** `/{edition}/feed.xml`, `/{edition}/{section}/atom.xml`, `/{edition}/tags/{slug}/feed.json` and so on. */
export function feedLinks(urls: PageUrls, edition: Edition, scope?: FeedScope): FeedLinks {
  const page = feedPage(urls, edition, scope)
  return {
    rss: `${page}/${FEED_FILES.rss}`,
    atom: `${page}/${FEED_FILES.atom}`,
    json: `${page}/${FEED_FILES.json}`,
  }
}

/** A feed's title and description in the edition's language. */
export function feedTitle(
  t: Translate,
  site: string,
  scope?: FeedScope,
): { title: string; description: string } {
  if (!scope)
    return {
      title: t('feed.title.edition', { site }),
      description: t('feed.description.edition', { site }),
    }
  if ('section' in scope)
    return {
      title: t('feed.title.scoped', { name: scope.section.name, site }),
      description:
        scope.section.description ||
        t('feed.description.section', { section: scope.section.name, site }),
    }
  if ('tag' in scope)
    return {
      title: t('feed.title.scoped', { name: scope.tag.name, site }),
      description: t('feed.description.tag', { tag: scope.tag.name, site }),
    }
  return {
    title: t('feed.title.scoped', { name: scope.author.name, site }),
    description: t('feed.description.author', { author: scope.author.name, site }),
  }
}

/** The `<link rel="alternate">` of a page's feeds: each format's path, media type and title. */
export function feedAlternates(
  urls: PageUrls,
  edition: Edition,
  t: Translate,
  site: string,
  scope?: FeedScope,
): { href: string; type: string; title: string }[] {
  const links = feedLinks(urls, edition, scope)
  const { title } = feedTitle(t, site, scope)
  return (['rss', 'atom', 'json'] as const).map((format) => ({
    href: links[format],
    type: FEED_TYPES[format],
    title: t(`feed.link.${format}`, { title }),
  }))
}
