// What a feed lists: the 50 latest public stories of an edition, section, tag or author, with their
// bylines, topics, lead photo rendition and its size on disk, and, for full-text feeds, what their
// bodies show. A fixed number of queries whatever the feed holds.
import fs from 'node:fs/promises'
import { type BodyDoc, collectReferences } from '../content/body/index.ts'
import type { Catalogue } from '../content/catalogue.ts'
import type { ArticleSummary, Edition } from '../content/content.types.ts'
import type { TaxonomyRepository } from '../content/taxonomy.repository.ts'
import type { MediaRepository } from '../media/media.repository.ts'
import type { MediaView } from '../media/media.types.ts'
import { RENDITION_WIDTHS, type Renditions } from '../media/renditions.ts'
import type { Clock } from '../platform/clock.ts'
import type { ContentApiRepository, LinkRef } from './content-api.repository.ts'
import type { FeedFilter, FeedRepository, FeedStoryRow } from './feed.repository.ts'
import type { FeedScope } from './feed-links.ts'

/** Stories in one feed. */
export const FEED_LENGTH = 50

/** `summary`: items carry the dek; `full`: the whole body as HTML. */
export type FeedContent = 'summary' | 'full'

/** The photo sent as a feed's enclosure: the JPEG rendition up to 1280 px wide. */
export const FEED_IMAGE = { maxWidth: 1280, format: 'jpg', type: 'image/jpeg' } as const

export interface FeedImage {
  media: MediaView
  /** The rendition's width in the address (the photo's own when it is narrower). */
  width: number
  /** Its width in pixels: renditions are never enlarged. */
  pixels: number
  /** The rendition file's length in bytes. */
  bytes: number
}

export interface FeedStory extends FeedStoryRow {
  tags: LinkRef[]
  authors: LinkRef[]
  image: FeedImage | null
  /** Full-text feeds only: the body and the photos and stories it points at. */
  full?: {
    body: BodyDoc
    bodyMedia: Map<number, MediaView>
    bodyArticles: Map<number, ArticleSummary>
  }
}

/** The rendition width a feed sends for a photo: the widest up to 1280 px the photo fills. */
export function feedImageWidth(media: { width: number }): number {
  const fitting = RENDITION_WIDTHS.filter((w) => w <= Math.min(FEED_IMAGE.maxWidth, media.width))
  return fitting.at(-1) ?? RENDITION_WIDTHS[0]!
}

export function createFeedService(deps: {
  repository: FeedRepository
  links: ContentApiRepository['links']
  media: Pick<MediaRepository, 'byIds'>
  renditions: Pick<Renditions, 'fileOf'>
  taxonomy: Pick<TaxonomyRepository, 'tagBySlug' | 'authorBySlug'>
  catalogue: Catalogue
  clock: Clock
  content: FeedContent
}) {
  const { repository, catalogue, clock } = deps
  // A rendition of a photo never changes, so its length is read from disk once.
  const sizes = new Map<string, number>()

  /**
   * The enclosure's rendition and its exact length, made now if no page has asked for it yet. A
   * photo whose original is missing or unreadable has no rendition to send, so no enclosure.
   */
  const imageOf = async (media: MediaView): Promise<FeedImage | null> => {
    const width = feedImageWidth(media)
    const key = `${media.id}/${width}`
    let bytes = sizes.get(key)
    if (bytes === undefined) {
      const file = await deps.renditions
        .fileOf(media, width, FEED_IMAGE.format)
        .catch(() => undefined)
      const stat = file && (await fs.stat(file).catch(() => undefined))
      if (!stat) return null
      bytes = stat.size
      if (sizes.size >= 10_000) sizes.clear()
      sizes.set(key, bytes)
    }
    return { media, width, pixels: Math.min(width, media.width), bytes }
  }

  const filterOf = (edition: Edition, scope?: FeedScope): FeedFilter =>
    !scope
      ? { editionId: edition.id }
      : 'section' in scope
        ? { sectionIds: catalogue.sectionFamily(scope.section) }
        : 'tag' in scope
          ? { tagId: scope.tag.id }
          : { authorId: scope.author.id }

  return {
    content: deps.content,

    /** The section, tag or author a feed's address names in the edition, if there is one. */
    async scope(
      edition: Edition,
      kind: 'section' | 'tag' | 'author',
      slug: string,
    ): Promise<FeedScope | undefined> {
      if (kind === 'section') {
        const section = catalogue.section(edition.id, slug)
        return section && { section }
      }
      if (kind === 'tag') {
        const tag = await deps.taxonomy.tagBySlug(edition.id, slug)
        return tag && { tag }
      }
      const author = await deps.taxonomy.authorBySlug(edition.id, slug)
      return author && { author }
    },

    /** The newest public stories of the feed, newest first. */
    async latest(edition: Edition, scope?: FeedScope): Promise<FeedStory[]> {
      const now = clock.now().toISOString()
      const full = deps.content === 'full'
      const rows = await repository.latest(filterOf(edition, scope), {
        limit: FEED_LENGTH,
        now,
        withBody: full,
      })
      const bodies = rows.map((row) => row.body as BodyDoc | undefined)
      const refs = bodies.map((body) => body && collectReferences(body))
      const unique = (ids: number[][]) => [...new Set(ids.flat())]
      const [links, images, bodyMedia, bodyArticles] = await Promise.all([
        deps.links(rows.map((row) => row.id)),
        Promise.all(rows.map((row) => (row.lead ? imageOf(row.lead) : null))),
        full ? deps.media.byIds(unique(refs.map((r) => r?.mediaIds ?? []))) : new Map(),
        full
          ? repository.cards(unique(refs.map((r) => r?.articleIds ?? [])), now)
          : new Map<number, ArticleSummary>(),
      ])
      return rows.map((row, i) => {
        const body = bodies[i]
        return {
          ...row,
          tags: links.tags.get(row.id) ?? [],
          authors: links.authors.get(row.id) ?? [],
          image: images[i] ?? null,
          ...(body && { full: { body, bodyMedia, bodyArticles } }),
        }
      })
    },
  }
}

export type FeedService = ReturnType<typeof createFeedService>
