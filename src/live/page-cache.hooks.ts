// Serves public pages from the page cache, and stores those a route marked with surrogate keys.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { FastifyInstance } from 'fastify'
import type { CachedPage, PageCache } from './page-cache.ts'

declare module 'fastify' {
  interface FastifyReply {
    /** Set by a route whose answer is the same for every reader and may be kept. */
    surrogateKeys: readonly string[] | null
  }
}

export const PUBLIC_PAGE_CACHE_CONTROL =
  'public, max-age=30, s-maxage=60, stale-while-revalidate=300'

const headersOf = (page: CachedPage) => ({
  etag: page.etag,
  'cache-control': PUBLIC_PAGE_CACHE_CONTROL,
  'surrogate-key': page.keys.join(' '),
})

/**
 * Answers a request for a kept page straight from the HTTP server, before the framework parses and
 * routes it: a kept page needs neither, and this is the path most readers take. Returns false when
 * the page is not kept, and the request goes on to the routes.
 */
export function servePageFromCache(
  cache: PageCache,
  req: IncomingMessage,
  res: ServerResponse,
): boolean {
  if (req.method !== 'GET' || req.url === undefined) return false
  const page = cache.get(req.url)
  if (!page) return false
  if (req.headers['if-none-match'] === page.etag) {
    res.writeHead(304, headersOf(page)).end()
    return true
  }
  res
    .writeHead(200, {
      ...headersOf(page),
      'content-type': 'text/html; charset=utf-8',
      'content-length': page.body.length,
    })
    .end(page.body)
  return true
}

export async function pageCacheHooks(app: FastifyInstance, cache: PageCache) {
  app.decorateReply('surrogateKeys', null)

  app.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'GET') return
    const page = cache.get(request.url)
    if (!page) return
    reply.headers(headersOf(page))
    if (request.headers['if-none-match'] === page.etag) return reply.code(304).send()
    return reply.code(200).type('text/html; charset=utf-8').send(page.body)
  })

  app.addHook('onSend', async (request, reply, payload) => {
    const keys = reply.surrogateKeys
    if (
      !keys ||
      request.method !== 'GET' ||
      reply.statusCode !== 200 ||
      typeof payload !== 'string'
    )
      return payload
    reply.header('cache-control', PUBLIC_PAGE_CACHE_CONTROL).header('surrogate-key', keys.join(' '))
    if (cache.enabled) reply.header('etag', cache.set(request.url, payload, keys).etag)
    return payload
  })
}
