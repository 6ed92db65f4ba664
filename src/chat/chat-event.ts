// What chat rooms announce on the bus, so every instance can tell its own sockets.

import { type Static, Type } from 'typebox'
import { Compile } from 'typebox/compile'

const Id = Type.Integer({ minimum: 1 })
const RoomSummary = Type.Object({
  id: Id,
  name: Type.String(),
  slowModeSeconds: Type.Integer({ minimum: 0 }),
  archived: Type.Boolean(),
})
const Counts = Type.Record(Type.String(), Type.Integer({ minimum: 0 }))
const Message = Type.Object({
  id: Id,
  roomId: Id,
  author: Type.Object({ id: Type.Union([Id, Type.Null()]), name: Type.String() }),
  text: Type.String(),
  replyTo: Type.Union([
    Type.Object({
      id: Id,
      author: Type.String(),
      excerpt: Type.String(),
      deleted: Type.Boolean(),
    }),
    Type.Null(),
  ]),
  reactions: Counts,
  createdAt: Type.String(),
})

export const ChatEvent = Type.Union([
  Type.Object({
    type: Type.Literal('chat'),
    kind: Type.Literal('message'),
    roomId: Id,
    message: Message,
  }),
  Type.Object({
    type: Type.Literal('chat'),
    kind: Type.Literal('deleted'),
    roomId: Id,
    messageId: Id,
  }),
  Type.Object({
    type: Type.Literal('chat'),
    kind: Type.Literal('reactions'),
    roomId: Id,
    messageId: Id,
    reactions: Counts,
  }),
  Type.Object({
    type: Type.Literal('chat'),
    kind: Type.Literal('room'),
    roomId: Id,
    room: RoomSummary,
  }),
  /** A reader muted, banned or let back in: their sockets in the room hear of it (a ban closes them). */
  Type.Object({
    type: Type.Literal('chat'),
    kind: Type.Literal('sanction'),
    roomId: Id,
    readerId: Id,
    sanction: Type.Union([Type.Literal('mute'), Type.Literal('ban'), Type.Literal('lift')]),
    until: Type.Union([Type.String(), Type.Null()]),
    reason: Type.String(),
  }),
  /** One instance's sockets per room (room id -> count), sent every few seconds and on change. */
  Type.Object({
    type: Type.Literal('chat'),
    kind: Type.Literal('presence'),
    instance: Type.String({ maxLength: 100 }),
    counts: Counts,
  }),
])
export type ChatEvent = Static<typeof ChatEvent>

const check = Compile(ChatEvent)

/** The event when it is well formed; anything else from the bus is dropped. */
export function parseChatEvent(value: unknown): ChatEvent | undefined {
  return check.Check(value) ? value : undefined
}
