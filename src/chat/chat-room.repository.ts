// Queries for chat rooms: rooms and their settings, moderators and approved writers, mutes and
// bans, and the moderation log.
import type { Insertable, Updateable } from 'kysely'
import type { Db } from '../platform/db/database.ts'
import { toDate } from '../platform/db/dialect.ts'
import type { ChatRoomTable, ChatSanctionTable } from './chat.table.ts'
import type {
  ChatActor,
  ChatLogEntry,
  ChatRoom,
  ChatRoomMember,
  ChatSanction,
  ChatSanctionKind,
} from './chat.types.ts'

export type MemberList = 'chat_room_moderators' | 'chat_room_writers'

type RoomRecord = {
  id: number
  edition_id: number
  slug: string
  name: string
  description: string
  kind: 'general' | 'topic'
  section_id: number | null
  tag_id: number | null
  write_policy: 'readers' | 'approved'
  slow_mode_seconds: number
  banned_words: string
  suspect_words: string
  archived_at: Date | string | null
  created_at: Date | string
}

const roomColumns = [
  'id',
  'edition_id',
  'slug',
  'name',
  'description',
  'kind',
  'section_id',
  'tag_id',
  'write_policy',
  'slow_mode_seconds',
  'banned_words',
  'suspect_words',
  'archived_at',
  'created_at',
] as const

export const wordsOf = (text: string) => text.split('\n').filter((w) => w !== '')

function toRoom(r: RoomRecord): ChatRoom {
  return {
    id: r.id,
    editionId: r.edition_id,
    slug: r.slug,
    name: r.name,
    description: r.description,
    kind: r.kind,
    sectionId: r.section_id,
    tagId: r.tag_id,
    writePolicy: r.write_policy,
    slowModeSeconds: r.slow_mode_seconds,
    bannedWords: wordsOf(r.banned_words),
    suspectWords: wordsOf(r.suspect_words),
    archived: r.archived_at !== null,
    createdAt: toDate(r.created_at).toISOString(),
  }
}

/** Rows that may be written to a room: what create and update take. */
export type RoomValues = Omit<Updateable<ChatRoomTable>, 'id' | 'created_at' | 'updated_at'>

export function createChatRoomRepository(db: Db) {
  const rooms = (trx: Db = db) => trx.selectFrom('chat_rooms').select(roomColumns)

  return {
    async byId(id: number, trx: Db = db): Promise<ChatRoom | undefined> {
      const row = await rooms(trx).where('id', '=', id).executeTakeFirst()
      return row && toRoom(row)
    },

    async bySlug(editionId: number, slug: string): Promise<ChatRoom | undefined> {
      const row = await rooms()
        .where('edition_id', '=', editionId)
        .where('slug', '=', slug)
        .executeTakeFirst()
      return row && toRoom(row)
    },

    /** The general room first, then topic rooms newest first. */
    async ofEdition(editionId: number, options: { archived: boolean }): Promise<ChatRoom[]> {
      let query = rooms().where('edition_id', '=', editionId)
      if (!options.archived) query = query.where('archived_at', 'is', null)
      const rows = await query.orderBy('kind', 'asc').orderBy('id', 'desc').execute()
      return rows.map(toRoom)
    },

    async forStory(editionId: number, sectionIds: number[], tagIds: number[]): Promise<ChatRoom[]> {
      const rows = await rooms()
        .where('edition_id', '=', editionId)
        .where('kind', '=', 'topic')
        .where('archived_at', 'is', null)
        .where((eb) =>
          eb.or([
            eb('section_id', 'in', sectionIds),
            ...(tagIds.length > 0 ? [eb('tag_id', 'in', tagIds)] : []),
          ]),
        )
        .orderBy('id', 'desc')
        .execute()
      return rows.map(toRoom)
    },

    async insert(
      trx: Db,
      values: RoomValues & {
        edition_id: number
        slug: string
        name: string
        kind: 'general' | 'topic'
      },
      at: string,
    ): Promise<number | undefined> {
      const row = await trx
        .insertInto('chat_rooms')
        .values({ ...values, created_at: at, updated_at: at })
        .onConflict((oc) => oc.columns(['edition_id', 'slug']).doNothing())
        .returning('id')
        .executeTakeFirst()
      return row?.id
    },

    async update(trx: Db, id: number, values: RoomValues, at: string): Promise<void> {
      await trx
        .updateTable('chat_rooms')
        .set({ ...values, updated_at: at })
        .where('id', '=', id)
        .execute()
    },

    /** Editions that have no general room yet. */
    async editionsWithoutGeneral(): Promise<{ id: number; locale: string }[]> {
      return db
        .selectFrom('editions as e')
        .leftJoin('chat_rooms as r', (join) =>
          join.onRef('r.edition_id', '=', 'e.id').on('r.kind', '=', 'general'),
        )
        .where('r.id', 'is', null)
        .select(['e.id', 'e.locale'])
        .execute()
    },

    async isMember(list: MemberList, roomId: number, readerId: number): Promise<boolean> {
      const row = await db
        .selectFrom(list)
        .select('reader_id')
        .where('room_id', '=', roomId)
        .where('reader_id', '=', readerId)
        .executeTakeFirst()
      return row !== undefined
    },

    async members(list: MemberList, roomId: number): Promise<ChatRoomMember[]> {
      const rows = await db
        .selectFrom(`${list} as m`)
        .innerJoin('readers as r', 'r.id', 'm.reader_id')
        .select(['r.id', 'r.display_name', 'r.email'])
        .where('m.room_id', '=', roomId)
        .orderBy('r.display_name')
        .execute()
      return rows.map((r) => ({ readerId: r.id, name: r.display_name, email: r.email }))
    },

    async addMember(trx: Db, list: MemberList, roomId: number, readerId: number) {
      await trx
        .insertInto(list)
        .values({ room_id: roomId, reader_id: readerId })
        .onConflict((oc) => oc.columns(['room_id', 'reader_id']).doNothing())
        .execute()
    },

    async removeMember(trx: Db, list: MemberList, roomId: number, readerId: number) {
      const result = await trx
        .deleteFrom(list)
        .where('room_id', '=', roomId)
        .where('reader_id', '=', readerId)
        .executeTakeFirst()
      return Number(result.numDeletedRows) > 0
    },

    /** The reader's mute and ban in the room that are still in force at `now`. */
    async sanctionsOn(roomId: number, readerId: number, now: string, trx: Db = db) {
      const rows = await trx
        .selectFrom('chat_sanctions')
        .select(['kind', 'until', 'reason'])
        .where('room_id', '=', roomId)
        .where('reader_id', '=', readerId)
        .where((eb) => eb.or([eb('until', 'is', null), eb('until', '>', now)]))
        .execute()
      const of = (kind: ChatSanctionKind) => {
        const row = rows.find((r) => r.kind === kind)
        return row && { until: toDate(row.until), reason: row.reason }
      }
      return { mute: of('mute'), ban: of('ban') }
    },

    async sanctions(roomId: number, now: string): Promise<ChatSanction[]> {
      const rows = await db
        .selectFrom('chat_sanctions as s')
        .innerJoin('readers as r', 'r.id', 's.reader_id')
        .select([
          's.room_id',
          's.reader_id',
          'r.display_name',
          's.kind',
          's.until',
          's.reason',
          's.by_name',
          's.created_at',
        ])
        .where('s.room_id', '=', roomId)
        .where((eb) => eb.or([eb('s.until', 'is', null), eb('s.until', '>', now)]))
        .orderBy('s.created_at', 'desc')
        .execute()
      return rows.map((r) => ({
        roomId: r.room_id,
        readerId: r.reader_id,
        readerName: r.display_name,
        kind: r.kind,
        until: r.until === null ? null : toDate(r.until).toISOString(),
        reason: r.reason,
        byName: r.by_name,
        createdAt: toDate(r.created_at).toISOString(),
      }))
    },

    async putSanction(trx: Db, row: Insertable<ChatSanctionTable>) {
      const { room_id, reader_id, kind, ...rest } = row
      await trx
        .insertInto('chat_sanctions')
        .values(row)
        .onConflict((oc) => oc.columns(['room_id', 'reader_id', 'kind']).doUpdateSet(rest))
        .execute()
    },

    async lift(trx: Db, roomId: number, readerId: number): Promise<number> {
      const result = await trx
        .deleteFrom('chat_sanctions')
        .where('room_id', '=', roomId)
        .where('reader_id', '=', readerId)
        .executeTakeFirst()
      return Number(result.numDeletedRows)
    },

    async log(
      trx: Db,
      entry: {
        roomId: number
        actor: ChatActor
        action: string
        readerId?: number | null
        messageId?: number | null
        detail?: string
        at: string
      },
    ) {
      await trx
        .insertInto('chat_moderation_log')
        .values({
          room_id: entry.roomId,
          actor_name: entry.actor.name,
          actor_kind: entry.actor.kind,
          action: entry.action,
          reader_id: entry.readerId ?? null,
          message_id: entry.messageId ?? null,
          detail: entry.detail ?? '',
          created_at: entry.at,
        })
        .execute()
    },

    /** The room's log, newest first. */
    async logPage(
      roomId: number,
      page: { before?: number; limit: number },
    ): Promise<ChatLogEntry[]> {
      let query = db
        .selectFrom('chat_moderation_log as l')
        .leftJoin('readers as r', 'r.id', 'l.reader_id')
        .select([
          'l.id',
          'l.room_id',
          'l.actor_name',
          'l.actor_kind',
          'l.action',
          'l.reader_id',
          'r.display_name',
          'l.message_id',
          'l.detail',
          'l.created_at',
        ])
        .where('l.room_id', '=', roomId)
      if (page.before !== undefined) query = query.where('l.id', '<', page.before)
      const rows = await query.orderBy('l.id', 'desc').limit(page.limit).execute()
      return rows.map((r) => ({
        id: r.id,
        roomId: r.room_id,
        actorName: r.actor_name,
        actorKind: r.actor_kind,
        action: r.action,
        readerId: r.reader_id,
        readerName: r.display_name,
        messageId: r.message_id,
        detail: r.detail,
        createdAt: toDate(r.created_at).toISOString(),
      }))
    },
  }
}

export type ChatRoomRepository = ReturnType<typeof createChatRoomRepository>
