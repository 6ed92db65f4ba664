// The story_events log: written in the transaction of each change, read by streams that resume.
import type { Db } from '../platform/db/database.ts'
import { createPrepared, slot } from '../platform/db/prepared.ts'
import type { StoryEventKind } from './events.ts'

export interface StoryEventRow {
  id: number
  editionId: number
  articleId: number
  kind: StoryEventKind
}

export function createStoryEventsRepository(db: Db) {
  const run = createPrepared(db)
  return {
    async record(
      trx: Db,
      event: { editionId: number; articleId: number; kind: StoryEventKind; at: string },
    ): Promise<number> {
      const { id } = await trx
        .insertInto('story_events')
        .values({
          edition_id: event.editionId,
          article_id: event.articleId,
          kind: event.kind,
          created_at: event.at,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      return id
    },

    /** The edition's events after `afterId`, oldest first, at most `limit`. */
    async since(editionId: number, afterId: number, limit: number): Promise<StoryEventRow[]> {
      const rows = await run(
        'storyEventsSince',
        () =>
          db
            .selectFrom('story_events')
            .select(['id', 'edition_id', 'article_id', 'kind'])
            .where('edition_id', '=', slot<number>('edition'))
            .where('id', '>', slot<number>('after'))
            .orderBy('id')
            .limit(slot<number>('limit')),
        { edition: editionId, after: afterId, limit },
      )
      return rows.map((r) => ({
        id: r.id,
        editionId: r.edition_id,
        articleId: r.article_id,
        kind: r.kind as StoryEventKind,
      }))
    },

    async latestId(): Promise<number> {
      const row = await db
        .selectFrom('story_events')
        .select((eb) => eb.fn.max('id').as('id'))
        .executeTakeFirst()
      return Number(row?.id ?? 0)
    },
  }
}

export type StoryEventsRepository = ReturnType<typeof createStoryEventsRepository>
