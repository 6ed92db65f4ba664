// What the chat rooms domain hands to its callers: rooms, messages as JSON, sanctions and the log.

export const REACTIONS = ['👍', '❤️', '😂', '😮', '😢', '👏'] as const
export type Reaction = (typeof REACTIONS)[number]

export const MAX_MESSAGE_LENGTH = 1000

export type ChatRoomKind = 'general' | 'topic'
export type ChatWritePolicy = 'readers' | 'approved'

export interface ChatRoom {
  id: number
  editionId: number
  slug: string
  name: string
  description: string
  kind: ChatRoomKind
  sectionId: number | null
  tagId: number | null
  writePolicy: ChatWritePolicy
  slowModeSeconds: number
  bannedWords: string[]
  suspectWords: string[]
  archived: boolean
  createdAt: string
}

export interface ChatMessageJson {
  id: number
  roomId: number
  author: { id: number | null; name: string }
  text: string
  replyTo: { id: number; author: string; excerpt: string; deleted: boolean } | null
  reactions: Record<string, number>
  createdAt: string
}

export interface ChatHistoryPage {
  /** Oldest first. */
  messages: ChatMessageJson[]
  /** Pass as `before` for the previous (older) page; null when there is none. */
  olderBefore: number | null
}

/** The room as the socket shows it. */
export interface ChatRoomSummary {
  id: number
  name: string
  slowModeSeconds: number
  archived: boolean
}

export type ChatSanctionKind = 'mute' | 'ban'

export interface ChatSanction {
  roomId: number
  readerId: number
  readerName: string
  kind: ChatSanctionKind
  until: string | null
  reason: string
  byName: string
  createdAt: string
}

export type ChatActorKind = 'staff' | 'reader'

/** Who does a moderation action: a staff member through the Admin API, or a room moderator. */
export interface ChatActor {
  kind: ChatActorKind
  name: string
  /** The reader's id when kind is 'reader'. */
  readerId?: number
}

export interface ChatLogEntry {
  id: number
  roomId: number
  actorName: string
  actorKind: ChatActorKind
  action: string
  readerId: number | null
  readerName: string | null
  messageId: number | null
  detail: string
  createdAt: string
}

/** Why a reader may not write in a room right now (undefined: they may). */
export type ChatWriteRefusal = 'signed_out' | 'not_approved' | 'muted' | 'archived'

/** A reader as listed among a room's moderators or approved writers. */
export interface ChatRoomMember {
  readerId: number
  name: string
  email: string
}
