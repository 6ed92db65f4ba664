// Who may do what in a room, read fresh from the database on every write, so a mute, a ban or a
// new setting made on any instance holds at once everywhere.
import type { ReaderRepository } from '../community/reader.repository.ts'
import type { Reader } from '../community/reader.types.ts'
import type { Clock } from '../platform/clock.ts'
import type { ChatRoom, ChatWriteRefusal } from './chat.types.ts'
import { ChatRefusal } from './chat-refusal.ts'
import type { ChatRoomRepository } from './chat-room.repository.ts'

export interface ChatStanding {
  reader: Reader | null
  moderator: boolean
  banned: boolean
  /** Undefined when the reader may write now. */
  refusal?: ChatWriteRefusal
  mutedUntil?: Date | null
  muteReason?: string
}

export function createChatAccess(deps: {
  rooms: ChatRoomRepository
  readers: ReaderRepository
  clock: Clock
}) {
  const { rooms, clock } = deps

  const standing = async (room: ChatRoom, readerId: number | null): Promise<ChatStanding> => {
    if (readerId === null)
      return { reader: null, moderator: false, banned: false, refusal: 'signed_out' }
    const now = clock.now()
    const [reader, sanctions, moderator, writer] = await Promise.all([
      deps.readers.byId(readerId),
      rooms.sanctionsOn(room.id, readerId, now.toISOString()),
      rooms.isMember('chat_room_moderators', room.id, readerId),
      room.writePolicy === 'approved'
        ? rooms.isMember('chat_room_writers', room.id, readerId)
        : Promise.resolve(true),
    ])
    if (!reader) return { reader: null, moderator: false, banned: false, refusal: 'signed_out' }
    const banned = sanctions.ban !== undefined || reader.bannedAt !== null
    const siteMute = reader.mutedUntil && reader.mutedUntil > now ? reader.mutedUntil : undefined
    const base = { reader, moderator, banned }
    if (room.archived) return { ...base, refusal: 'archived' }
    if (sanctions.mute)
      return {
        ...base,
        refusal: 'muted',
        mutedUntil: sanctions.mute.until,
        muteReason: sanctions.mute.reason,
      }
    if (siteMute)
      return { ...base, refusal: 'muted', mutedUntil: siteMute, muteReason: reader.standingReason }
    if (!writer && !moderator) return { ...base, refusal: 'not_approved' }
    return base
  }

  return {
    standing,

    /** The reader, when they may write in the room now; otherwise the refusal that says why not. */
    async writer(
      room: ChatRoom,
      readerId: number | null,
    ): Promise<ChatStanding & { reader: Reader }> {
      const found = await standing(room, readerId)
      if (found.banned) throw new ChatRefusal('banned', 'You are banned from this room.')
      switch (found.refusal) {
        case undefined:
          return found as ChatStanding & { reader: Reader }
        case 'muted':
          throw new ChatRefusal('muted', 'You are muted in this room.', {
            until: found.mutedUntil ?? null,
            reason: found.muteReason ?? '',
          })
        case 'archived':
          throw new ChatRefusal('not_allowed', 'This room is archived.', { why: 'archived' })
        case 'not_approved':
          throw new ChatRefusal('not_allowed', 'Only approved readers may write here.', {
            why: 'not_approved',
          })
        default:
          throw new ChatRefusal('not_allowed', 'Log in to write.', { why: 'signed_out' })
      }
    },
  }
}

export type ChatAccess = ReturnType<typeof createChatAccess>
