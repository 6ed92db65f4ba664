// What reader pages show: an edition's home, section, tag and author lists, one story.

import type { MediaRepository } from '../media/media.repository.ts'
import type { Clock } from '../platform/clock.ts'
import type { ArticleRepository } from './article.repository.ts'
import { type BodyDoc, collectReferences } from './body/index.ts'
import type { Catalogue } from './catalogue.ts'
import type {
  Article,
  ArticleRecord,
  ArticleSummary,
  Author,
  Edition,
  Page,
  Section,
  Tag,
} from './content.types.ts'
import type { Newsfeed } from './newsfeed.ts'
import type { TaxonomyRepository } from './taxonomy.repository.ts'

export const PAGE_SIZE = 20

export type ArticleLookup =
  | { kind: 'published'; article: Article }
  | { kind: 'gone'; record: ArticleRecord }
  | { kind: 'missing' }

// A scheduled story is public from its time on, whether or not anything has yet marked it published.
function isPublic(
  row: { status: ArticleRecord['status']; publishedAt: Date | null },
  at: Date,
): row is { status: 'published' | 'scheduled'; publishedAt: Date } {
  return (
    (row.status === 'published' || row.status === 'scheduled') &&
    row.publishedAt !== null &&
    row.publishedAt <= at
  )
}

export function createReadingService(deps: {
  articles: ArticleRepository
  taxonomy: TaxonomyRepository
  media: MediaRepository
  catalogue: Catalogue
  newsfeed: Newsfeed
  clock: Clock
}) {
  const { articles, taxonomy, media, catalogue, newsfeed, clock } = deps
  const now = () => clock.now().toISOString()

  // Fetch one more than a page to learn whether another page follows, without counting.
  const paged = async (
    page: number,
    fetch: (limit: number, offset: number) => Promise<ArticleSummary[]>,
  ): Promise<Page<ArticleSummary>> => {
    const rows = await fetch(PAGE_SIZE + 1, (page - 1) * PAGE_SIZE)
    return { items: rows.slice(0, PAGE_SIZE), page, hasNext: rows.length > PAGE_SIZE }
  }

  /** A story readers may see now, without its body: enough to address or count it. */
  async function story(id: number): Promise<ArticleRecord | undefined> {
    const record = await articles.record(id)
    return record && isPublic(record, clock.now()) ? record : undefined
  }

  /** One story with everything its page shows, or why it cannot be shown. */
  async function article(id: number): Promise<ArticleLookup> {
    const at = clock.now()
    const row = await articles.findById(id)
    if (!row) return { kind: 'missing' }
    if (!isPublic(row, at)) {
      // A story once public and then withdrawn is gone for good; a draft or embargoed one is not there.
      if (row.status === 'unpublished')
        return { kind: 'gone', record: { ...row, status: row.status } }
      return { kind: 'missing' }
    }
    return { kind: 'published', article: await assemble(row, row.publishedAt, at) }
  }

  /** Everything a story's page shows, for a story public at `publishedAt` (or previewed as if). */
  async function assemble(
    row: NonNullable<Awaited<ReturnType<ArticleRepository['findById']>>>,
    publishedAt: Date,
    at: Date,
  ): Promise<Article> {
    const id = row.id
    const body = row.body as BodyDoc
    const refs = collectReferences(body)
    const iso = at.toISOString()
    const [authors, tags, linked, bodyMedia, next, corrections] = await Promise.all([
      taxonomy.authorsOfArticle(id),
      taxonomy.tagsOfArticle(id),
      articles.linkedTo(id, row.translationGroup, refs.articleIds, iso),
      media.byIds(refs.mediaIds),
      articles.nextInSection(id, row.sectionId, publishedAt, iso),
      articles.corrections(id),
    ])
    return {
      ...row,
      publishedAt,
      body,
      authors,
      tags,
      related: linked.related,
      bodyArticles: linked.cards,
      bodyMedia,
      translations: linked.translations,
      next,
      corrections,
    }
  }

  return {
    /** A story in any status as its page would show it now: the newsroom's preview. */
    async preview(id: number): Promise<Article | undefined> {
      const row = await articles.findById(id)
      if (!row) return undefined
      const at = clock.now()
      return assemble(row, row.publishedAt ?? at, at)
    },

    async home(edition: Edition) {
      const sections = catalogue.topSections(edition.id)
      const [latest, tops] = await Promise.all([
        articles.latestInEdition(edition.id, 13, 0, now()),
        articles.topOfEachSection(
          sections.map((s) => s.id),
          4,
          now(),
        ),
      ])
      const top = latest.find((a) => a.breaking) ?? latest.find((a) => a.lead) ?? latest[0] ?? null
      return {
        top,
        latest: latest.filter((a) => a !== top).slice(0, 12),
        blocks: sections
          .map((section) => ({ section, items: tops.filter((a) => a.sectionId === section.id) }))
          .filter((block) => block.items.length > 0),
      }
    },

    /** Every story of the edition, newest first: the full newsfeed. */
    latest: (edition: Edition, page: number) =>
      paged(page, (limit, offset) => articles.latestInEdition(edition.id, limit, offset, now())),

    section: (section: Section, page: number) =>
      paged(page, (limit, offset) =>
        articles.latestInSections(catalogue.sectionFamily(section), limit, offset, now()),
      ),

    async tag(
      edition: Edition,
      slug: string,
      page: number,
    ): Promise<{ tag: Tag; list: Page<ArticleSummary> } | undefined> {
      const tag = await taxonomy.tagBySlug(edition.id, slug)
      if (!tag) return undefined
      return {
        tag,
        list: await paged(page, (limit, offset) =>
          articles.latestByTag(tag.id, limit, offset, now()),
        ),
      }
    },

    async author(
      edition: Edition,
      slug: string,
      page: number,
    ): Promise<{ author: Author; list: Page<ArticleSummary> } | undefined> {
      const author = await taxonomy.authorBySlug(edition.id, slug)
      if (!author) return undefined
      return {
        author,
        list: await paged(page, (limit, offset) =>
          articles.latestByAuthor(author.id, limit, offset, now()),
        ),
      }
    },

    newsfeed: (edition: Edition) => newsfeed.latest(edition),

    article,

    story,

    /** The story read after `id` (the next older in its section), complete; undefined at the end. */
    async following(id: number): Promise<Article | undefined> {
      const current = await story(id)
      if (!current?.publishedAt) return undefined
      const next = await articles.nextInSection(id, current.sectionId, current.publishedAt, now())
      if (!next) return undefined
      const found = await article(next.id)
      return found.kind === 'published' ? found.article : undefined
    },
  }
}

export type ReadingService = ReturnType<typeof createReadingService>
