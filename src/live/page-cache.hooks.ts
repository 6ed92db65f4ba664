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

const HTML = 'text/html; charset=utf-8'

const headersOf = (page: CachedPage) => ({
  etag: page.etag,
  'cache-control': PUBLIC_PAGE_CACHE_CONTROL,
  'surrogate-key': page.keys.join(' '),
  ...(page.lastModified !== undefined && { 'last-modified': page.lastModified }),
})

/** If-None-Match decides when sent; If-Modified-Since only then, for pages sent with a Last-Modified. */
function notModified(page: CachedPage, headers: IncomingMessage['headers']): boolean {
  const tag = headers['if-none-match']
  if (tag !== undefined) return tag === page.etag
  const since = headers['if-modified-since']
  if (since === undefined || page.lastModified === undefined) return false
  const at = Date.parse(since)
  return !Number.isNaN(at) && Date.parse(page.lastModified) <= at
}

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
  if (notModified(page, req.headers)) {
    res.writeHead(304, headersOf(page)).end()
    return true
  }
  res
    .writeHead(200, {
      ...headersOf(page),
      'content-type': page.type ?? HTML,
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
    if (notModified(page, request.headers)) return reply.code(304).send()
    return reply
      .code(200)
      .type(page.type ?? HTML)
      .send(page.body)
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
    if (cache.enabled) {
      const type = reply.getHeader('content-type')
      const lastModified = reply.getHeader('last-modified')
      const sent = {
        ...(typeof type === 'string' && type !== HTML && { type }),
        ...(typeof lastModified === 'string' && { lastModified }),
      }
      reply.header('etag', cache.set(request.url, payload, keys, sent).etag)
    }
    return payload
  })
}
