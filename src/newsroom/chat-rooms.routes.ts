// The Admin API's chat rooms: listing them with who is online, creating, configuring and archiving
// them, their moderators and approved writers (by the reader's e-mail address), mutes, bans and
// lifting them, deleting a message, and each room's moderation log.
import { Type } from 'typebox'
import type { ChatService } from '../chat/chat.service.ts'
import type { ChatActor } from '../chat/chat.types.ts'
import { MUTE_MINUTES_MAX, SLOW_MODE_MAX } from '../chat/chat-moderation.ts'
import type { MemberList } from '../chat/chat-room.repository.ts'
import type { Catalogue } from '../content/catalogue.ts'
import { invalidInput } from '../platform/errors.ts'
import { Id, IdParams } from './admin.schemas.ts'
import type { AdminApp } from './admin-api.ts'
import { allowed } from './session.http.ts'

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(type: T) =>
  Type.Union([type, Type.Null()])
const WordList = Type.Array(Type.String({ maxLength: 100 }), { maxItems: 1000 })
const WritePolicy = Type.Union([Type.Literal('readers'), Type.Literal('approved')])
const ISO = Type.String({ format: 'date-time' })

export const ChatRoomJson = Type.Object({
  id: Id,
  editionId: Id,
  slug: Type.String(),
  name: Type.String(),
  description: Type.String(),
  kind: Type.Union([Type.Literal('general'), Type.Literal('topic')]),
  sectionId: Nullable(Id),
  tagId: Nullable(Id),
  writePolicy: WritePolicy,
  slowModeSeconds: Type.Integer(),
  bannedWords: Type.Array(Type.String()),
  suspectWords: Type.Array(Type.String()),
  archived: Type.Boolean(),
  createdAt: ISO,
  /** Readers connected now, over all instances. */
  online: Type.Integer(),
})

/** What a room's settings take; every field optional on PATCH. Ranges are checked by the service. */
const RoomSettings = {
  name: Type.Optional(Type.String({ maxLength: 100 })),
  slug: Type.Optional(Type.String({ maxLength: 80 })),
  description: Type.Optional(Type.String({ maxLength: 500 })),
  sectionId: Type.Optional(Nullable(Id)),
  tagId: Type.Optional(Nullable(Id)),
  writePolicy: Type.Optional(WritePolicy),
  slowModeSeconds: Type.Optional(Type.Integer({ minimum: 0, maximum: SLOW_MODE_MAX })),
  bannedWords: Type.Optional(WordList),
  suspectWords: Type.Optional(WordList),
}
export const CreateRoomBody = Type.Object({
  ...RoomSettings,
  editionId: Id,
  name: Type.String({ minLength: 1, maxLength: 100 }),
})
export const PatchRoomBody = Type.Object({
  ...RoomSettings,
  archived: Type.Optional(Type.Boolean()),
})

export const ChatMemberList = Type.Object({
  members: Type.Array(Type.Object({ readerId: Id, name: Type.String(), email: Type.String() })),
})
export const MemberBody = Type.Object({ email: Type.String({ minLength: 3, maxLength: 254 }) })

export const SanctionBody = Type.Object({
  readerId: Id,
  kind: Type.Union([Type.Literal('mute'), Type.Literal('ban')]),
  /** Required for a mute; a ban without it lasts until lifted. */
  minutes: Type.Optional(Type.Integer({ minimum: 1, maximum: MUTE_MINUTES_MAX })),
  reason: Type.String({ maxLength: 500 }),
})
export const ChatSanctionList = Type.Object({
  sanctions: Type.Array(
    Type.Object({
      roomId: Id,
      readerId: Id,
      readerName: Type.String(),
      kind: Type.Union([Type.Literal('mute'), Type.Literal('ban')]),
      until: Nullable(ISO),
      reason: Type.String(),
      byName: Type.String(),
      createdAt: ISO,
    }),
  ),
})

export const ChatLogPage = Type.Object({
  entries: Type.Array(
    Type.Object({
      id: Id,
      roomId: Id,
      actorName: Type.String(),
      actorKind: Type.Union([Type.Literal('staff'), Type.Literal('reader')]),
      /** create, update, add_moderator, remove_moderator, add_writer, remove_writer, delete, mute, ban, lift, slow_mode */
      action: Type.String(),
      readerId: Nullable(Id),
      readerName: Nullable(Type.String()),
      messageId: Nullable(Id),
      detail: Type.String(),
      createdAt: ISO,
    }),
  ),
  /** Pass as `before` for the next (older) page; null when there is none. */
  olderBefore: Nullable(Id),
})

const LOG_PAGE = 50
const RoomParams = Type.Object({ id: Id })
const MemberParams = Type.Object({ id: Id, readerId: Id })
const tags = ['chat']

export function chatRoomRoutes(deps: { chat: ChatService; catalogue: Catalogue }) {
  const { chat, catalogue } = deps

  const staff = (request: Parameters<typeof allowed>[0]): ChatActor => ({
    kind: 'staff',
    name: allowed(request, 'chat.manage').name,
  })

  const members = (api: AdminApp, path: string, list: MemberList) => {
    api.get(
      `/chat/rooms/:id/${path}`,
      { schema: { tags, params: RoomParams, response: { 200: ChatMemberList } } },
      async (request) => {
        staff(request)
        await chat.room(request.params.id)
        return { members: await chat.members(list, request.params.id) }
      },
    )
    api.post(
      `/chat/rooms/:id/${path}`,
      { schema: { tags, params: RoomParams, body: MemberBody, response: { 200: ChatMemberList } } },
      async (request) => ({
        members: await chat.addMember(staff(request), list, request.params.id, request.body.email),
      }),
    )
    api.delete(
      `/chat/rooms/:id/${path}/:readerId`,
      { schema: { tags, params: MemberParams } },
      async (request, reply) => {
        const { id, readerId } = request.params
        await chat.removeMember(staff(request), list, id, readerId)
        return reply.code(204).send()
      },
    )
  }

  return async (api: AdminApp) => {
    api.get(
      '/chat/rooms',
      {
        schema: {
          tags,
          querystring: Type.Object({ editionId: Type.Optional(Id) }),
          response: { 200: Type.Object({ rooms: Type.Array(ChatRoomJson) }) },
        },
      },
      async (request) => {
        staff(request)
        const { editionId } = request.query
        const editions =
          editionId === undefined ? catalogue.editions().map((e) => e.id) : [editionId]
        const rooms = await Promise.all(editions.map((id) => chat.allRooms(id)))
        return { rooms: rooms.flat() }
      },
    )

    api.post(
      '/chat/rooms',
      { schema: { tags, body: CreateRoomBody, response: { 201: ChatRoomJson } } },
      async (request, reply) => {
        const { editionId, ...input } = request.body
        const room = await chat.create(staff(request), editionId, input)
        return reply.code(201).send({ ...room, online: chat.online(room.id) })
      },
    )

    api.get(
      '/chat/rooms/:id',
      { schema: { tags, params: IdParams, response: { 200: ChatRoomJson } } },
      async (request) => {
        staff(request)
        const room = await chat.room(request.params.id)
        return { ...room, online: chat.online(room.id) }
      },
    )

    api.patch(
      '/chat/rooms/:id',
      { schema: { tags, params: IdParams, body: PatchRoomBody, response: { 200: ChatRoomJson } } },
      async (request) => {
        const room = await chat.update(staff(request), request.params.id, request.body)
        return { ...room, online: chat.online(room.id) }
      },
    )

    members(api, 'moderators', 'chat_room_moderators')
    members(api, 'writers', 'chat_room_writers')

    api.get(
      '/chat/rooms/:id/sanctions',
      { schema: { tags, params: RoomParams, response: { 200: ChatSanctionList } } },
      async (request) => {
        staff(request)
        await chat.room(request.params.id)
        return { sanctions: await chat.sanctions(request.params.id) }
      },
    )

    api.post(
      '/chat/rooms/:id/sanctions',
      { schema: { tags, params: RoomParams, body: SanctionBody } },
      async (request, reply) => {
        const actor = staff(request)
        const { readerId, kind, minutes, reason } = request.body
        if (kind === 'mute') {
          if (minutes === undefined) throw invalidInput('minutes', 'A mute needs its minutes')
          await chat.mute(actor, request.params.id, readerId, minutes, reason)
        } else await chat.ban(actor, request.params.id, readerId, reason, minutes ?? null)
        return reply.code(204).send()
      },
    )

    api.delete(
      '/chat/rooms/:id/sanctions/:readerId',
      { schema: { tags, params: MemberParams } },
      async (request, reply) => {
        await chat.lift(staff(request), request.params.id, request.params.readerId)
        return reply.code(204).send()
      },
    )

    api.get(
      '/chat/rooms/:id/log',
      {
        schema: {
          tags,
          params: RoomParams,
          querystring: Type.Object({ before: Type.Optional(Id) }),
          response: { 200: ChatLogPage },
        },
      },
      async (request) => {
        staff(request)
        await chat.room(request.params.id)
        const entries = await chat.log(request.params.id, {
          before: request.query.before,
          limit: LOG_PAGE + 1,
        })
        const page = entries.slice(0, LOG_PAGE)
        return {
          entries: page,
          olderBefore: entries.length > LOG_PAGE ? (page.at(-1)?.id ?? null) : null,
        }
      },
    )

    api.delete(
      '/chat/messages/:id',
      { schema: { tags, params: IdParams } },
      async (request, reply) => {
        await chat.remove(staff(request), request.params.id)
        return reply.code(204).send()
      },
    )
  }
}
