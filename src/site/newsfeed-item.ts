// A newsfeed entry as the live script receives it: the same words and times the server renders.
import type { Catalogue } from '../content/catalogue.ts'
import type { NewsfeedItem } from '../content/content.types.ts'
import type { Clock } from '../platform/clock.ts'
import { formatsFor } from './format.ts'
import type { Urls } from './urls.ts'

export interface NewsfeedEntry {
  kind: string
  articleId: number
  headline?: string
  url?: string
  time?: string
  datetime?: string
  breaking: boolean
}

export function createNewsfeedEntries(deps: { catalogue: Catalogue; urls: Urls; clock: Clock }) {
  return (
    change: { kind: string; articleId: number },
    item: NewsfeedItem | undefined,
  ): NewsfeedEntry => {
    const edition = item && deps.catalogue.editionById(item.editionId)
    if (!item || !edition)
      return { kind: change.kind, articleId: change.articleId, breaking: false }
    const formats = formatsFor(edition)
    return {
      kind: change.kind,
      articleId: item.id,
      headline: item.headline,
      url: deps.urls.article(item),
      time: formats.feedTime(item.publishedAt, deps.clock.now()),
      datetime: formats.iso(item.publishedAt),
      breaking: item.breaking,
    }
  }
}
