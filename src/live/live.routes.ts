// The live endpoints: an edition's newsfeed stream (SSE) and its current list as JSON.
import type { FastifyInstance } from 'fastify'
import type { Catalogue } from '../content/catalogue.ts'
import type { Edition, NewsfeedList } from '../content/content.types.ts'
import type { NewsfeedStream } from './newsfeed-stream.ts'

const EVENT_ID = /^\d{1,15}$/

/** The Last-Event-ID a browser sends when it reconnects wins over the one the page started with. */
function lastEventId(header: unknown, query: unknown): number | undefined {
  for (const value of [header, query])
    if (typeof value === 'string' && EVENT_ID.test(value)) return Number(value)
  return undefined
}

export async function liveRoutes(
  app: FastifyInstance,
  deps: {
    catalogue: Catalogue
    stream: NewsfeedStream
    newsfeed: (edition: Edition) => Promise<NewsfeedList>
    entry: (
      change: { kind: string; articleId: number },
      item: NewsfeedList['items'][number],
    ) => object
  },
) {
  app.get<{ Params: { edition: string }; Querystring: { lastEventId?: string } }>(
    '/:edition/newsfeed/stream',
    async (request, reply) => {
      const edition = deps.catalogue.edition(request.params.edition)
      if (!edition) return reply.code(404).type('text/plain; charset=utf-8').send('No such edition')
      reply.hijack()
      await deps.stream.connect(
        edition.id,
        reply.raw,
        lastEventId(request.headers['last-event-id'], request.query.lastEventId),
      )
    },
  )

  app.get<{ Params: { edition: string } }>('/:edition/newsfeed.json', async (request, reply) => {
    const edition = deps.catalogue.edition(request.params.edition)
    if (!edition) return reply.code(404).send({ error: 'not_found', message: 'No such edition' })
    const list = await deps.newsfeed(edition)
    return reply.header('cache-control', 'no-store').send({
      lastEventId: list.lastEventId,
      items: list.items.map((item) => deps.entry({ kind: 'published', articleId: item.id }, item)),
    })
  })
}
