// Messages in a room: posting with every check (standing, length, words, slow mode, repeats, rate
// limits), reactions, deleting, and pages of history; every change announced on the bus.
import { cleanComment } from '../community/comment-text.ts'
import type { CommunitySettingsStore } from '../community/community-settings.ts'
import { createWordFilter, type WordFilter } from '../community/word-filter.ts'
import type { Bus } from '../live/bus.ts'
import type { Clock } from '../platform/clock.ts'
import type { Db } from '../platform/db/database.ts'
import { notFound } from '../platform/errors.ts'
import type { Limit, RateLimiter } from '../platform/security/rate-limit.ts'
import {
  type ChatActor,
  type ChatHistoryPage,
  type ChatMessageJson,
  type ChatRoom,
  MAX_MESSAGE_LENGTH,
  REACTIONS,
} from './chat.types.ts'
import type { ChatAccess } from './chat-access.ts'
import type { ChatMessageRepository, ChatMessageRow } from './chat-message.repository.ts'
import { ChatRefusal } from './chat-refusal.ts'
import type { ChatRoomRepository } from './chat-room.repository.ts'

export const REPEAT_WINDOW_MS = 10 * 60_000
export const HISTORY_LIMIT = { default: 50, max: 100 }
/** More missed messages than this on a resume, and the client reloads instead. */
export const RESUME_MAX = 500
export const CHAT_LIMITS = {
  reader: { max: 20, windowMs: 60_000 },
  address: { max: 60, windowMs: 60_000 },
  reactions: { max: 60, windowMs: 60_000 },
} satisfies Record<string, Limit>
const EXCERPT_LENGTH = 100

export function createChatMessages(deps: {
  db: Db
  rooms: ChatRoomRepository
  messages: ChatMessageRepository
  access: ChatAccess
  settings: CommunitySettingsStore
  limits: RateLimiter
  clock: Clock
  bus: Bus
}) {
  const { db, messages, access, clock, bus } = deps
  const filters = new Map<string, WordFilter>()
  const filterOf = (words: string[]) => {
    const key = words.join('\n')
    let filter = filters.get(key)
    if (!filter) {
      if (filters.size > 100) filters.clear()
      filter = createWordFilter(words)
      filters.set(key, filter)
    }
    return filter
  }

  const json = (row: ChatMessageRow, reactions: Record<string, number> = {}): ChatMessageJson => ({
    id: row.id,
    roomId: row.roomId,
    // A reader who deleted their account leaves an empty name: the page words it.
    author: { id: row.readerId, name: row.authorName ?? '' },
    text: row.body,
    replyTo: row.replyTo && {
      id: row.replyTo.id,
      author: row.replyTo.deleted ? '' : (row.replyTo.authorName ?? ''),
      excerpt: row.replyTo.deleted ? '' : [...row.replyTo.body].slice(0, EXCERPT_LENGTH).join(''),
      deleted: row.replyTo.deleted,
    },
    reactions,
    createdAt: row.createdAt.toISOString(),
  })

  const withReactions = async (rows: ChatMessageRow[]) => {
    const counts = await messages.reactions(rows.map((r) => r.id))
    return rows.map((row) => json(row, counts.get(row.id)))
  }

  const room = async (roomId: number): Promise<ChatRoom> => {
    const found = await deps.rooms.byId(roomId)
    if (!found) throw notFound('room')
    return found
  }

  /** The message text as stored, or the refusal of its words. */
  const checkText = async (chatRoom: ChatRoom, text: string): Promise<string> => {
    const body = cleanComment(text)
    if (body.length === 0)
      throw new ChatRefusal('invalid', 'Write something first.', { why: 'empty' })
    if ([...body].length > MAX_MESSAGE_LENGTH)
      throw new ChatRefusal('too_long', `A message is at most ${MAX_MESSAGE_LENGTH} characters.`)
    const settings = await deps.settings.get(chatRoom.editionId)
    if (filterOf([...settings.bannedWords, ...chatRoom.bannedWords]).match(body).length > 0)
      throw new ChatRefusal('refused_words', 'The message contains words not allowed here.')
    // A chat has no queue to hold a message in: one that needs a moderator's look is not posted.
    if (filterOf([...settings.suspectWords, ...chatRoom.suspectWords]).match(body).length > 0)
      throw new ChatRefusal('held', 'The message contains words a moderator must review.')
    return body
  }

  const checkPace = async (
    chatRoom: ChatRoom,
    readerId: number,
    moderator: boolean,
    body: string,
    ip: string,
  ) => {
    const now = clock.now().getTime()
    if (chatRoom.slowModeSeconds > 0 && !moderator) {
      const last = await messages.lastPostedAt(chatRoom.id, readerId)
      const wait = last ? last.getTime() + chatRoom.slowModeSeconds * 1000 - now : 0
      if (wait > 0)
        throw new ChatRefusal('slow_mode', 'Slow mode is on.', {
          retryAfter: Math.ceil(wait / 1000),
        })
    }
    if (await messages.repeated(readerId, body, new Date(now - REPEAT_WINDOW_MS).toISOString()))
      throw new ChatRefusal('duplicate', 'You have sent this message already.')
    const limits = [
      [`chat:reader:${readerId}`, CHAT_LIMITS.reader],
      [`chat:address:${ip}`, CHAT_LIMITS.address],
    ] as const
    const retryAfter = await deps.limits.refusal(limits)
    if (retryAfter !== undefined)
      throw new ChatRefusal('rate_limited', 'Too many messages.', { retryAfter })
    await deps.limits.hitAll(limits)
  }

  /** The message to reply to: in the same room and still there. */
  const replyTarget = async (roomId: number, id: number | undefined) => {
    if (id === undefined) return null
    const target = await messages.byId(id)
    if (!target || target.roomId !== roomId || target.deleted)
      throw new ChatRefusal('not_found', 'The message you reply to is not there any more.')
    return target.id
  }

  const announceReactions = async (roomId: number, messageId: number) => {
    const reactions = (await messages.reactions([messageId])).get(messageId) ?? {}
    await bus.publish({ type: 'chat', kind: 'reactions', roomId, messageId, reactions })
    return reactions
  }

  return {
    /** A page of a room's messages, oldest first, and the `before` of the page older than it. */
    async history(
      roomId: number,
      page: { before?: number; limit?: number },
    ): Promise<ChatHistoryPage> {
      const limit = Math.min(Math.max(page.limit ?? HISTORY_LIMIT.default, 1), HISTORY_LIMIT.max)
      const rows = await messages.older(roomId, page.before, limit + 1)
      const shown = rows.slice(0, limit).reverse()
      return {
        messages: await withReactions(shown),
        olderBefore: rows.length > limit ? (shown[0]?.id ?? null) : null,
      }
    },

    /** What a reconnecting client missed, oldest first; undefined when more than RESUME_MAX. */
    async missed(roomId: number, after: number): Promise<ChatMessageJson[] | undefined> {
      const rows = await messages.newer(roomId, after, RESUME_MAX + 1)
      return rows.length > RESUME_MAX ? undefined : withReactions(rows)
    },

    /** Messages a reconnecting client may still show that were deleted meanwhile. */
    deletedUpTo: (roomId: number, upTo: number) => messages.deletedUpTo(roomId, upTo, RESUME_MAX),

    async post(
      readerId: number | null,
      roomId: number,
      input: { text: string; replyTo?: number },
      meta: { ip: string },
    ): Promise<ChatMessageJson> {
      const chatRoom = await room(roomId)
      const { reader, moderator } = await access.writer(chatRoom, readerId)
      const body = await checkText(chatRoom, input.text)
      await checkPace(chatRoom, reader.id, moderator, body, meta.ip)
      const replyToId = await replyTarget(roomId, input.replyTo)
      const at = clock.now().toISOString()
      const id = await db
        .transaction()
        .execute((trx) =>
          messages.insert(trx, { roomId, readerId: reader.id, body, replyToId, at }),
        )
      const row = await messages.byId(id)
      if (!row) throw notFound('message')
      const message = json(row)
      await bus.publish({ type: 'chat', kind: 'message', roomId, message })
      return message
    },

    async react(readerId: number | null, messageId: number, emoji: string, on: boolean) {
      if (!(REACTIONS as readonly string[]).includes(emoji))
        throw new ChatRefusal('invalid', 'Not one of the reactions.')
      const message = await messages.byId(messageId)
      if (!message || message.deleted) throw new ChatRefusal('not_found', 'No such message.')
      const { reader } = await access.writer(await room(message.roomId), readerId)
      const limit = [[`chat:react:${reader.id}`, CHAT_LIMITS.reactions]] as const
      const retryAfter = await deps.limits.refusal(limit)
      if (retryAfter !== undefined)
        throw new ChatRefusal('rate_limited', 'Too many reactions.', { retryAfter })
      await deps.limits.hitAll(limit)
      await db.transaction().execute((trx) => messages.react(trx, messageId, reader.id, emoji, on))
      return announceReactions(message.roomId, messageId)
    },

    /** Deletes a message: the author's own, or any for a room moderator or the staff (logged). */
    async remove(actor: ChatActor, messageId: number): Promise<void> {
      const message = await messages.byId(messageId)
      if (!message || message.deleted) throw new ChatRefusal('not_found', 'No such message.')
      const own = actor.kind === 'reader' && actor.readerId === message.readerId
      if (!own && actor.kind === 'reader') {
        const moderator = await deps.rooms.isMember(
          'chat_room_moderators',
          message.roomId,
          actor.readerId ?? 0,
        )
        if (!moderator) throw new ChatRefusal('not_allowed', 'This is not your message.')
      }
      const at = clock.now().toISOString()
      await db.transaction().execute(async (trx) => {
        await messages.markDeleted(trx, messageId, at, own ? 'author' : actor.name)
        if (!own)
          await deps.rooms.log(trx, {
            roomId: message.roomId,
            actor,
            action: 'delete',
            readerId: message.readerId,
            messageId,
            detail: [...message.body].slice(0, EXCERPT_LENGTH).join(''),
            at,
          })
      })
      await bus.publish({ type: 'chat', kind: 'deleted', roomId: message.roomId, messageId })
    },
  }
}

export type ChatMessages = ReturnType<typeof createChatMessages>
