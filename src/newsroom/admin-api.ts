// The Admin API under /admin/api: the newsroom's only way to write. Sessions and CSRF are checked
// here for every route; each route file adds its schemas, and the OpenAPI document is built from them.
import multipart from '@fastify/multipart'
import swagger from '@fastify/swagger'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify'
import { DomainError, HTTP_STATUS } from '../platform/errors.ts'
import { ErrorBody } from './admin.schemas.ts'
import type { SessionHttp } from './session.http.ts'

export type AdminApp = FastifyInstance<
  FastifyInstance['server'],
  // biome-ignore lint/suspicious/noExplicitAny: fastify's own generic defaults
  any,
  // biome-ignore lint/suspicious/noExplicitAny: fastify's own generic defaults
  any,
  FastifyInstance['log'],
  TypeBoxTypeProvider
>

export type AdminRoutes = (api: AdminApp) => Promise<void> | void

const sendError = (reply: FastifyReply, status: number, error: ApiError) =>
  reply.code(status).header('cache-control', 'no-store').send({ error })

interface ApiError {
  code: string
  message: string
  field?: string
}

/** "/body/headline" → "headline"; a missing property names itself. */
function fieldOf(error: FastifyError): string | undefined {
  const first = error.validation?.[0]
  if (!first) return undefined
  const missing = (first.params as { missingProperty?: string }).missingProperty
  const path = first.instancePath.replace(/^\//, '').replaceAll('/', '.')
  return [path, missing].filter(Boolean).join('.') || undefined
}

export async function adminApi(
  app: FastifyInstance,
  deps: { session: SessionHttp; routes: AdminRoutes[]; maxUploadBytes: number },
) {
  await app.register(
    async (api) => {
      await api.register(multipart, {
        limits: { fileSize: deps.maxUploadBytes, files: 1, fields: 10, parts: 12 },
      })
      await api.register(swagger, {
        openapi: {
          info: {
            title: 'Dateline Admin API',
            version: '1',
            description:
              'The newsroom API. A session cookie from /admin/api/login signs requests in; every ' +
              'request other than GET carries the session CSRF token in the x-csrf-token header.',
          },
          servers: [{ url: '/admin/api' }],
        },
      })
      api.addSchema(ErrorBody)

      // Before the body is read: a forged request is refused without taking its upload.
      api.addHook('onRequest', async (request, reply) => {
        reply.header('cache-control', 'no-store')
        await deps.session.identify(request)
        deps.session.checkCsrf(request)
      })

      api.setErrorHandler((error: FastifyError, request, reply) => {
        if (error instanceof DomainError) {
          if (error.retryAfter) reply.header('retry-after', String(error.retryAfter))
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
        if (status >= 400 && status < 500) {
          const code =
            status === 413 ? 'too_large' : status === 415 ? 'unsupported_media' : 'invalid_input'
          return sendError(reply, status, { code, message: error.message })
        }
        request.log.error({ err: error }, 'admin api request failed')
        return sendError(reply, 500, {
          code: 'server_error',
          message: 'Something went wrong on the server. The change was not saved; try again.',
        })
      })
      api.setNotFoundHandler((_request, reply) =>
        sendError(reply, 404, { code: 'not_found', message: 'No such Admin API endpoint' }),
      )

      const typed = api.withTypeProvider<TypeBoxTypeProvider>() as AdminApp
      for (const routes of deps.routes) await routes(typed)

      api.get('/openapi.json', { schema: { hide: true } }, async () => api.swagger())
    },
    { prefix: '/admin/api' },
  )
}
