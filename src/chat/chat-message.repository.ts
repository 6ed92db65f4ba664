// Queries for chat messages: pages of a room, one message, the writes, reactions and the checks
// that read a reader's recent messages (slow mode, repeats).
import type { Db } from '../platform/db/database.ts'
import { toDate } from '../platform/db/dialect.ts'

export interface ChatMessageRow {
  id: number
  roomId: number
  readerId: number | null
  authorName: string | null
  body: string
  createdAt: Date
  deleted: boolean
  replyTo: { id: number; authorName: string | null; body: string; deleted: boolean } | null
}

const columns = [
  'm.id',
  'm.room_id',
  'm.reader_id',
  'a.display_name',
  'm.body',
  'm.created_at',
  'm.deleted_at',
  'm.reply_to_id',
  'q.body as reply_body',
  'q.deleted_at as reply_deleted_at',
  'qa.display_name as reply_author',
] as const

function toRow(r: {
  id: number
  room_id: number
  reader_id: number | null
  display_name: string | null
  body: string
  created_at: Date | string
  deleted_at: Date | string | null
  reply_to_id: number | null
  reply_body: string | null
  reply_deleted_at: Date | string | null
  reply_author: string | null
}): ChatMessageRow {
  return {
    id: r.id,
    roomId: r.room_id,
    readerId: r.reader_id,
    authorName: r.display_name,
    body: r.body,
    createdAt: toDate(r.created_at),
    deleted: r.deleted_at !== null,
    replyTo:
      r.reply_to_id === null
        ? null
        : {
            id: r.reply_to_id,
            authorName: r.reply_author,
            body: r.reply_body ?? '',
            deleted: r.reply_deleted_at !== null || r.reply_body === null,
          },
  }
}

export function createChatMessageRepository(db: Db) {
  const select = (trx: Db = db) =>
    trx
      .selectFrom('chat_messages as m')
      .leftJoin('readers as a', 'a.id', 'm.reader_id')
      .leftJoin('chat_messages as q', 'q.id', 'm.reply_to_id')
      .leftJoin('readers as qa', 'qa.id', 'q.reader_id')
      .select(columns)

  return {
    async byId(id: number, trx: Db = db): Promise<ChatMessageRow | undefined> {
      const row = await select(trx).where('m.id', '=', id).executeTakeFirst()
      return row && toRow(row)
    },

    /** Messages not deleted, newest first, with ids below `before`. */
    async older(roomId: number, before: number | undefined, limit: number) {
      let query = select().where('m.room_id', '=', roomId).where('m.deleted_at', 'is', null)
      if (before !== undefined) query = query.where('m.id', '<', before)
      return (await query.orderBy('m.id', 'desc').limit(limit).execute()).map(toRow)
    },

    /** Messages not deleted, oldest first, with ids above `after`. */
    async newer(roomId: number, after: number, limit: number) {
      const rows = await select()
        .where('m.room_id', '=', roomId)
        .where('m.deleted_at', 'is', null)
        .where('m.id', '>', after)
        .orderBy('m.id', 'asc')
        .limit(limit)
        .execute()
      return rows.map(toRow)
    },

    /** Ids of deleted messages among the room's `limit` latest up to `upTo`, newest first. */
    async deletedUpTo(roomId: number, upTo: number, limit: number): Promise<number[]> {
      const rows = await db
        .selectFrom((eb) =>
          eb
            .selectFrom('chat_messages')
            .select(['id', 'deleted_at'])
            .where('room_id', '=', roomId)
            .where('id', '<=', upTo)
            .orderBy('id', 'desc')
            .limit(limit)
            .as('latest'),
        )
        .select('id')
        .where('deleted_at', 'is not', null)
        .execute()
      return rows.map((row) => row.id)
    },

    async insert(
      trx: Db,
      values: {
        roomId: number
        readerId: number
        body: string
        replyToId: number | null
        at: string
      },
    ): Promise<number> {
      const row = await trx
        .insertInto('chat_messages')
        .values({
          room_id: values.roomId,
          reader_id: values.readerId,
          body: values.body,
          reply_to_id: values.replyToId,
          created_at: values.at,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      return row.id
    },

    async markDeleted(trx: Db, id: number, at: string, by: string): Promise<void> {
      await trx
        .updateTable('chat_messages')
        .set({ deleted_at: at, deleted_by: by })
        .where('id', '=', id)
        .execute()
    },

    /** When the reader last wrote in the room, deleted messages included. */
    async lastPostedAt(roomId: number, readerId: number): Promise<Date | undefined> {
      const row = await db
        .selectFrom('chat_messages')
        .select('created_at')
        .where('reader_id', '=', readerId)
        .where('room_id', '=', roomId)
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst()
      return row && toDate(row.created_at)
    },

    /** Whether the reader wrote exactly this text anywhere since `since`. */
    async repeated(readerId: number, body: string, since: string): Promise<boolean> {
      const row = await db
        .selectFrom('chat_messages')
        .select('id')
        .where('reader_id', '=', readerId)
        .where('created_at', '>', since)
        .where('body', '=', body)
        .limit(1)
        .executeTakeFirst()
      return row !== undefined
    },

    /** emoji -> count for each message id given. */
    async reactions(ids: number[], trx: Db = db): Promise<Map<number, Record<string, number>>> {
      const counts = new Map<number, Record<string, number>>()
      if (ids.length === 0) return counts
      const rows = await trx
        .selectFrom('chat_reactions')
        .select(['message_id', 'emoji', (eb) => eb.fn.countAll<number>().as('n')])
        .where('message_id', 'in', ids)
        .groupBy(['message_id', 'emoji'])
        .execute()
      for (const row of rows) {
        const record = counts.get(row.message_id) ?? {}
        record[row.emoji] = Number(row.n)
        counts.set(row.message_id, record)
      }
      return counts
    },

    /** Everything the reader wrote and reacted with, for their data download. */
    async exportOf(readerId: number) {
      const [messages, reactions] = await Promise.all([
        db
          .selectFrom('chat_messages')
          .select(['id', 'room_id', 'reply_to_id', 'body', 'created_at', 'deleted_at'])
          .where('reader_id', '=', readerId)
          .orderBy('id')
          .execute(),
        db
          .selectFrom('chat_reactions')
          .select(['message_id', 'emoji'])
          .where('reader_id', '=', readerId)
          .orderBy('message_id')
          .execute(),
      ])
      return { chatMessages: messages, chatReactions: reactions }
    },

    /** The reader's own reactions on the room's latest messages, as "messageId emoji" keys. */
    async reactionsBy(readerId: number, roomId: number, limit = 1000): Promise<string[]> {
      const rows = await db
        .selectFrom('chat_reactions')
        .innerJoin('chat_messages', 'chat_messages.id', 'chat_reactions.message_id')
        .select(['chat_reactions.message_id', 'chat_reactions.emoji'])
        .where('chat_reactions.reader_id', '=', readerId)
        .where('chat_messages.room_id', '=', roomId)
        .orderBy('chat_reactions.message_id', 'desc')
        .limit(limit)
        .execute()
      return rows.map((row) => `${row.message_id} ${row.emoji}`)
    },

    async react(trx: Db, messageId: number, readerId: number, emoji: string, on: boolean) {
      if (on)
        await trx
          .insertInto('chat_reactions')
          .values({ message_id: messageId, reader_id: readerId, emoji })
          .onConflict((oc) => oc.columns(['message_id', 'reader_id', 'emoji']).doNothing())
          .execute()
      else
        await trx
          .deleteFrom('chat_reactions')
          .where('message_id', '=', messageId)
          .where('reader_id', '=', readerId)
          .where('emoji', '=', emoji)
          .execute()
    },
  }
}

export type ChatMessageRepository = ReturnType<typeof createChatMessageRepository>
