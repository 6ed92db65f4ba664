import type { ServerResponse } from 'node:http'
import { pino } from 'pino'
import { describe, expect, it } from 'vitest'
import type { ArticleRepository } from '../content/article.repository.ts'
import { createMemoryBus } from './bus.ts'
import type { StoryEvent } from './events.ts'
import { createNewsfeedStream } from './newsfeed-stream.ts'
import type { StoryEventsRepository } from './story-events.repository.ts'

/** A response that records what it was sent and reports as unread whatever `unread` says. */
function fakeResponse(unread: () => number) {
  const sent: string[] = []
  let destroyed = false
  const res = {
    get writableLength() {
      return unread()
    },
    get destroyed() {
      return destroyed
    },
    writeHead: () => res,
    write: (text: string) => sent.push(text) > 0,
    end: () => {},
    destroy: () => {
      destroyed = true
    },
    on: () => res,
  }
  return { res: res as unknown as ServerResponse, sent, isDestroyed: () => destroyed }
}

const event = (id: number): StoryEvent => ({
  type: 'story',
  id,
  kind: 'published',
  articleId: id,
  editionId: 1,
  sectionId: 1,
  tagIds: [],
  authorIds: [],
  breaking: false,
})

describe('newsfeed stream', () => {
  it('drops a reader that stops reading without holding up the others', async () => {
    const bus = createMemoryBus()
    const stream = createNewsfeedStream({
      bus,
      events: {
        since: async () => [],
        latestId: async () => 0,
      } as unknown as StoryEventsRepository,
      articles: {
        newsfeedItems: async (ids: number[]) =>
          ids.map((id) => ({
            id,
            editionId: 1,
            sectionId: 1,
            slug: 's',
            headline: `Story ${id}`,
            breaking: false,
            publishedAt: new Date(),
          })),
      } as unknown as ArticleRepository,
      clock: { now: () => new Date() },
      log: pino({ level: 'silent' }),
      present: (change, item) => ({ articleId: change.articleId, headline: item?.headline }),
      options: { maxBuffered: 1000 },
    })
    let backlog = 0
    const slow = fakeResponse(() => backlog)
    const fast = fakeResponse(() => 0)
    await stream.connect(1, slow.res, undefined)
    await stream.connect(1, fast.res, undefined)
    expect(stream.readers()).toBe(2)

    await bus.publish(event(1))
    await new Promise((r) => setTimeout(r, 20))
    backlog = 5000
    await bus.publish(event(2))
    await bus.publish(event(3))
    await new Promise((r) => setTimeout(r, 20))

    expect(slow.isDestroyed()).toBe(true)
    expect(stream.readers()).toBe(1)
    const stories = (sent: string[]) =>
      sent.filter((s) => s.startsWith('id: ')).map((s) => s.split('\n')[0])
    expect(stories(fast.sent)).toEqual(['id: 1', 'id: 2', 'id: 3'])
    expect(stories(slow.sent)).toEqual(['id: 1'])
    stream.close()
  })
})
