// What the Content API sends: editions, sections, tags, authors, photos and stories as JSON, with
// absolute addresses, and a story's body both as its document and rendered to HTML.
import { render } from 'preact-render-to-string'
import { Body, type BodyRenderContext } from '../content/body/index.ts'
import type { Catalogue } from '../content/catalogue.ts'
import type { Article, Author, Edition, NewsfeedItem, Section } from '../content/content.types.ts'
import type { MediaView } from '../media/media.types.ts'
import { RENDITION_WIDTHS, type RenditionFormat } from '../media/renditions.ts'
import { formatsFor } from '../site/format.ts'
import { translatorFor } from '../site/page-context.ts'
import type { Urls } from '../site/urls.ts'
import type { ApiStory, LinkRef } from './content-api.repository.ts'
import type { SearchResults } from './search.service.ts'

export interface JsonContext {
  catalogue: Catalogue
  urls: Urls
  /** The site's public origin: every address the API hands out is absolute. */
  publicUrl: string
}

/** The top-level fields of a story in a list; a single story adds DETAIL_FIELDS. */
export const LIST_FIELDS = [
  'id',
  'edition',
  'section',
  'slug',
  'url',
  'headline',
  'dek',
  'datelinePlace',
  'source',
  'breaking',
  'publishedAt',
  'updatedAt',
  'lead',
  'tags',
  'authors',
] as const
export const DETAIL_FIELDS = [...LIST_FIELDS, 'body', 'corrections', 'related', 'translations']

const FORMATS: RenditionFormat[] = ['avif', 'webp', 'jpg']

export function editionJson(edition: Edition, ctx: JsonContext) {
  return {
    code: edition.code,
    name: edition.name,
    locale: edition.locale,
    timeZone: edition.timeZone,
    direction: edition.direction,
    url: ctx.publicUrl + ctx.urls.edition(edition),
  }
}

export function sectionJson(edition: Edition, section: Section, ctx: JsonContext) {
  return {
    id: section.id,
    slug: section.slug,
    name: section.name,
    description: section.description,
    parent:
      section.parentId === null
        ? null
        : (ctx.catalogue.sectionById(section.parentId)?.slug ?? null),
    url: ctx.publicUrl + ctx.urls.section(edition, section),
  }
}

export function authorJson(edition: Edition, author: Author, ctx: JsonContext) {
  return {
    id: author.id,
    slug: author.slug,
    name: author.name,
    bio: author.bio,
    photo: author.photo && imageJson(author.photo, ctx),
    url: ctx.publicUrl + ctx.urls.author(edition, author),
  }
}

type Sources = { url: string; srcset: Record<RenditionFormat, string> }

// Every list repeats the same photos; their addresses depend on the id and width only.
const sourcesCache = new Map<string, Sources>()

function sourcesOf(media: MediaView, ctx: JsonContext): Sources {
  const key = `${ctx.publicUrl}|${media.id}|${media.width}`
  let sources = sourcesCache.get(key)
  if (!sources) {
    const widths = RENDITION_WIDTHS.filter((w) => w <= media.width)
    if (widths.length === 0) widths.push(RENDITION_WIDTHS[0]!)
    const address = (width: number, format: RenditionFormat) =>
      ctx.publicUrl + ctx.urls.rendition(media.id, width, format)
    const srcset = {} as Record<RenditionFormat, string>
    for (const format of FORMATS)
      srcset[format] = widths.map((w) => `${address(w, format)} ${w}w`).join(', ')
    const largest = widths.filter((w) => w <= 1280).at(-1) ?? widths[0]!
    sources = { url: address(largest, 'jpg'), srcset }
    if (sourcesCache.size >= 10_000) sourcesCache.clear()
    sourcesCache.set(key, sources)
  }
  return sources
}

/** A photo: its largest JPEG up to 1280 px, and every rendition as a srcset per format. */
export function imageJson(media: MediaView, ctx: JsonContext) {
  const { url, srcset } = sourcesOf(media, ctx)
  return {
    id: media.id,
    width: media.width,
    height: media.height,
    alt: media.alt,
    caption: media.caption,
    credit: media.credit,
    url,
    srcset,
  }
}

const storyUrl = (story: NewsfeedItem, ctx: JsonContext) => ctx.publicUrl + ctx.urls.article(story)

/** A story as lists send it, every field of LIST_FIELDS. */
export function storyJson(
  story: Omit<ApiStory, 'position'>,
  links: { tags: readonly LinkRef[]; authors: readonly LinkRef[] },
  ctx: JsonContext,
): Record<string, unknown> {
  const section = ctx.catalogue.sectionById(story.sectionId)
  return {
    id: story.id,
    edition: ctx.catalogue.editionById(story.editionId)?.code ?? null,
    section: section ? { id: section.id, slug: section.slug, name: section.name } : null,
    slug: story.slug,
    url: storyUrl(story, ctx),
    headline: story.headline,
    dek: story.dek,
    datelinePlace: story.datelinePlace,
    source: story.source,
    breaking: story.breaking,
    publishedAt: story.publishedAt.toISOString(),
    updatedAt: story.updatedAt.toISOString(),
    lead: story.lead && imageJson(story.lead, ctx),
    tags: links.tags.map(ref),
    authors: links.authors.map(ref),
  }
}

const ref = (r: LinkRef) => ({ id: r.id, slug: r.slug, name: r.name })

/** One story with everything: DETAIL_FIELDS. */
export function articleJson(article: Article, ctx: JsonContext): Record<string, unknown> {
  const summary = (s: NewsfeedItem & { dek?: string }) => ({
    id: s.id,
    edition: ctx.catalogue.editionById(s.editionId)?.code ?? null,
    headline: s.headline,
    url: storyUrl(s, ctx),
    publishedAt: s.publishedAt.toISOString(),
  })
  return {
    ...storyJson(article, article, ctx),
    body: { doc: article.body, html: bodyHtml(article, ctx) },
    corrections: article.corrections.map((c) => ({
      text: c.text,
      createdAt: c.createdAt.toISOString(),
    })),
    related: article.related.map(summary),
    translations: article.translations.map(summary),
  }
}

/** The body as the story page shows it, with absolute addresses and plain <img> photos. */
export function bodyHtml(
  article: Pick<Article, 'editionId' | 'body' | 'bodyMedia' | 'bodyArticles'>,
  ctx: JsonContext,
): string {
  const edition = ctx.catalogue.editionById(article.editionId)
  const formats = edition && formatsFor(edition)
  const context: BodyRenderContext = {
    origin: ctx.publicUrl,
    labels: { related: edition ? translatorFor(edition)('article.readAlso') : 'Read also' },
    image(mediaId) {
      const media = article.bodyMedia.get(mediaId)
      return media ? (
        <Image media={media} ctx={ctx} sizes="(min-width: 720px) 720px, 100vw" />
      ) : null
    },
    article(articleId) {
      const card = article.bodyArticles.get(articleId)
      if (!card) return null
      return {
        url: storyUrl(card, ctx),
        headline: card.headline,
        published: formats ? formats.dateTime(card.publishedAt) : card.publishedAt.toISOString(),
        datetime: card.publishedAt.toISOString(),
        image: card.lead ? <Image media={card.lead} ctx={ctx} sizes="120px" /> : null,
      }
    },
  }
  return render(<Body doc={article.body} context={context} />)
}

function Image(props: { media: MediaView; ctx: JsonContext; sizes: string }) {
  const image = imageJson(props.media, props.ctx)
  return (
    <img
      src={image.url}
      srcset={image.srcset.jpg}
      sizes={props.sizes}
      width={image.width}
      height={image.height}
      alt={image.alt}
      loading="lazy"
    />
  )
}

/** Search results: each hit with its matched words marked in the headline and a snippet. */
export function searchJson(
  results: Pick<SearchResults, 'items' | 'page' | 'hasNext'>,
  ctx: JsonContext,
) {
  return {
    items: results.items.map((hit) => ({
      id: hit.id,
      edition: ctx.catalogue.editionById(hit.editionId)?.code ?? null,
      headline: hit.headline,
      url: storyUrl(hit, ctx),
      breaking: hit.breaking,
      publishedAt: hit.publishedAt.toISOString(),
      headlineParts: hit.headlineParts,
      snippet: hit.snippet,
    })),
    page: results.page,
    hasNext: results.hasNext,
  }
}

/** Only the asked-for top-level fields, in the order they were asked for. */
export function pick(
  value: Record<string, unknown>,
  fields: readonly string[] | undefined,
): Record<string, unknown> {
  if (!fields) return value
  const picked: Record<string, unknown> = {}
  for (const field of fields) picked[field] = value[field]
  return picked
}
