// Kysely table types of the chat rooms (migration 20261128_0010_chats).
import type { ColumnType, Generated } from 'kysely'
import type { Timestamp } from '../platform/db/schema.ts'

type Later<T> = ColumnType<T | null, T | null | undefined, T | null>
type Defaulted<T> = ColumnType<T, T | undefined, T>

export interface ChatRoomTable {
  id: Generated<number>
  edition_id: number
  slug: string
  name: string
  description: Defaulted<string>
  kind: 'general' | 'topic'
  section_id: Later<number>
  tag_id: Later<number>
  write_policy: Defaulted<'readers' | 'approved'>
  slow_mode_seconds: Defaulted<number>
  /** One entry per line. */
  banned_words: Defaulted<string>
  suspect_words: Defaulted<string>
  archived_at: Later<Date | string>
  created_at: Timestamp
  updated_at: Timestamp
}

export interface ChatMessageTable {
  id: Generated<number>
  room_id: number
  reader_id: number | null
  body: string
  reply_to_id: Later<number>
  created_at: Timestamp
  deleted_at: Later<Date | string>
  deleted_by: Later<string>
}

export interface ChatReactionTable {
  message_id: number
  reader_id: number
  emoji: string
}

export interface ChatRoomReaderTable {
  room_id: number
  reader_id: number
}

export interface ChatSanctionTable {
  room_id: number
  reader_id: number
  kind: 'mute' | 'ban'
  until: Date | string | null
  reason: string
  by_name: string
  created_at: Timestamp
}

export interface ChatModerationLogTable {
  id: Generated<number>
  room_id: number
  actor_name: string
  actor_kind: 'staff' | 'reader'
  action: string
  reader_id: number | null
  message_id: number | null
  detail: Defaulted<string>
  created_at: Timestamp
}

export interface ChatTables {
  chat_rooms: ChatRoomTable
  chat_messages: ChatMessageTable
  chat_reactions: ChatReactionTable
  chat_room_moderators: ChatRoomReaderTable
  chat_room_writers: ChatRoomReaderTable
  chat_sanctions: ChatSanctionTable
  chat_moderation_log: ChatModerationLogTable
}
