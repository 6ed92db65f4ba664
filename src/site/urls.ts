// Every reader URL is built here, so a change of scheme is made in one place.
import type { Catalogue } from '../content/catalogue.ts'
import type { Author, Edition, NewsfeedItem, Section, Tag } from '../content/content.types.ts'
import type { RenditionFormat } from '../media/renditions.ts'
import { formatsFor } from './format.ts'

export type { RenditionFormat }

export function createUrls(catalogue: Catalogue) {
  return {
    edition: (edition: Edition) => `/${edition.code}`,
    section: (edition: Edition, section: Section) => `/${edition.code}/${section.slug}`,
    tag: (edition: Edition, tag: Tag) => `/${edition.code}/tags/${tag.slug}`,
    author: (edition: Edition, author: Author) => `/${edition.code}/authors/${author.slug}`,
    /** `/{edition}/{section}/{yyyymmdd}/{slug}-{id}`, the date in the edition's time zone. */
    article(article: NewsfeedItem): string {
      const edition = catalogue.editionById(article.editionId)
      const section = catalogue.sectionById(article.sectionId)
      if (!edition || !section) return '/'
      return `/${edition.code}/${section.slug}/${formatsFor(edition).urlDate(article.publishedAt)}/${article.slug}-${article.id}`
    },
    /** The story after `articleId` as a fragment to append, the `depth`th appended so far. */
    nextStory: (edition: Edition, articleId: number, depth: number) =>
      `/${edition.code}/stories/${articleId}/next?depth=${depth}`,
    /** Where a reader's browser reports an appended story as read. */
    storyView: (edition: Edition, articleId: number) =>
      `/${edition.code}/stories/${articleId}/view`,
    rendition: (mediaId: number, width: number, format: RenditionFormat) =>
      `/media/${mediaId}/${width}.${format}`,
  }
}

export type Urls = ReturnType<typeof createUrls>
