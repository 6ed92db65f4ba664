// The chat's HTTP side: a room's history as JSON (public, paged) and the room's WebSocket, whose
// upgrade checks the origin, the room, the reader's session and their ban before it is accepted.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type {} from '@fastify/websocket'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { Type } from 'typebox'
import type { ReaderService } from '../community/reader.service.ts'
import type { ReaderSession } from '../community/reader.types.ts'
import { READER_COOKIE } from '../community/reader-session.http.ts'
import type { Catalogue } from '../content/catalogue.ts'
import { DomainError, HTTP_STATUS } from '../platform/errors.ts'
import type { ChatService } from './chat.service.ts'
import type { ChatRoom } from './chat.types.ts'
import type { ChatStanding } from './chat-access.ts'
import type { ChatHub } from './chat-hub.ts'
import { HISTORY_LIMIT } from './chat-messages.ts'
import { serveChatSocket } from './chat-socket.ts'

const Id = Type.Integer({ minimum: 1, maximum: 2_147_483_647 })
const RoomParams = Type.Object({ roomId: Id })

function sendError(reply: FastifyReply, status: number, code: string, message: string) {
  return reply.code(status).header('cache-control', 'no-store').send({ error: { code, message } })
}

export async function chatRoutes(
  app: FastifyInstance,
  deps: {
    chat: ChatService
    hub: ChatHub
    readers: ReaderService
    catalogue: Catalogue
    publicUrl: string
  },
) {
  const { chat, catalogue } = deps
  const publicOrigin = new URL(deps.publicUrl).origin
  /** What the upgrade's checks found, for the socket that follows. */
  const upgrades = new WeakMap<
    FastifyRequest,
    { room: ChatRoom; session?: ReaderSession; standing?: ChatStanding }
  >()

  await app.register(
    async (api) => {
      api.setErrorHandler(
        async (error: Error & { statusCode?: number; validation?: unknown }, request, reply) => {
          if (error instanceof DomainError)
            return sendError(reply, HTTP_STATUS[error.code], error.code, error.message)
          const status = error.statusCode ?? 500
          if (status >= 400 && status < 500)
            return sendError(reply, status, 'invalid_input', error.message)
          request.log.error({ err: error }, 'chat request failed')
          return sendError(reply, 500, 'server_error', 'Something went wrong on the server.')
        },
      )
      const typed = api.withTypeProvider<TypeBoxTypeProvider>()

      typed.get(
        '/rooms/:roomId/messages',
        {
          schema: {
            params: RoomParams,
            querystring: Type.Object({
              before: Type.Optional(Id),
              limit: Type.Optional(Type.Integer({ minimum: 1, maximum: HISTORY_LIMIT.max })),
            }),
          },
        },
        async (request, reply) => {
          const room = await chat.roomById(request.params.roomId)
          if (!room) return sendError(reply, 404, 'not_found', 'No such room')
          reply.header('cache-control', 'no-cache')
          return chat.history(room.id, request.query)
        },
      )

      typed.get(
        '/rooms/:roomId/socket',
        {
          websocket: true,
          schema: {
            params: RoomParams,
            querystring: Type.Object({ after: Type.Optional(Type.Integer({ minimum: 0 })) }),
          },
          preHandler: async (request, reply) => {
            if (request.headers.origin !== publicOrigin)
              return sendError(reply, 403, 'forbidden', 'Connect from the site’s own pages')
            const room = await chat.roomById(request.params.roomId)
            if (!room) return sendError(reply, 404, 'not_found', 'No such room')
            const token = request.cookies[READER_COOKIE]
            const session = token === undefined ? undefined : await deps.readers.authenticate(token)
            if (token !== undefined && !session)
              return sendError(reply, 401, 'unauthenticated', 'The session has ended: log in again')
            const standing = session && (await chat.standing(room, session.reader.id))
            if (standing?.banned)
              return sendError(reply, 403, 'forbidden', 'You are banned from this room')
            upgrades.set(request, { room, session, standing })
          },
        },
        (socket, request) => {
          const found = upgrades.get(request)
          if (!found) return socket.close(1011, 'server error')
          serveChatSocket({ chat, hub: deps.hub, log: request.log }, socket, {
            room: found.room,
            edition: catalogue.editionById(found.room.editionId),
            session: found.session,
            standing: found.standing,
            after: (request.query as { after?: number }).after,
            ip: request.ip,
          })
        },
      )
    },
    { prefix: '/chat' },
  )
}
