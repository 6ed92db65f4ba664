// Chat rooms: rooms and their settings, messages with their checks, reactions, moderation, and
// who is online; one object for the socket, the pages and the Admin API.
import type { CommunitySettingsStore } from '../community/community-settings.ts'
import type { ReaderRepository } from '../community/reader.repository.ts'
import type { Catalogue } from '../content/catalogue.ts'
import type { Tag } from '../content/content.types.ts'
import type { Bus } from '../live/bus.ts'
import type { Clock } from '../platform/clock.ts'
import type { Db } from '../platform/db/database.ts'
import type { RateLimiter } from '../platform/security/rate-limit.ts'
import type { ChatRoom } from './chat.types.ts'
import { createChatAccess } from './chat-access.ts'
import { createChatMessageRepository } from './chat-message.repository.ts'
import { createChatMessages } from './chat-messages.ts'
import { createChatModeration } from './chat-moderation.ts'
import { createChatRoomRepository } from './chat-room.repository.ts'
import { createChatRooms } from './chat-rooms.ts'

export function createChatService(deps: {
  db: Db
  readers: ReaderRepository
  settings: CommunitySettingsStore
  catalogue: Catalogue
  tags: { tagsByIds(ids: readonly number[]): Promise<Tag[]> }
  limits: RateLimiter
  clock: Clock
  bus: Bus
  /** Readers connected to a room now, over all instances (the socket hub counts them). */
  online: (roomId: number) => number
}) {
  const { db, readers, clock, bus } = deps
  const rooms = createChatRoomRepository(db)
  const messages = createChatMessageRepository(db)
  const access = createChatAccess({ rooms, readers, clock })
  const roomService = createChatRooms({ ...deps, rooms })
  const messageService = createChatMessages({ ...deps, rooms, messages, access })
  const moderation = createChatModeration({ db, rooms, readers, clock, bus })

  return {
    ...roomService,
    ...messageService,
    ...moderation,
    standing: access.standing,
    online: deps.online,
    reactionsBy: messages.reactionsBy,
    exportOf: messages.exportOf,

    /** The edition's rooms that are not archived, the general room first, with who is online. */
    async rooms(editionId: number): Promise<Array<ChatRoom & { online: number }>> {
      const list = await rooms.ofEdition(editionId, { archived: false })
      return list.map((room) => ({ ...room, online: deps.online(room.id) }))
    },

    /** Every room of the edition, archived ones included, for the newsroom. */
    async allRooms(editionId: number): Promise<Array<ChatRoom & { online: number }>> {
      const list = await rooms.ofEdition(editionId, { archived: true })
      return list.map((room) => ({ ...room, online: deps.online(room.id) }))
    },
  }
}

export type ChatService = ReturnType<typeof createChatService>
