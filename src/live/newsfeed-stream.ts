// The live newsfeed: a Server-Sent Events stream per edition, fed by the bus, resumable from the
// story_events log, with a bounded buffer per reader so a slow one never holds up the rest.
import type { ServerResponse } from 'node:http'
import type { FastifyBaseLogger } from 'fastify'
import type { ArticleRepository } from '../content/article.repository.ts'
import type { NewsfeedItem } from '../content/content.types.ts'
import type { Clock } from '../platform/clock.ts'
import type { Bus } from './bus.ts'
import type { StoryEvent, StoryEventKind } from './events.ts'
import type { StoryEventsRepository } from './story-events.repository.ts'

export interface StreamOptions {
  heartbeatMs: number
  /** Bytes a reader may leave unread before the connection is dropped (it reconnects and resumes). */
  maxBuffered: number
  /** How far back a reconnecting reader is brought up to date; further back, it is told to reload. */
  maxReplay: number
}

interface Reader {
  res: ServerResponse
  lastId: number
}

type Change = { id: number; kind: StoryEventKind; articleId: number; editionId: number }

/** What a reader's page needs to show a story in its newsfeed; `item` is absent once it is gone. */
export type Present = (change: Change, item: NewsfeedItem | undefined) => object

export function createNewsfeedStream(deps: {
  bus: Bus
  events: StoryEventsRepository
  articles: ArticleRepository
  clock: Clock
  log: FastifyBaseLogger
  present: Present
  options?: Partial<StreamOptions>
}) {
  const { events, articles, clock, log, present } = deps
  const options: StreamOptions = {
    heartbeatMs: 15_000,
    maxBuffered: 256 * 1024,
    maxReplay: 100,
    ...deps.options,
  }
  const readers = new Map<number, Set<Reader>>()
  const lastSeen = new Map<number, number>()
  // Broadcasts and replays run one after another, so a reader never sees a story out of order.
  let queue: Promise<unknown> = Promise.resolve()
  const serially = (work: () => Promise<void>) => {
    queue = queue
      .then(work)
      .catch((error: unknown) => log.error({ err: error }, 'newsfeed stream failed'))
    return queue
  }

  const messages = async (changes: Change[]): Promise<{ id: number; text: string }[]> => {
    const items = await articles.newsfeedItems(
      [...new Set(changes.filter((c) => c.kind !== 'unpublished').map((c) => c.articleId))],
      clock.now().toISOString(),
    )
    const byId = new Map(items.map((item) => [item.id, item]))
    return changes.map((change) => ({
      id: change.id,
      text: `id: ${change.id}\nevent: story\ndata: ${JSON.stringify(present(change, byId.get(change.articleId)))}\n\n`,
    }))
  }

  const send = (reader: Reader, text: string, editionId: number) => {
    if (reader.res.writableLength > options.maxBuffered) {
      // It stopped reading: drop it; its browser reconnects and resumes from its last event.
      readers.get(editionId)?.delete(reader)
      reader.res.destroy()
      return
    }
    reader.res.write(text)
  }

  const deliver = async (editionId: number, changes: Change[]) => {
    const audience = readers.get(editionId)
    const newest = changes[changes.length - 1]?.id ?? 0
    if (newest > (lastSeen.get(editionId) ?? 0)) lastSeen.set(editionId, newest)
    if (!audience || audience.size === 0) return
    for (const message of await messages(changes)) {
      for (const reader of audience) {
        if (reader.lastId >= message.id) continue
        reader.lastId = message.id
        send(reader, message.text, editionId)
      }
    }
  }

  deps.bus.subscribe((event) => {
    if (event.type === 'story')
      void serially(() => deliver(event.editionId, [event satisfies StoryEvent]))
  })

  // After a lost bus connection, fetch from the log whatever this instance did not hear about.
  deps.bus.onReconnect(() => {
    for (const editionId of readers.keys())
      void serially(async () => {
        const missed = await events.since(
          editionId,
          lastSeen.get(editionId) ?? 0,
          options.maxReplay,
        )
        await deliver(editionId, missed)
      })
  })

  const heartbeat = setInterval(() => {
    for (const [editionId, audience] of readers)
      for (const reader of audience) send(reader, ': ping\n\n', editionId)
  }, options.heartbeatMs)
  heartbeat.unref()

  return {
    /** Takes over the response: headers, replay after `lastEventId`, then live events until it closes. */
    connect(
      editionId: number,
      res: ServerResponse,
      lastEventId: number | undefined,
    ): Promise<unknown> {
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      })
      res.write('retry: 3000\n\n')
      return serially(async () => {
        if (res.destroyed) return
        const reader: Reader = { res, lastId: lastEventId ?? 0 }
        if (lastEventId !== undefined) {
          const missed = await events.since(editionId, lastEventId, options.maxReplay + 1)
          if (missed.length > options.maxReplay) {
            res.write('event: reload\ndata: {}\n\n')
            reader.lastId = missed[missed.length - 1]!.id
          } else {
            for (const message of await messages(missed)) {
              reader.lastId = message.id
              res.write(message.text)
            }
          }
        } else {
          reader.lastId = lastSeen.get(editionId) ?? (await events.latestId())
        }
        const audience = readers.get(editionId) ?? new Set<Reader>()
        readers.set(editionId, audience)
        audience.add(reader)
        res.on('close', () => audience.delete(reader))
      })
    },

    readers(): number {
      let count = 0
      for (const audience of readers.values()) count += audience.size
      return count
    },

    close(): void {
      clearInterval(heartbeat)
      for (const audience of readers.values()) for (const reader of audience) reader.res.end()
      readers.clear()
    },
  }
}

export type NewsfeedStream = ReturnType<typeof createNewsfeedStream>
