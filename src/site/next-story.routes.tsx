// Reading on at the end of a story: the next story of its section as an HTML fragment the page's
// script appends, and the report that an appended story was read.
import { STATUS_CODES } from 'node:http'
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { renderToString } from 'preact-render-to-string'
import type { Catalogue } from '../content/catalogue.ts'
import type { Edition } from '../content/content.types.ts'
import type { ReadingService } from '../content/reading.service.ts'
import type { Clock } from '../platform/clock.ts'
import { ArticleStory } from './components/article-story.tsx'
import { MAX_DEPTH, NextStory } from './components/next-story.tsx'
import { pageContext } from './page-context.ts'
import { PageError, parseStoryId } from './params.ts'
import type { Urls } from './urls.ts'
import type { Views } from './views.ts'

export interface NextStoryDeps {
  reading: ReadingService
  catalogue: Catalogue
  urls: Urls
  clock: Clock
  views: Views
  siteName: string
  publicUrl: string
}

type StoryParams = { edition: string; id: string }
type FragmentQuery = { depth?: string | string[] }

const FRAGMENT_CACHE = 'public, max-age=30'
// A fragment goes into a page that already has its head, newsfeed and script.
const NO_NEWSFEED = { items: [], lastEventId: 0 }

function parseDepth(raw: unknown): number {
  if (typeof raw !== 'string' || !/^\d{1,2}$/.test(raw)) throw new PageError(400)
  const depth = Number(raw)
  if (depth < 1 || depth > MAX_DEPTH) throw new PageError(400)
  return depth
}

// These answers are read by the page's script, not shown to readers: a status and its word will do.
function plainError(error: FastifyError | PageError, request: FastifyRequest, reply: FastifyReply) {
  const status = error instanceof PageError ? error.status : (error.statusCode ?? 500)
  if (status >= 500) request.log.error({ err: error }, 'next story failed')
  return reply
    .code(status)
    .header('cache-control', 'no-store')
    .type('text/plain; charset=utf-8')
    .send(STATUS_CODES[status] ?? 'Error')
}

export async function nextStoryRoutes(app: FastifyInstance, deps: NextStoryDeps) {
  const { reading, catalogue, urls, clock, views } = deps

  const editionOf = (code: string): Edition => {
    const edition = catalogue.edition(code)
    if (!edition) throw new PageError(404)
    return edition
  }

  app.get<{ Params: StoryParams; Querystring: FragmentQuery }>(
    '/:edition/stories/:id/next',
    { errorHandler: plainError },
    async (request, reply) => {
      const edition = editionOf(request.params.edition)
      const id = parseStoryId(request.params.id)
      const depth = parseDepth(request.query.depth)
      const article = await reading.following(id)
      if (!article || article.editionId !== edition.id) throw new PageError(404)
      const base = { siteName: deps.siteName, publicUrl: deps.publicUrl, catalogue, urls }
      const ctx = pageContext({ ...base, stylesheet: '' }, edition, clock.now(), NO_NEWSFEED)
      const html = renderToString(
        <>
          <ArticleStory ctx={ctx} article={article} />
          <NextStory ctx={ctx} from={article.id} next={article.next} depth={depth + 1} />
        </>,
      )
      return reply
        .header('cache-control', FRAGMENT_CACHE)
        .header('x-robots-tag', 'noindex')
        .type('text/html; charset=utf-8')
        .send(html)
    },
  )

  app.post<{ Params: StoryParams }>(
    '/:edition/stories/:id/view',
    { errorHandler: plainError },
    async (request, reply) => {
      const edition = editionOf(request.params.edition)
      const id = parseStoryId(request.params.id)
      // Only stories readers can see are counted, so the counts cannot grow without bound.
      const story = await reading.story(id)
      if (!story || story.editionId !== edition.id) throw new PageError(404)
      views.record(id)
      return reply.code(204).header('cache-control', 'no-store').send()
    },
  )
}
