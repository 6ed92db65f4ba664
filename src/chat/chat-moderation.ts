// Moderating a room: mute, ban and lift by the room's moderators or the staff, and slow mode;
// every action logged in its own transaction and announced, so every instance applies it at once.
import type { ReaderRepository } from '../community/reader.repository.ts'
import type { Bus } from '../live/bus.ts'
import type { Clock } from '../platform/clock.ts'
import type { Db } from '../platform/db/database.ts'
import { invalidInput, notFound } from '../platform/errors.ts'
import type { ChatActor, ChatRoom, ChatRoomSummary } from './chat.types.ts'
import { ChatRefusal } from './chat-refusal.ts'
import type { ChatRoomRepository } from './chat-room.repository.ts'

export const MUTE_MINUTES_MAX = 43_200
export const SLOW_MODE_MAX = 3600
const REASON_MAX = 500

export const summaryOf = (room: ChatRoom): ChatRoomSummary => ({
  id: room.id,
  name: room.name,
  slowModeSeconds: room.slowModeSeconds,
  archived: room.archived,
})

export function createChatModeration(deps: {
  db: Db
  rooms: ChatRoomRepository
  readers: ReaderRepository
  clock: Clock
  bus: Bus
}) {
  const { db, rooms, clock, bus } = deps

  /** The room, when the actor may moderate it: staff (checked by their route) or its moderators. */
  const moderated = async (actor: ChatActor, roomId: number): Promise<ChatRoom> => {
    const room = await rooms.byId(roomId)
    if (!room) throw notFound('room')
    if (
      actor.kind === 'reader' &&
      !(await rooms.isMember('chat_room_moderators', roomId, actor.readerId ?? 0))
    )
      throw new ChatRefusal('not_allowed', 'Only the room’s moderators may do this.')
    return room
  }

  /** A reader the actor may sanction: not themselves, and for moderators, not another moderator. */
  const target = async (actor: ChatActor, roomId: number, readerId: number) => {
    const reader = await deps.readers.byId(readerId)
    if (!reader) throw notFound('reader')
    if (actor.kind === 'reader') {
      if (actor.readerId === readerId)
        throw new ChatRefusal('not_allowed', 'You cannot sanction yourself.')
      if (await rooms.isMember('chat_room_moderators', roomId, readerId))
        throw new ChatRefusal('not_allowed', 'Moderators are sanctioned by the newsroom.')
    }
    return reader
  }

  const reasonOf = (reason: string) => {
    const text = reason.trim()
    if (text.length > REASON_MAX)
      throw invalidInput('reason', `Give a reason of at most ${REASON_MAX} characters.`)
    return text
  }

  const sanction = async (
    actor: ChatActor,
    input: {
      roomId: number
      readerId: number
      kind: 'mute' | 'ban'
      minutes: number | null
      reason: string
    },
  ) => {
    await moderated(actor, input.roomId)
    await target(actor, input.roomId, input.readerId)
    const reason = reasonOf(input.reason)
    if (input.minutes !== null && !(input.minutes >= 1 && input.minutes <= MUTE_MINUTES_MAX))
      throw invalidInput('minutes', `Give 1 to ${MUTE_MINUTES_MAX} minutes.`)
    const now = clock.now()
    const until =
      input.minutes === null ? null : new Date(now.getTime() + input.minutes * 60_000).toISOString()
    await db.transaction().execute(async (trx) => {
      await rooms.putSanction(trx, {
        room_id: input.roomId,
        reader_id: input.readerId,
        kind: input.kind,
        until,
        reason,
        by_name: actor.name,
        created_at: now.toISOString(),
      })
      await rooms.log(trx, {
        roomId: input.roomId,
        actor,
        action: input.kind,
        readerId: input.readerId,
        detail: [input.minutes === null ? '' : `${input.minutes} min`, reason]
          .filter(Boolean)
          .join(': '),
        at: now.toISOString(),
      })
    })
    await bus.publish({
      type: 'chat',
      kind: 'sanction',
      roomId: input.roomId,
      readerId: input.readerId,
      sanction: input.kind,
      until,
      reason,
    })
  }

  return {
    moderated,

    mute: (actor: ChatActor, roomId: number, readerId: number, minutes: number, reason: string) =>
      sanction(actor, { roomId, readerId, kind: 'mute', minutes, reason }),

    /** A ban for `minutes`, or until lifted when null; the reader's sockets close on every instance. */
    ban: (
      actor: ChatActor,
      roomId: number,
      readerId: number,
      reason: string,
      minutes: number | null = null,
    ) => sanction(actor, { roomId, readerId, kind: 'ban', minutes, reason }),

    /** Ends the reader's mute and ban in the room. */
    async lift(actor: ChatActor, roomId: number, readerId: number): Promise<void> {
      await moderated(actor, roomId)
      const at = clock.now().toISOString()
      const lifted = await db.transaction().execute(async (trx) => {
        const count = await rooms.lift(trx, roomId, readerId)
        if (count > 0) await rooms.log(trx, { roomId, actor, action: 'lift', readerId, at })
        return count
      })
      if (lifted === 0) throw notFound('sanction')
      await bus.publish({
        type: 'chat',
        kind: 'sanction',
        roomId,
        readerId,
        sanction: 'lift',
        until: null,
        reason: '',
      })
    },

    async slowMode(actor: ChatActor, roomId: number, seconds: number): Promise<ChatRoom> {
      const room = await moderated(actor, roomId)
      if (!Number.isInteger(seconds) || seconds < 0 || seconds > SLOW_MODE_MAX)
        throw invalidInput('slowModeSeconds', `Give 0 to ${SLOW_MODE_MAX} seconds.`)
      const at = clock.now().toISOString()
      await db.transaction().execute(async (trx) => {
        await rooms.update(trx, roomId, { slow_mode_seconds: seconds }, at)
        await rooms.log(trx, { roomId, actor, action: 'slow_mode', detail: `${seconds} s`, at })
      })
      const updated = { ...room, slowModeSeconds: seconds }
      await bus.publish({ type: 'chat', kind: 'room', roomId, room: summaryOf(updated) })
      return updated
    },
  }
}

export type ChatModeration = ReturnType<typeof createChatModeration>
