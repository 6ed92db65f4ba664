// The JSON the comment island talks to: the reader's session, a story's threads, posting,
// editing, deleting, likes, reports, and the live stream. Errors come in the edition's language.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { Type } from 'typebox'
import type { Catalogue } from '../content/catalogue.ts'
import { DomainError, HTTP_STATUS } from '../platform/errors.ts'
import { translator } from '../site/i18n/messages.ts'
import type { CommentRepository } from './comment.repository.ts'
import type { CommentService } from './comment.service.ts'
import type { CommentStream } from './comment-stream.ts'
import { communityMessage } from './community-messages.ts'
import type { ReaderSessionHttp } from './reader-session.http.ts'

const Id = Type.Integer({ minimum: 1, maximum: 2_147_483_647 })
const IdParams = Type.Object({ id: Id })
const Sort = Type.Union([Type.Literal('newest'), Type.Literal('oldest'), Type.Literal('liked')])
const Text = Type.String({ maxLength: 100_000 })
// A comment is a few thousand characters at most; anything far bigger is refused unread.
const BODY_LIMIT = 64 * 1024

declare module 'fastify' {
  interface FastifyRequest {
    /**
     * What the request is about, once its handler runs: errors are then worded in that story's
     * edition's language, looked up only when there is an error to word.
     */
    communitySubject?: { articleId: number } | { commentId: number }
  }
}

export async function communityRoutes(
  app: FastifyInstance,
  deps: {
    comments: CommentService
    repository: CommentRepository
    stream: CommentStream
    session: ReaderSessionHttp
    catalogue: Catalogue
    /** The edition's account pages, e.g. /en/account. */
    accountPath: (editionCode: string) => string
  },
) {
  const { comments, session, catalogue } = deps

  const localeOf = async (subject: FastifyRequest['communitySubject']) => {
    if (!subject) return undefined
    const articleId =
      'articleId' in subject
        ? subject.articleId
        : (await deps.repository.byId(subject.commentId))?.articleId
    const found = articleId === undefined ? undefined : await comments.discussion(articleId)
    return found && catalogue.editionById(found.editionId)?.locale
  }

  await app.register(
    async (api) => {
      api.addHook('onRequest', async (request, reply) => {
        reply.header('cache-control', 'no-store')
        await session.identify(request)
      })
      api.addHook('preHandler', async (request) => session.checkCsrf(request))

      api.setErrorHandler(
        async (error: Error & { statusCode?: number; validation?: unknown }, request, reply) => {
          const locale = await localeOf(request.communitySubject).catch(() => undefined)
          const t = translator(locale ?? 'en')
          if (error instanceof DomainError) {
            if (error.retryAfter) reply.header('retry-after', String(error.retryAfter))
            return sendError(
              reply,
              HTTP_STATUS[error.code],
              error.code,
              communityMessage(t, error),
              error.field,
            )
          }
          const status = error.statusCode ?? 500
          if (status >= 400 && status < 500)
            return sendError(
              reply,
              status,
              status === 413 ? 'too_large' : 'invalid_input',
              t(status === 413 ? 'community.comment.tooLong' : 'community.invalid'),
            )
          request.log.error({ err: error }, 'community request failed')
          return sendError(reply, 500, 'server_error', t('community.failed'))
        },
      )

      const typed = api.withTypeProvider<TypeBoxTypeProvider>()

      typed.get(
        '/session',
        {
          schema: {
            querystring: Type.Object({
              edition: Type.String({ maxLength: 10 }),
              next: Type.Optional(Type.String({ maxLength: 2000 })),
            }),
          },
        },
        async (request, reply) => {
          const edition = catalogue.edition(request.query.edition)
          const base = deps.accountPath(edition?.code ?? catalogue.editions()[0]?.code ?? 'en')
          const next = safeNext(request.query.next)
          const back = next ? `?next=${encodeURIComponent(next)}` : ''
          const reader = request.readerSession?.reader
          return {
            reader: reader ? { id: reader.id, displayName: reader.displayName } : null,
            csrfToken: session.csrfToken(request, reply),
            links: {
              login: `${base}/login${back}`,
              register: `${base}/register${back}`,
              account: base,
              logout: `${base}/logout`,
            },
          }
        },
      )

      typed.get(
        '/articles/:id/comments',
        {
          schema: {
            params: IdParams,
            querystring: Type.Object({
              sort: Type.Optional(Sort),
              page: Type.Integer({ minimum: 1, maximum: 10_000, default: 1 }),
            }),
          },
        },
        async (request) => {
          request.communitySubject = { articleId: request.params.id }
          return comments.thread(request.params.id, {
            sort: request.query.sort ?? 'newest',
            page: request.query.page,
            viewer: request.readerSession,
          })
        },
      )

      typed.post(
        '/articles/:id/comments',
        {
          bodyLimit: BODY_LIMIT,
          schema: {
            params: IdParams,
            body: Type.Object({ text: Text, parentId: Type.Optional(Id) }),
          },
        },
        async (request, reply) => {
          request.communitySubject = { articleId: request.params.id }
          const comment = await comments.post(
            request.readerSession,
            request.params.id,
            request.body,
            {
              ip: request.ip,
            },
          )
          return reply.code(201).send(comment)
        },
      )

      typed.patch(
        '/comments/:id',
        { bodyLimit: BODY_LIMIT, schema: { params: IdParams, body: Type.Object({ text: Text }) } },
        async (request) => {
          request.communitySubject = { commentId: request.params.id }
          return comments.edit(request.readerSession, request.params.id, request.body.text)
        },
      )

      typed.delete('/comments/:id', { schema: { params: IdParams } }, async (request, reply) => {
        request.communitySubject = { commentId: request.params.id }
        await comments.remove(request.readerSession, request.params.id)
        return reply.code(204).send()
      })

      typed.post('/comments/:id/like', { schema: { params: IdParams } }, async (request) => {
        request.communitySubject = { commentId: request.params.id }
        return comments.like(request.readerSession, request.params.id, true)
      })

      typed.delete('/comments/:id/like', { schema: { params: IdParams } }, async (request) => {
        request.communitySubject = { commentId: request.params.id }
        return comments.like(request.readerSession, request.params.id, false)
      })

      typed.post(
        '/comments/:id/report',
        {
          schema: {
            params: IdParams,
            body: Type.Object({ reason: Type.String({ maxLength: 2000 }) }),
          },
        },
        async (request, reply) => {
          request.communitySubject = { commentId: request.params.id }
          await comments.report(request.readerSession, request.params.id, request.body.reason)
          return reply.code(204).send()
        },
      )

      typed.get(
        '/articles/:id/comments/stream',
        { schema: { params: IdParams } },
        async (request, reply) => {
          if (!(await comments.discussion(request.params.id)))
            return sendError(reply, 404, 'not_found', 'No such story')
          reply.hijack()
          deps.stream.connect(request.params.id, reply.raw)
        },
      )
    },
    { prefix: '/community' },
  )
}

function sendError(
  reply: FastifyReply,
  status: number,
  code: string,
  message: string,
  field?: string,
) {
  return reply.code(status).send({ error: { code, message, ...(field && { field }) } })
}

/** A path on this site to come back to after logging in; anything else is dropped. */
export function safeNext(next: string | undefined): string | undefined {
  if (!next?.startsWith('/') || next.startsWith('//') || next.includes('\\')) return undefined
  return /^[\x21-\x7e]+$/.test(next) ? next : undefined
}
