// Writes a feed document as RSS 2.0, Atom 1.0 and JSON Feed 1.1 with the feed package, and makes
// up for what the package (and xml-js, which writes its XML) leaves to its caller:
// - text nodes are unescaped once before being escaped ("&amp;" typed by an editor would come out
//   as "&"), attributes are escaped for `"` only, a CDATA section is split at its first "]]>"
//   only, and characters XML cannot hold at all pass through: each value is prepared here for the
//   place it goes;
// - RSS readers decode entities in its text (the RSS profile asks publishers to escape & and < in
//   plain text), and Atom's item titles and summaries are type="html": so that text is
//   entity-escaped first and comes back exactly after parsing. Atom's other text is plain text;
// - an RSS <author> must be an e-mail address: bylines go out as dc:creator instead;
// - its Atom has no xml:lang and types an enclosure from its file extension ("image/jpg"), and
//   its JSON is version 1 with a single author: both are corrected after writing.
import { type Extension, Feed, type Item } from 'feed'
import { escapeHtml, type FeedDocument, type FeedEntry } from './feed-document.ts'
import type { FeedFormat } from './feed-links.ts'

const GENERATOR = 'Dateline'
const DUBLIN_CORE = 'http://purl.org/dc/elements/1.1/'
const MEDIA_RSS = 'http://search.yahoo.com/mrss/'
const JSON_FEED_1_1 = 'https://jsonfeed.org/version/1.1'

// Characters XML 1.0 cannot hold even escaped: most C0 controls, lone surrogates, U+FFFE and U+FFFF.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu

const xmlChars = (value: string) => value.replace(NOT_XML, '')

/** Plain text for a text node: xml-js turns "&amp;" back into "&" before it escapes `&<>`. */
const text = (value: string) => xmlChars(value).replace(/&/g, '&amp;')

/** Plain text for an attribute: xml-js escapes `"` only. */
const attr = (value: string) => xmlChars(value).replace(/&/g, '&amp;').replace(/</g, '&lt;')

/** HTML for a CDATA section; "]]&gt;" means the same in HTML and cannot end the section. */
const cdata = (value: string) => xmlChars(value).replaceAll(']]>', ']]&gt;')

/** Plain text where readers take HTML, entity-escaped so that it reads back exactly. */
const html = escapeHtml

function xmlFeed(doc: FeedDocument, format: 'rss' | 'atom') {
  const plain = format === 'rss' ? (value: string) => text(html(value)) : text
  return new Feed({
    id: doc.self[format],
    title: plain(doc.title),
    description: plain(doc.description),
    link: doc.page,
    language: doc.language,
    updated: doc.updated,
    generator: GENERATOR,
    favicon: doc.icon,
    feedLinks: { rss: doc.self.rss, atom: doc.self.atom },
    // Atom needs an author for entries without a byline.
    ...(format === 'atom' && { author: { name: text(doc.siteName), link: doc.siteUrl } }),
  })
}

function xmlItem(entry: FeedEntry): Item {
  return {
    id: entry.id,
    title: cdata(html(entry.title)),
    link: entry.url,
    date: entry.updated,
    published: entry.published,
    ...(entry.summary && { description: cdata(html(entry.summary)) }),
    ...(entry.contentHtml && { content: cdata(entry.contentHtml) }),
  }
}

/** Bylines as dc:creator, one element each (the package writes an array as repeated elements). */
function creators(entry: FeedEntry): Extension {
  const elements = entry.authors.map((a) => ({
    _attributes: { 'xmlns:dc': DUBLIN_CORE },
    _text: text(html(a.name)),
  }))
  return { name: 'dc:creator', objects: elements as unknown as Record<string, unknown> }
}

/** The lead photo as Media RSS, with its caption, credit and alt text. */
function mediaContent(image: NonNullable<FeedEntry['image']>): Extension {
  const objects: Record<string, unknown> = {
    _attributes: {
      'xmlns:media': MEDIA_RSS,
      url: attr(image.url),
      type: image.type,
      medium: 'image',
      fileSize: image.bytes,
      width: image.width,
    },
  }
  if (image.caption)
    objects['media:description'] = { _attributes: { type: 'plain' }, _text: text(image.caption) }
  if (image.credit) objects['media:credit'] = { _text: text(image.credit) }
  if (image.alt) objects['media:text'] = { _attributes: { type: 'plain' }, _text: text(image.alt) }
  return { name: 'media:content', objects }
}

export function rss(doc: FeedDocument): string {
  const feed = xmlFeed(doc, 'rss')
  for (const entry of doc.entries) {
    const image = entry.image
    feed.addItem({
      ...xmlItem(entry),
      category: entry.categories.map((c) => ({ name: text(html(c.name)), domain: attr(c.url) })),
      ...(image && { enclosure: { url: attr(image.url), type: image.type, length: image.bytes } }),
      extensions: [creators(entry), ...(image ? [mediaContent(image)] : [])],
    })
  }
  return feed.rss2()
}

export function atom(doc: FeedDocument): string {
  const feed = xmlFeed(doc, 'atom')
  for (const entry of doc.entries) {
    feed.addItem({
      ...xmlItem(entry),
      author: entry.authors.map((a) => ({ name: text(a.name), link: a.url })),
      category: entry.categories.map((c) => ({ term: attr(c.name), name: attr(c.name) })),
      ...(entry.image && {
        enclosure: { url: attr(entry.image.url), length: entry.image.bytes },
      }),
    })
  }
  return feed
    .atom1()
    .replace(
      '<feed xmlns="http://www.w3.org/2005/Atom">',
      `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${attr(doc.language)}">`,
    )
    .replace(/(<link rel="enclosure" href="[^"<>]*") type="image\/jpg"/g, '$1 type="image/jpeg"')
}

export function json(doc: FeedDocument): string {
  const feed = new Feed({
    title: doc.title,
    description: doc.description,
    link: doc.page,
    image: doc.icon,
    feedLinks: { json: doc.self.json },
  })
  for (const entry of doc.entries)
    feed.addItem({
      id: entry.id,
      title: entry.title,
      link: entry.url,
      date: entry.updated,
      published: entry.published,
      ...(entry.summary && { description: entry.summary }),
      content: entry.contentHtml,
      category: entry.categories.map((c) => ({ name: c.name })),
      ...(entry.image && { image: entry.image.url }),
    })
  const written = JSON.parse(feed.json1()) as Record<string, unknown> & {
    items: Record<string, unknown>[]
  }
  const items = written.items.map((item, i) => {
    const entry = doc.entries[i]!
    const { author: _single, ...rest } = item
    return {
      ...rest,
      ...(entry.authors.length > 0 && { authors: entry.authors }),
    }
  })
  const { version: _one, items: _items, ...top } = written
  return JSON.stringify({
    version: JSON_FEED_1_1,
    ...top,
    language: doc.language,
    authors: [{ name: doc.siteName, url: doc.siteUrl }],
    items,
  })
}

export const writers: Record<FeedFormat, (doc: FeedDocument) => string> = { rss, atom, json }
