// Sitemaps for search engines: an index; each edition's stories month by month, in files of at most
// 50,000 addresses with their photos; its home and sections; and its news of the last 48 hours.
// Story files are written while the stories are read, a chunk at a time, so memory stays flat.
import type { Catalogue } from '../content/catalogue.ts'
import type { Edition } from '../content/content.types.ts'
import { RENDITION_WIDTHS } from '../media/renditions.ts'
import type { Clock } from '../platform/clock.ts'
import type { Urls } from '../site/urls.ts'
import type { SitemapRepository } from './sitemap.repository.ts'

/** The sitemap protocol's limits for one file, and for an index. */
export const SITEMAP_LIMITS = { urls: 50_000, bytes: 50 * 1024 * 1024, sitemaps: 50_000 } as const
/** Google News reads stories of the last two days, at most 1,000 a sitemap. */
export const NEWS_WINDOW_MS = 48 * 60 * 60 * 1000
export const NEWS_LIMIT = 1000

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9'
const IMAGE_NS = 'http://www.google.com/schemas/sitemap-image/1.1'
const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9'
const PROLOG = '<?xml version="1.0" encoding="UTF-8"?>\n'

/** Where each sitemap is served. */
export const sitemapPaths = {
  index: '/sitemap.xml',
  articles: (edition: Edition, month: string, file: number) =>
    `/sitemaps/${edition.code}/articles-${month}-${file}.xml`,
  sections: (edition: Edition) => `/sitemaps/${edition.code}/sections.xml`,
  news: (edition: Edition) => `/sitemaps/${edition.code}/news.xml`,
}

// Characters XML 1.0 cannot hold at all, even escaped: most C0 controls, lone surrogates, U+FFFE/F.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
}

/** Text made safe for an XML element. */
export function xml(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch)
}

/** W3C datetime to the second, as sitemaps show it. */
const w3c = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z')

/** Google News's language code: ISO 639, except zh-cn and zh-tw for the two Chinese scripts. */
export function newsLanguage(locale: string): string {
  const [language = 'en', ...rest] = locale.toLowerCase().split('-')
  if (language !== 'zh') return language
  return rest.some((part) => ['tw', 'hk', 'mo', 'hant'].includes(part)) ? 'zh-tw' : 'zh-cn'
}

export interface SitemapsDeps {
  repository: SitemapRepository
  catalogue: Catalogue
  urls: Urls
  clock: Clock
  publicUrl: string
  siteName: string
  /** Stories in one monthly file before the next file begins; the protocol allows 50,000. */
  storiesPerFile?: number
  /** Stories read per query while a file is written. */
  chunk?: number
}

export function createSitemaps(deps: SitemapsDeps) {
  const { repository, catalogue, urls, clock, publicUrl } = deps
  const perFile = Math.min(deps.storiesPerFile ?? SITEMAP_LIMITS.urls, SITEMAP_LIMITS.urls)
  const chunk = Math.max(1, Math.min(deps.chunk ?? 5_000, perFile))
  const now = () => clock.now()
  const url = (loc: string, lastmod?: Date) =>
    `<url><loc>${xml(publicUrl + loc)}</loc>${lastmod ? `<lastmod>${w3c(lastmod)}</lastmod>` : ''}</url>`

  /** The photo at its full size: the first rendition as wide as the original (never enlarged). */
  const photoUrl = (lead: { id: number; width: number }) => {
    const width = RENDITION_WIDTHS.find((w) => w >= lead.width) ?? RENDITION_WIDTHS.at(-1)!
    return publicUrl + urls.rendition(lead.id, width, 'jpg')
  }

  const storyPath = (
    edition: Edition,
    story: { id: number; sectionId: number; slug: string; publishedAt: Date },
  ) => urls.article({ ...story, editionId: edition.id, headline: '', breaking: false })

  return {
    /** Every sitemap there is, with the time it last changed, newest months first. */
    async index(): Promise<string> {
      const months = await repository.months(now().toISOString())
      const entries: string[] = []
      const entry = (loc: string, lastmod: Date | undefined) =>
        `<sitemap><loc>${xml(publicUrl + loc)}</loc>${lastmod ? `<lastmod>${w3c(lastmod)}</lastmod>` : ''}</sitemap>`
      for (const edition of catalogue.editions()) {
        const own = months.filter((m) => m.editionId === edition.id).reverse()
        const newest = own.reduce<Date | undefined>(
          (latest, m) => (latest && latest >= m.lastListed ? latest : m.lastListed),
          undefined,
        )
        entries.push(entry(sitemapPaths.sections(edition), newest))
        entries.push(entry(sitemapPaths.news(edition), newest))
        for (const m of own)
          for (let file = 1; file <= Math.ceil(m.stories / perFile); file++)
            entries.push(entry(sitemapPaths.articles(edition, m.month, file), m.lastUpdated))
      }
      // 50,000 files of stories is thousands of years of months; past it, the rest are left out.
      return `${PROLOG}<sitemapindex xmlns="${SITEMAP_NS}">${entries.slice(0, SITEMAP_LIMITS.sitemaps).join('')}</sitemapindex>\n`
    },

    /**
     * The `file`th file of an edition's stories of `month` ("2026-02"), in id order, as pieces of
     * XML; undefined when there is no such file. The file's start is found by stepping through
     * the index a file's length at a time, never by an offset over the table.
     */
    async articles(
      code: string,
      month: string,
      file: number,
    ): Promise<AsyncIterable<string> | undefined> {
      const edition = catalogue.edition(code)
      if (!edition || !/^\d{4}-(0[1-9]|1[0-2])$/.test(month) || !(file >= 1)) return undefined
      const at = now().toISOString()
      let after = 0
      for (let skipped = 1; skipped < file; skipped++) {
        const end = await repository.pageEnd(edition.id, month, after, perFile, at)
        if (end.count < perFile) return undefined
        after = end.last
      }
      const first = await repository.stories(edition.id, month, after, chunk, at)
      if (first.length === 0) return undefined

      const entries = (stories: typeof first) =>
        stories
          .map((story) => {
            const path = storyPath(edition, story)
            if (path === '/') return ''
            const image = story.lead
              ? `<image:image><image:loc>${xml(photoUrl(story.lead))}</image:loc></image:image>`
              : ''
            return `<url><loc>${xml(publicUrl + path)}</loc><lastmod>${w3c(story.updatedAt)}</lastmod>${image}</url>`
          })
          .join('')

      return (async function* () {
        yield `${PROLOG}<urlset xmlns="${SITEMAP_NS}" xmlns:image="${IMAGE_NS}">`
        let stories = first
        let written = 0
        while (stories.length > 0) {
          yield entries(stories)
          written += stories.length
          const last = stories.at(-1)!
          const wanted = Math.min(chunk, perFile - written)
          if (stories.length < chunk || wanted <= 0) break
          stories = await repository.stories(edition.id, month, last.id, wanted, at)
        }
        yield '</urlset>\n'
      })()
    },

    /** An edition's home and sections, each with the time of the newest story it shows. */
    async sections(code: string): Promise<string | undefined> {
      const edition = catalogue.edition(code)
      if (!edition) return undefined
      const sections = catalogue.sections(edition.id)
      const newest = await repository.newestInSections(
        sections.map((s) => s.id),
        now().toISOString(),
      )
      const latest = (ids: number[]) =>
        ids
          .map((id) => newest.get(id))
          .reduce<Date | undefined>((a, b) => (!b || (a && a >= b) ? a : b), undefined)
      return [
        `${PROLOG}<urlset xmlns="${SITEMAP_NS}">`,
        url(urls.edition(edition), latest([...newest.keys()])),
        ...sections.map((section) =>
          url(urls.section(edition, section), latest(catalogue.sectionFamily(section))),
        ),
        '</urlset>\n',
      ].join('')
    },

    /** An edition's stories of the last 48 hours, newest first, for Google News. */
    async news(code: string): Promise<string | undefined> {
      const edition = catalogue.edition(code)
      if (!edition) return undefined
      const at = now()
      const since = new Date(at.getTime() - NEWS_WINDOW_MS).toISOString()
      const stories = await repository.recent(edition.id, since, NEWS_LIMIT, at.toISOString())
      const publication = `<news:publication><news:name>${xml(deps.siteName)}</news:name><news:language>${xml(newsLanguage(edition.locale))}</news:language></news:publication>`
      return [
        `${PROLOG}<urlset xmlns="${SITEMAP_NS}" xmlns:news="${NEWS_NS}">`,
        ...stories.map((story) => {
          const path = storyPath(edition, story)
          if (path === '/') return ''
          return `<url><loc>${xml(publicUrl + path)}</loc><news:news>${publication}<news:publication_date>${w3c(story.publishedAt)}</news:publication_date><news:title>${xml(story.headline)}</news:title></news:news></url>`
        }),
        '</urlset>\n',
      ].join('')
    },

    /** Crawl everything readers see; not the newsroom, the community endpoints or the API. */
    robots(): string {
      return [
        'User-agent: *',
        'Allow: /',
        'Disallow: /admin',
        'Disallow: /community',
        'Disallow: /api',
        '',
        `Sitemap: ${publicUrl}${sitemapPaths.index}`,
        ...catalogue.editions().map((e) => `Sitemap: ${publicUrl}${sitemapPaths.news(e)}`),
        '',
      ].join('\n')
    },
  }
}

export type Sitemaps = ReturnType<typeof createSitemaps>
