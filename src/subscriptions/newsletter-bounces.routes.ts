// POST /subscriptions/bounces: the mail service (or a script reading the bounce mailbox) reports
// bounces and complaints, authorised by NEWSLETTER_BOUNCE_SECRET as a bearer token; the endpoint
// does not exist while that is unset. Each address reported is never mailed again.
import { createHash, timingSafeEqual } from 'node:crypto'
import type { FastifyInstance, FastifyReply } from 'fastify'
import { DomainError, HTTP_STATUS } from '../platform/errors.ts'
import type { NewsletterService } from './newsletter.service.ts'

const BODY_LIMIT = 512 * 1024

const digest = (text: string) => createHash('sha256').update(text).digest()

const fail = (reply: FastifyReply, status: number, code: string, message: string, field?: string) =>
  reply.code(status).send({ error: { code, message, ...(field && { field }) } })

export async function newsletterBounceRoutes(
  app: FastifyInstance,
  deps: { newsletters: Pick<NewsletterService, 'recordBounces'>; secret: string | undefined },
) {
  const { secret } = deps
  if (!secret) return
  const expected = digest(`Bearer ${secret}`)

  await app.register(async (scope) => {
    scope.addHook('onRequest', async (_request, reply) => {
      reply.header('cache-control', 'no-store')
    })
    scope.setErrorHandler(async (error: Error & { statusCode?: number }, request, reply) => {
      if (error instanceof DomainError)
        return fail(reply, HTTP_STATUS[error.code], error.code, error.message, error.field)
      const status = error.statusCode ?? 500
      if (status < 500) return fail(reply, status, 'invalid_input', error.message)
      request.log.error({ err: error }, 'recording bounces failed')
      return fail(reply, 500, 'server_error', 'The bounces were not recorded; send them again.')
    })

    scope.post('/subscriptions/bounces', { bodyLimit: BODY_LIMIT }, async (request, reply) => {
      // Compared as digests: equal lengths, and no timing hint of how much of it matched.
      const sent = digest(String(request.headers.authorization ?? ''))
      if (!timingSafeEqual(sent, expected))
        return fail(reply, 401, 'unauthenticated', 'Send the bounce secret as a bearer token.')
      const body = request.body as { events?: unknown } | null
      const events = Array.isArray(body?.events) ? body.events : body ? [body] : []
      if (events.length === 0 || !events.every((e) => typeof e === 'object' && e !== null))
        return fail(
          reply,
          400,
          'invalid_input',
          'Send {"email", "type": "bounce" | "complaint"} or {"events": [...]} as JSON.',
        )
      return deps.newsletters.recordBounces(events as Record<string, unknown>[])
    })
  })
}
