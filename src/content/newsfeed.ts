// The edition's latest headlines, shown beside every page: read once, kept until a story changes.
import type { Clock } from '../platform/clock.ts'
import type { ArticleRepository } from './article.repository.ts'
import type { Edition, NewsfeedItem } from './content.types.ts'

export const NEWSFEED_LENGTH = 12

export function createNewsfeed(deps: {
  articles: ArticleRepository
  clock: Clock
  /** How long a list may be kept without news of a change (other instances, embargoes ending). */
  maxAgeMs: number
}) {
  const { articles, clock, maxAgeMs } = deps
  const kept = new Map<number, { items: Promise<NewsfeedItem[]>; until: number }>()
  return {
    latest(edition: Edition): Promise<NewsfeedItem[]> {
      const now = clock.now()
      const entry = kept.get(edition.id)
      if (entry && entry.until > now.getTime()) return entry.items
      const items = articles.newsfeed(edition.id, NEWSFEED_LENGTH, now.toISOString())
      kept.set(edition.id, { items, until: now.getTime() + maxAgeMs })
      items.catch(() => kept.delete(edition.id))
      return items
    },
    /** Called after any story is written, so the next page shows the change. */
    invalidate(): void {
      kept.clear()
    },
  }
}

export type Newsfeed = ReturnType<typeof createNewsfeed>
