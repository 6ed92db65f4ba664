// What search engines and social networks read in a page's <head>: schema.org JSON-LD (NewsArticle,
// BreadcrumbList, Organization, WebSite) and Open Graph and Twitter card tags. Pure functions.
import type { Article, Edition, Section } from '../content/content.types.ts'
import { CROP_WIDTH, type CropRatio, cropBox, cropSize, cropUrl } from '../media/crops.ts'
import type { MediaView } from '../media/media.types.ts'
import type { Urls } from '../site/urls.ts'

export type JsonLd = { [key: string]: unknown }

/** Open Graph names go in `property`, Twitter's in `name`. */
export type MetaTag = { property: string; content: string } | { name: string; content: string }

/** Who publishes: the site's name and the absolute address it is served at (PUBLIC_URL). */
export interface Site {
  name: string
  origin: string
}

export interface Logo {
  path: string
  width: number
  height: number
}

/** The wordmark as publishers' logos are asked for: a raster image within 600 x 60. */
export const PUBLISHER_LOGO: Logo = { path: '/assets/logo.png', width: 600, height: 60 }
/** The organisation's logo, which search engines want at least 112 px square. */
export const SQUARE_LOGO: Logo = { path: '/assets/logo-square.png', width: 512, height: 512 }

/** The shapes search engines ask for, widest first: the first is the one social cards show. */
const IMAGE_RATIOS: readonly CropRatio[] = ['16x9', '4x3', '1x1']

const SCHEMA = 'https://schema.org'

const organizationId = (site: Site) => `${site.origin}/#organization`

function imageObject(site: Site, logo: Logo): JsonLd {
  return {
    '@type': 'ImageObject',
    url: site.origin + logo.path,
    width: logo.width,
    height: logo.height,
  }
}

/** The site as the publisher of a story. */
export function publisher(site: Site, logo: Logo = PUBLISHER_LOGO): JsonLd {
  return {
    '@type': 'Organization',
    '@id': organizationId(site),
    name: site.name,
    url: `${site.origin}/`,
    logo: imageObject(site, logo),
  }
}

export function organization(site: Site): JsonLd {
  return { '@context': SCHEMA, ...publisher(site, SQUARE_LOGO) }
}

/** An edition's home as a website with its own search: `searchUrl` holds {search_term_string}. */
export function webSite(
  site: Site,
  home: { url: string; locale: string; searchUrl: string },
): JsonLd {
  return {
    '@context': SCHEMA,
    '@type': 'WebSite',
    '@id': `${home.url}#website`,
    name: site.name,
    url: home.url,
    inLanguage: home.locale,
    publisher: { '@id': organizationId(site) },
    potentialAction: {
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: home.searchUrl },
      'query-input': 'required name=search_term_string',
    },
  }
}

/** What a story's structured data says, with every address absolute. */
export interface StoryFacts {
  url: string
  headline: string
  description: string
  images: string[]
  published: Date
  modified: Date
  authors: { name: string; url: string }[]
  section: string | undefined
  keywords: string[]
  locale: string
  dateline: string
}

export function newsArticle(site: Site, story: StoryFacts): JsonLd {
  return {
    '@context': SCHEMA,
    '@type': 'NewsArticle',
    mainEntityOfPage: { '@type': 'WebPage', '@id': story.url },
    url: story.url,
    headline: story.headline,
    ...(story.description && { description: story.description }),
    ...(story.images.length > 0 && { image: story.images }),
    datePublished: story.published.toISOString(),
    dateModified: story.modified.toISOString(),
    author: story.authors.map((author) => ({ '@type': 'Person', ...author })),
    publisher: publisher(site),
    ...(story.section && { articleSection: story.section }),
    ...(story.keywords.length > 0 && { keywords: story.keywords }),
    ...(story.dateline && { dateline: story.dateline }),
    inLanguage: story.locale,
    isAccessibleForFree: true,
  }
}

/** The way down to a page, home first; every step an absolute address. */
export function breadcrumbList(trail: { name: string; url: string }[]): JsonLd {
  return {
    '@context': SCHEMA,
    '@type': 'BreadcrumbList',
    itemListElement: trail.map((step, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: step.name,
      item: step.url,
    })),
  }
}

/** The photo cut to each shape search engines ask for, as absolute addresses. */
export function storyImages(site: Site, photo: MediaView): string[] {
  return IMAGE_RATIOS.map((ratio) => site.origin + cropUrl(photo, ratio))
}

/** Open Graph wants `en_GB` where the web says `en-GB`. */
export const ogLocale = (locale: string) => locale.replace('-', '_')

function localeTags(edition: Edition, others: readonly Edition[]): MetaTag[] {
  return [
    { property: 'og:locale', content: ogLocale(edition.locale) },
    ...others.map((e) => ({ property: 'og:locale:alternate', content: ogLocale(e.locale) })),
  ]
}

function imageTags(site: Site, photo: MediaView): MetaTag[] {
  const [ratio] = IMAGE_RATIOS as [CropRatio]
  const size = cropSize(
    cropBox(photo, ratio, { x: photo.focalX, y: photo.focalY }),
    ratio,
    CROP_WIDTH,
  )
  const url = site.origin + cropUrl(photo, ratio)
  return [
    { property: 'og:image', content: url },
    { property: 'og:image:width', content: String(size.width) },
    { property: 'og:image:height', content: String(size.height) },
    ...(photo.alt ? [{ property: 'og:image:alt', content: photo.alt }] : []),
    { name: 'twitter:image', content: url },
    ...(photo.alt ? [{ name: 'twitter:image:alt', content: photo.alt }] : []),
  ]
}

function cardTags(card: 'summary' | 'summary_large_image', title: string, description: string) {
  return [
    { name: 'twitter:card', content: card },
    { name: 'twitter:title', content: title },
    ...(description ? [{ name: 'twitter:description', content: description }] : []),
  ]
}

export interface Head {
  jsonLd: JsonLd[]
  meta: MetaTag[]
}

/** A story's page: NewsArticle and its breadcrumbs, and an article card for social networks. */
export function storyHead(input: {
  site: Site
  urls: Urls
  edition: Edition
  article: Article
  /** The story's section and those above it, outermost first. */
  sections: Section[]
  /** The editions the story is translated into. */
  translations: Edition[]
}): Head {
  const { site, urls, edition, article } = input
  const url = site.origin + urls.article(article)
  const home = site.origin + urls.edition(edition)
  const section = input.sections[input.sections.length - 1]
  const facts: StoryFacts = {
    url,
    headline: article.headline,
    description: article.dek,
    images: article.lead ? storyImages(site, article.lead) : [],
    published: article.publishedAt,
    modified: article.updatedAt,
    authors: article.authors.map((author) => ({
      name: author.name,
      url: site.origin + urls.author(edition, author),
    })),
    section: section?.name,
    keywords: article.tags.map((tag) => tag.name),
    locale: edition.locale,
    dateline: article.datelinePlace,
  }
  const trail = [
    { name: site.name, url: home },
    ...input.sections.map((s) => ({ name: s.name, url: site.origin + urls.section(edition, s) })),
    { name: article.headline, url },
  ]
  const meta: MetaTag[] = [
    { property: 'og:type', content: 'article' },
    { property: 'og:site_name', content: site.name },
    { property: 'og:title', content: article.headline },
    ...(article.dek ? [{ property: 'og:description', content: article.dek }] : []),
    { property: 'og:url', content: url },
    ...localeTags(edition, input.translations),
    ...(article.lead ? imageTags(site, article.lead) : []),
    { property: 'article:published_time', content: facts.published.toISOString() },
    { property: 'article:modified_time', content: facts.modified.toISOString() },
    ...(section ? [{ property: 'article:section', content: section.name }] : []),
    ...facts.authors.map((author) => ({ property: 'article:author', content: author.url })),
    ...facts.keywords.map((tag) => ({ property: 'article:tag', content: tag })),
    ...cardTags(article.lead ? 'summary_large_image' : 'summary', article.headline, article.dek),
  ]
  return { jsonLd: [newsArticle(site, facts), breadcrumbList(trail)], meta }
}

/** An edition's home: the organisation, the website and its search, and a website card. */
export function homeHead(input: {
  site: Site
  urls: Urls
  edition: Edition
  others: readonly Edition[]
  title: string
  description: string
}): Head {
  const { site, urls, edition } = input
  const url = site.origin + urls.edition(edition)
  const logo = site.origin + SQUARE_LOGO.path
  return {
    jsonLd: [
      organization(site),
      webSite(site, {
        url,
        locale: edition.locale,
        searchUrl: `${url}/search?q={search_term_string}`,
      }),
    ],
    meta: [
      { property: 'og:type', content: 'website' },
      { property: 'og:site_name', content: site.name },
      { property: 'og:title', content: input.title },
      { property: 'og:description', content: input.description },
      { property: 'og:url', content: url },
      ...localeTags(edition, input.others),
      { property: 'og:image', content: logo },
      { property: 'og:image:width', content: String(SQUARE_LOGO.width) },
      { property: 'og:image:height', content: String(SQUARE_LOGO.height) },
      ...cardTags('summary', input.title, input.description),
      { name: 'twitter:image', content: logo },
    ],
  }
}

/**
 * JSON for a <script type="application/ld+json"> element. Editors' text is inside it, and HTML
 * does not escape a script's content, so `<`, `>` and `&` are written as JSON escapes: no
 * `</script>` or `<!--` can end or change the element. U+2028/2029 are escaped for old parsers.
 */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (ch) => {
    return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`
  })
}
