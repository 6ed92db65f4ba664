// A feed as every format sees it: titles in the edition's language, absolute addresses, stable ids,
// and each story's content as HTML (its dek, or its body rendered as the story page shows it).
import type { Catalogue } from '../content/catalogue.ts'
import type { Edition } from '../content/content.types.ts'
import { translatorFor } from '../site/page-context.ts'
import type { Urls } from '../site/urls.ts'
import { bodyHtml } from './content-api.json.tsx'
import { FEED_IMAGE, type FeedStory } from './feed.service.ts'
import { type FeedLinks, type FeedScope, feedLinks, feedPage, feedTitle } from './feed-links.ts'
import { SQUARE_LOGO } from './structured-data.ts'

export interface FeedPerson {
  name: string
  url: string
}

export interface FeedEntry {
  /** A tag: URI made of the story's number, which no later change of address or section alters. */
  id: string
  url: string
  /** Plain text, as stored: each format escapes it its own way. */
  title: string
  summary: string
  /** HTML: the dek as a paragraph, or the whole body. */
  contentHtml: string
  published: Date
  updated: Date
  authors: FeedPerson[]
  /** The section, then the tags. */
  categories: FeedPerson[]
  image: {
    url: string
    type: string
    bytes: number
    width: number
    caption: string
    credit: string
    alt: string
  } | null
}

export interface FeedDocument {
  title: string
  description: string
  /** BCP 47, as the edition's locale. */
  language: string
  /** The page the feed follows. */
  page: string
  /** Absolute addresses of the same feed in each format. */
  self: FeedLinks
  updated: Date
  siteName: string
  siteUrl: string
  icon: string
  entries: FeedEntry[]
}

export interface FeedDocumentContext {
  catalogue: Catalogue
  urls: Urls
  publicUrl: string
  siteName: string
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Plain text as HTML that shows exactly that text. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch)
}

export function feedDocument(
  ctx: FeedDocumentContext,
  edition: Edition,
  scope: FeedScope | undefined,
  stories: readonly FeedStory[],
  now: Date,
): FeedDocument {
  const { catalogue, urls, publicUrl } = ctx
  const host = new URL(publicUrl).host
  const links = feedLinks(urls, edition, scope)
  const absolute = (path: string) => publicUrl + path
  const entries = stories.map((story): FeedEntry => {
    const section = catalogue.sectionById(story.sectionId)
    const updated = new Date(Math.max(story.updatedAt.getTime(), story.publishedAt.getTime()))
    const image = story.image
    return {
      id: `tag:${host},${story.createdAt.toISOString().slice(0, 10)}:story-${story.id}`,
      url: absolute(urls.article(story)),
      title: story.headline,
      summary: story.dek,
      contentHtml: story.full
        ? bodyHtml({ editionId: story.editionId, ...story.full }, ctx)
        : story.dek && `<p>${escapeHtml(story.dek)}</p>`,
      published: story.publishedAt,
      updated,
      authors: story.authors.map((a) => ({
        name: a.name,
        url: absolute(urls.author(edition, { ...a, editionId: edition.id, bio: '', photo: null })),
      })),
      categories: [
        ...(section ? [{ name: section.name, url: absolute(urls.section(edition, section)) }] : []),
        ...story.tags.map((tag) => ({
          name: tag.name,
          url: absolute(urls.tag(edition, { ...tag, editionId: edition.id })),
        })),
      ],
      image: image && {
        url: absolute(urls.rendition(image.media.id, image.width, FEED_IMAGE.format)),
        type: FEED_IMAGE.type,
        bytes: image.bytes,
        width: image.pixels,
        caption: image.media.caption,
        credit: image.media.credit,
        alt: image.media.alt,
      },
    }
  })
  const updated = entries.reduce<Date | undefined>(
    (latest, entry) => (!latest || entry.updated > latest ? entry.updated : latest),
    undefined,
  )
  return {
    ...feedTitle(translatorFor(edition), ctx.siteName, scope),
    language: edition.locale,
    page: absolute(feedPage(urls, edition, scope)),
    self: { rss: absolute(links.rss), atom: absolute(links.atom), json: absolute(links.json) },
    updated: updated ?? now,
    siteName: ctx.siteName,
    siteUrl: absolute(urls.edition(edition)),
    icon: absolute(SQUARE_LOGO.path),
    entries,
  }
}
