// The Content API under /api/v1: read-only JSON of the public stories for partner systems. Its own
// scope: API keys, a request budget per key, CORS for configured origins, strong ETags and 304s,
// errors as {error: {code, message}}, and an OpenAPI document of its own at /api/v1/openapi.json.
import { createHash } from 'node:crypto'
import swagger from '@fastify/swagger'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type {
  FastifyError,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  RawServerDefault,
} from 'fastify'
import type { Catalogue } from '../content/catalogue.ts'
import type { ReadingService } from '../content/reading.service.ts'
import type { TaxonomyRepository } from '../content/taxonomy.repository.ts'
import type { Clock } from '../platform/clock.ts'
import { DomainError, HTTP_STATUS, invalidInput } from '../platform/errors.ts'
import type { Urls } from '../site/urls.ts'
import { createCursors } from './api-cursor.ts'
import type { ApiKeys } from './api-keys.ts'
import type { ContentApiRepository } from './content-api.repository.ts'
import { contentApiRoutes, type SearchStories } from './content-api.routes.ts'
import { ErrorBody } from './content-api.schemas.ts'
import { type BucketLimit, createTokenBuckets } from './token-bucket.ts'

export type ContentApp = FastifyInstance<
  RawServerDefault,
  // biome-ignore lint/suspicious/noExplicitAny: fastify's own generic defaults
  any,
  // biome-ignore lint/suspicious/noExplicitAny: fastify's own generic defaults
  any,
  FastifyInstance['log'],
  TypeBoxTypeProvider
>

export const API_PREFIX = '/api/v1'

/** 600 requests a minute per key, in bursts of up to 600. */
export const DEFAULT_RATE_LIMIT: BucketLimit = { max: 600, windowMs: 60_000 }

/**
 * Clients may keep an answer but must ask again each time, with If-None-Match: a 304 costs them
 * nothing to read. Private: answers are for key holders, and x-api-key is not a header shared
 * caches know to be a credential.
 */
const CACHE_CONTROL = 'private, no-cache'
const EXPOSED_HEADERS =
  'etag, retry-after, x-ratelimit-limit, x-ratelimit-remaining, x-ratelimit-reset'
const KEY_HELP = 'send it as "Authorization: Bearer <key>" or in the x-api-key header'

export interface ContentApiDeps {
  keys: Pick<ApiKeys, 'verify'>
  repository: ContentApiRepository
  reading: Pick<ReadingService, 'article'>
  taxonomy: Pick<
    TaxonomyRepository,
    'tagBySlug' | 'authorBySlug' | 'tagsOfEdition' | 'authorsOfEdition'
  >
  catalogue: Catalogue
  urls: Urls
  clock: Clock
  publicUrl: string
  /** Origins whose pages may call the API from a browser; `*` for any; none: no CORS headers. */
  corsOrigins: readonly string[]
  /** Requests per key and instance; DEFAULT_RATE_LIMIT unless given. */
  rateLimit?: BucketLimit
  /** The edition's search; without it /search answers 501. */
  search?: SearchStories
}

interface ApiError {
  code: string
  message: string
  field?: string
}

const sendError = (reply: FastifyReply, status: number, error: ApiError) =>
  reply.code(status).header('cache-control', 'no-store').send({ error })

/** The key from `Authorization: Bearer <key>` or `x-api-key`; undefined when neither is sent. */
function presentedKey(request: FastifyRequest): string | undefined {
  const authorization = request.headers.authorization
  if (authorization !== undefined) {
    const match = /^Bearer[ ]+(\S+)[ ]*$/i.exec(authorization)
    return match?.[1] ?? authorization
  }
  const header = request.headers['x-api-key']
  return Array.isArray(header) ? header.join(',') : header
}

/** Whether If-None-Match names this ETag; weak comparison, as RFC 9110 asks for it. */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false
  if (ifNoneMatch.trim() === '*') return true
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)
}

function fieldOf(error: FastifyError): string | undefined {
  const first = error.validation?.[0]
  if (!first) return undefined
  const missing = (first.params as { missingProperty?: string }).missingProperty
  const path = first.instancePath.replace(/^\//, '').replaceAll('/', '.')
  return [path, missing].filter(Boolean).join('.') || undefined
}

export async function contentApi(app: FastifyInstance, deps: ContentApiDeps) {
  const cursors = createCursors(await deps.repository.cursorSecret())
  const buckets = createTokenBuckets({
    limit: deps.rateLimit ?? DEFAULT_RATE_LIMIT,
    clock: deps.clock,
  })
  const anyOrigin = deps.corsOrigins.includes('*')
  const origins = new Set(deps.corsOrigins)

  const unauthenticated = (message: string) =>
    new DomainError('unauthenticated', message, 'authorization')

  await app.register(
    async (api) => {
      await api.register(swagger, {
        openapi: {
          info: {
            title: 'Dateline Content API',
            version: '1',
            description:
              `Read-only JSON of the public stories. Every request but this document's carries an API key: ${KEY_HELP}. ` +
              `Keys are made by administrators in the newsroom. Each key may make ${(deps.rateLimit ?? DEFAULT_RATE_LIMIT).max} ` +
              'requests a minute per server instance (x-ratelimit-* headers; 429 with retry-after beyond). ' +
              'Every answer has a strong ETag: send it back in If-None-Match to get 304 when nothing changed. ' +
              'Lists page with the opaque nextCursor; a cursor is good for the list it came from only.',
          },
          servers: [{ url: API_PREFIX }],
          components: {
            securitySchemes: {
              bearer: { type: 'http', scheme: 'bearer' },
              apiKey: { type: 'apiKey', in: 'header', name: 'x-api-key' },
            },
          },
          security: [{ bearer: [] }, { apiKey: [] }],
        },
      })
      api.addSchema(ErrorBody)

      // CORS first, so even a refused request tells an allowed page why.
      api.addHook('onRequest', async (request, reply) => {
        reply.header('cache-control', CACHE_CONTROL)
        if (origins.size === 0) return
        reply.header('vary', 'origin')
        const origin = request.headers.origin
        if (origin === undefined || !(anyOrigin || origins.has(origin))) return
        reply.header('access-control-allow-origin', origin)
        reply.header('access-control-expose-headers', EXPOSED_HEADERS)
      })

      api.addHook('onRequest', async (request, reply) => {
        if ((request.routeOptions.config as { public?: boolean }).public) return
        const presented = presentedKey(request)
        if (presented === undefined || presented === '')
          throw unauthenticated(`An API key is required: ${KEY_HELP}.`)
        const check = await deps.keys.verify(presented)
        if (!check.ok)
          throw unauthenticated(
            check.reason === 'malformed'
              ? 'This is not a Dateline API key: keys are "dl_" and 43 more letters, digits, "-" or "_".'
              : 'This API key is not valid: it is unknown or has been revoked.',
          )
        const budget = buckets.take(check.key.id)
        reply.header('x-ratelimit-limit', String(budget.limit))
        reply.header('x-ratelimit-remaining', String(budget.remaining))
        reply.header('x-ratelimit-reset', String(budget.resetSeconds))
        if (!budget.allowed)
          throw new DomainError(
            'rate_limited',
            `This key has made more than ${budget.limit} requests in a short time: try again in ${budget.retryAfter} s.`,
            undefined,
            budget.retryAfter,
          )
      })

      // A misspelt filter would otherwise be ignored in silence and answer the whole list.
      api.addHook('preValidation', async (request) => {
        if (request.method === 'OPTIONS') return
        const schema = request.routeOptions.schema?.querystring as
          | { properties?: Record<string, unknown> }
          | undefined
        const known = schema?.properties ?? {}
        for (const name of Object.keys(request.query as object))
          if (!Object.hasOwn(known, name))
            throw invalidInput(
              name,
              `Unknown parameter "${name.slice(0, 50)}": this endpoint takes ${Object.keys(known).join(', ') || 'none'}`,
            )
      })

      // The strong ETag is the hash of the exact bytes sent.
      api.addHook('onSend', async (request, reply, payload) => {
        if (reply.statusCode !== 200 || typeof payload !== 'string') return payload
        const etag = `"${createHash('sha256').update(payload).digest('base64url').slice(0, 32)}"`
        reply.header('etag', etag)
        if (!matches(request.headers['if-none-match'], etag)) return payload
        reply.code(304).removeHeader('content-type')
        return null
      })

      api.setErrorHandler((error: FastifyError, request, reply) => {
        if (error instanceof DomainError) {
          if (error.retryAfter) reply.header('retry-after', String(error.retryAfter))
          if (error.code === 'unauthenticated')
            reply.header('www-authenticate', 'Bearer realm="Dateline Content API"')
          return sendError(reply, HTTP_STATUS[error.code], {
            code: error.code,
            message: error.message,
            ...(error.field && { field: error.field }),
          })
        }
        if (error.validation) {
          const field = fieldOf(error)
          return sendError(reply, 400, {
            code: 'invalid_input',
            message: `${field ?? error.validationContext ?? 'request'} ${error.validation[0]?.message ?? 'is not valid'}`,
            ...(field && { field }),
          })
        }
        const status = error.statusCode ?? 500
        if (status >= 400 && status < 500)
          return sendError(reply, status, { code: 'invalid_input', message: error.message })
        request.log.error({ err: error }, 'content api request failed')
        return sendError(reply, 500, {
          code: 'server_error',
          message: 'Something went wrong on the server; try again.',
        })
      })
      api.setNotFoundHandler((_request, reply) =>
        sendError(reply, 404, {
          code: 'not_found',
          message: `No such Content API endpoint: see ${API_PREFIX}/openapi.json`,
        }),
      )

      const typed = api.withTypeProvider<TypeBoxTypeProvider>() as ContentApp
      await contentApiRoutes({ ...deps, cursors })(typed)

      // Browsers ask before sending the key from another origin; they send no key to ask.
      api.options(
        '/*',
        { schema: { hide: true }, config: { public: true } },
        async (_request, reply) => {
          if (reply.hasHeader('access-control-allow-origin'))
            reply
              .header('access-control-allow-methods', 'GET, HEAD, OPTIONS')
              .header('access-control-allow-headers', 'authorization, x-api-key, if-none-match')
              .header('access-control-max-age', '600')
          return reply.code(204).send()
        },
      )
      api.get('/openapi.json', { schema: { hide: true }, config: { public: true } }, async () =>
        api.swagger(),
      )
    },
    { prefix: API_PREFIX },
  )
}
