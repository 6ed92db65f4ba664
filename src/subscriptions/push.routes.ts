// Web push over HTTP: the service worker at /sw.js, and the JSON endpoints the subscribe page's
// script calls to keep or forget a browser's subscription. Those take JSON from the site's own
// pages only: a form on another site can send neither that Origin nor that content type.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance, FastifyReply } from 'fastify'
import { Type } from 'typebox'
import { DomainError, HTTP_STATUS } from '../platform/errors.ts'
import type { PushService } from './push.service.ts'

const BODY_LIMIT = 8 * 1024

const Subscribe = Type.Object({
  edition: Type.String({ maxLength: 20 }),
  subscription: Type.Object({
    endpoint: Type.String({ maxLength: 4_000 }),
    expirationTime: Type.Optional(Type.Union([Type.Null(), Type.Number()])),
    keys: Type.Object({
      p256dh: Type.String({ maxLength: 200 }),
      auth: Type.String({ maxLength: 200 }),
    }),
  }),
  topics: Type.Optional(Type.Array(Type.String({ maxLength: 60 }), { maxItems: 100 })),
})

const Unsubscribe = Type.Object({ endpoint: Type.String({ maxLength: 4_000 }) })

function sendError(
  reply: FastifyReply,
  status: number,
  code: string,
  message: string,
  field?: string,
) {
  return reply.code(status).send({ error: { code, message, ...(field && { field }) } })
}

export async function pushRoutes(
  app: FastifyInstance,
  deps: { push: PushService; publicUrl: string; serviceWorker: string },
) {
  const { push } = deps
  const origin = new URL(deps.publicUrl).origin

  // At the root, so its scope is the whole site; browsers check it for updates on every visit.
  app.get('/sw.js', async (_request, reply) =>
    reply
      .type('text/javascript; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(deps.serviceWorker),
  )

  await app.register(async (api) => {
    api.addHook('onRequest', async (request, reply) => {
      reply.header('cache-control', 'no-store')
      if (request.headers.origin !== origin)
        throw new DomainError('csrf', `Only pages of ${origin} may change push subscriptions.`)
      const type = request.headers['content-type'] ?? ''
      if (!/^application\/json\s*(;|$)/i.test(type))
        throw new DomainError('unsupported_media', 'Send the request as application/json.')
    })

    api.setErrorHandler(
      async (error: Error & { statusCode?: number; validation?: unknown }, request, reply) => {
        if (error instanceof DomainError) {
          if (error.retryAfter) reply.header('retry-after', String(error.retryAfter))
          return sendError(reply, HTTP_STATUS[error.code], error.code, error.message, error.field)
        }
        const status = error.statusCode ?? 500
        if (status >= 400 && status < 500) {
          const code =
            status === 413 ? 'too_large' : status === 415 ? 'unsupported_media' : 'invalid_input'
          return sendError(reply, status, code, error.message)
        }
        request.log.error({ err: error }, 'push subscription request failed')
        return sendError(reply, 500, 'server_error', 'Something went wrong on our side.')
      },
    )

    const typed = api.withTypeProvider<TypeBoxTypeProvider>()

    typed.post(
      '/subscriptions/push',
      { bodyLimit: BODY_LIMIT, schema: { body: Subscribe } },
      async (request, reply) => {
        const saved = await push.subscribe(request.body, { ip: request.ip })
        return reply
          .code(saved.created ? 201 : 200)
          .send({ edition: saved.edition, topics: saved.topics })
      },
    )

    typed.delete(
      '/subscriptions/push',
      { bodyLimit: BODY_LIMIT, schema: { body: Unsubscribe } },
      async (request, reply) => {
        await push.unsubscribe(request.body, { ip: request.ip })
        return reply.code(204).send()
      },
    )
  })
}
