// Serves /sitemap.xml, the sitemaps it lists under /sitemaps/{edition}/, and /robots.txt. They are
// the same for everyone and a few minutes old is fresh enough, so any cache may keep them.
import { Readable } from 'node:stream'
import type { FastifyInstance, FastifyReply } from 'fastify'
import { type Sitemaps, sitemapPaths } from './sitemaps.ts'

const XML = 'application/xml; charset=utf-8'
const CACHE = 'public, max-age=300'
const ARTICLES = /^articles-(\d{4}-\d{2})-(\d{1,6})\.xml$/

export async function sitemapRoutes(app: FastifyInstance, deps: { sitemaps: Sitemaps }) {
  const { sitemaps } = deps
  const send = (reply: FastifyReply, body: string | AsyncIterable<string> | undefined) => {
    if (body === undefined)
      return reply.code(404).type('text/plain; charset=utf-8').send('No such sitemap')
    return reply
      .type(XML)
      .header('cache-control', CACHE)
      .send(typeof body === 'string' ? body : Readable.from(body))
  }

  app.get(sitemapPaths.index, async (_request, reply) => send(reply, await sitemaps.index()))

  app.get<{ Params: { edition: string; file: string } }>(
    '/sitemaps/:edition/:file',
    async (request, reply) => {
      const { edition, file } = request.params
      if (file === 'sections.xml') return send(reply, await sitemaps.sections(edition))
      if (file === 'news.xml') return send(reply, await sitemaps.news(edition))
      const match = ARTICLES.exec(file)
      const body = match && (await sitemaps.articles(edition, match[1]!, Number(match[2])))
      return send(reply, body ?? undefined)
    },
  )

  app.get('/robots.txt', async (_request, reply) =>
    reply.type('text/plain; charset=utf-8').header('cache-control', CACHE).send(sitemaps.robots()),
  )
}
