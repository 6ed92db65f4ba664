// Puts the chat together: the service, this instance's sockets, and the general rooms that every
// edition has, made at start and whenever editions change.
import type { FastifyBaseLogger } from 'fastify'
import type { CommunitySettingsStore } from '../community/community-settings.ts'
import type { ReaderRepository } from '../community/reader.repository.ts'
import type { Catalogue } from '../content/catalogue.ts'
import type { Tag } from '../content/content.types.ts'
import type { Bus } from '../live/bus.ts'
import type { Clock } from '../platform/clock.ts'
import type { Db } from '../platform/db/database.ts'
import type { RateLimiter } from '../platform/security/rate-limit.ts'
import { createChatService } from './chat.service.ts'
import { createChatHub } from './chat-hub.ts'
import type { PresenceTiming } from './chat-presence.ts'
import { ChatRefusal } from './chat-refusal.ts'
import { chatErrorFrame } from './chat-wording.ts'

export async function createChat(deps: {
  db: Db
  bus: Bus
  log: FastifyBaseLogger
  clock: Clock
  readers: ReaderRepository
  settings: CommunitySettingsStore
  catalogue: Catalogue
  tags: { tagsByIds(ids: readonly number[]): Promise<Tag[]> }
  limits: RateLimiter
  presence?: Partial<PresenceTiming>
}) {
  const hub = createChatHub({
    bus: deps.bus,
    log: deps.log,
    presence: deps.presence,
    mutedFrame: async (roomId, until, reason) => {
      const room = await service.roomById(roomId)
      const edition = room && deps.catalogue.editionById(room.editionId)
      const muted = new ChatRefusal('muted', 'You are muted in this room.', {
        until: until === null ? null : new Date(until),
        reason,
      })
      return chatErrorFrame(muted, edition)
    },
  })
  const service = createChatService({ ...deps, online: hub.online })

  await service.ensureGeneralRooms()
  deps.bus.subscribe((event) => {
    if (event.type === 'catalogue')
      service
        .ensureGeneralRooms()
        .catch((error: unknown) =>
          deps.log.warn({ err: error }, 'making general chat rooms failed'),
        )
  })
  return { service, hub }
}
