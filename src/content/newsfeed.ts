// The edition's latest headlines, shown beside every page: read once, kept until a story changes.
import type { Clock } from '../platform/clock.ts'
import type { ArticleRepository } from './article.repository.ts'
import type { Edition, NewsfeedList } from './content.types.ts'

export const NEWSFEED_LENGTH = 12

export function createNewsfeed(deps: {
  articles: ArticleRepository
  /** The newest story event's id, read before the list so the list is at least that fresh. */
  latestEventId: () => Promise<number>
  clock: Clock
  /** How long a list may be kept without news of a change (other instances, embargoes ending). */
  maxAgeMs: number
}) {
  const { articles, latestEventId, clock, maxAgeMs } = deps
  const kept = new Map<number, { list: Promise<NewsfeedList>; until: number }>()
  const read = async (edition: Edition, now: Date): Promise<NewsfeedList> => {
    const lastEventId = await latestEventId()
    return {
      lastEventId,
      items: await articles.newsfeed(edition.id, NEWSFEED_LENGTH, now.toISOString()),
    }
  }
  return {
    latest(edition: Edition): Promise<NewsfeedList> {
      const now = clock.now()
      const entry = kept.get(edition.id)
      if (entry && entry.until > now.getTime()) return entry.list
      const list = read(edition, now)
      kept.set(edition.id, { list, until: now.getTime() + maxAgeMs })
      list.catch(() => kept.delete(edition.id))
      return list
    },
    /** Called after any story is written, so the next page shows the change. */
    invalidate(): void {
      kept.clear()
    },
  }
}

export type Newsfeed = ReturnType<typeof createNewsfeed>
