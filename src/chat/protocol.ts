// The chat WebSocket protocol: every frame is JSON; client frames are checked against these schemas.
import { type Static, Type } from 'typebox'
import type { ChatMessageJson, ChatRoomSummary, ChatWriteRefusal } from './chat.types.ts'

const Id = Type.Integer({ minimum: 1, maximum: 2_147_483_647 })
const Emoji = Type.String({ minLength: 1, maxLength: 16 })
const Reason = Type.String({ maxLength: 500 })
const strict = { additionalProperties: false }

export const SendFrame = Type.Object(
  {
    type: Type.Literal('send'),
    nonce: Type.String({ minLength: 1, maxLength: 64 }),
    // The length rule (1000 characters after trim) is the service's, so the reader gets 'too_long', not 'invalid'.
    text: Type.String(),
    replyTo: Type.Optional(Id),
  },
  strict,
)
export const ReactFrame = Type.Object(
  { type: Type.Literal('react'), messageId: Id, emoji: Emoji },
  strict,
)
export const UnreactFrame = Type.Object(
  { type: Type.Literal('unreact'), messageId: Id, emoji: Emoji },
  strict,
)
export const DeleteFrame = Type.Object({ type: Type.Literal('delete'), messageId: Id }, strict)
export const MuteFrame = Type.Object(
  {
    type: Type.Literal('mute'),
    readerId: Id,
    minutes: Type.Integer({ minimum: 1, maximum: 43_200 }),
    reason: Reason,
  },
  strict,
)
export const BanFrame = Type.Object(
  { type: Type.Literal('ban'), readerId: Id, reason: Reason },
  strict,
)
export const SlowModeFrame = Type.Object(
  { type: Type.Literal('slowMode'), seconds: Type.Integer({ minimum: 0, maximum: 3600 }) },
  strict,
)
export const PingFrame = Type.Object({ type: Type.Literal('ping') }, strict)

export const ClientFrame = Type.Union([
  SendFrame,
  ReactFrame,
  UnreactFrame,
  DeleteFrame,
  MuteFrame,
  BanFrame,
  SlowModeFrame,
  PingFrame,
])
export type ClientFrame = Static<typeof ClientFrame>

export type ChatErrorCode =
  | 'invalid'
  | 'too_long'
  | 'rate_limited'
  | 'slow_mode'
  | 'duplicate'
  | 'muted'
  | 'banned'
  | 'not_allowed'
  | 'not_found'
  | 'held'
  | 'refused_words'
  /** Something went wrong on the server; nothing was changed. */
  | 'failed'

export interface ChatMe {
  id: number
  name: string
  moderator: boolean
  canWrite: boolean
  reason?: ChatWriteRefusal
  mutedUntil?: string
}

export type ServerFrame =
  | {
      type: 'hello'
      room: ChatRoomSummary
      me: ChatMe | null
      online: number
      resumed: boolean
      /** The reader's own reactions on recent messages ("messageId emoji"), so a click takes one back. */
      myReactions: string[]
    }
  | { type: 'reset' }
  | { type: 'message'; message: ChatMessageJson }
  | { type: 'deleted'; messageId: number }
  | { type: 'reactions'; messageId: number; reactions: Record<string, number> }
  | { type: 'presence'; online: number }
  | { type: 'room'; room: ChatRoomSummary }
  | { type: 'ack'; nonce: string; messageId: number }
  | {
      type: 'error'
      code: ChatErrorCode
      /** In the edition's language. */
      message: string
      nonce?: string
      /** Seconds until the reader may try again. */
      retryAfter?: number
    }
  | { type: 'pong' }

/** Close codes the server uses. */
export const CLOSE = {
  /** Server shutting down: the client reconnects (to another instance). */
  goingAway: 1001,
  /** Oversize frame or repeated malformed frames. */
  policy: 1008,
  /** Banned from the room: the client must not reconnect. */
  banned: 4403,
} as const

export const MAX_FRAME_BYTES = 8 * 1024
