// The Admin API's chat rooms (src/newsroom/chat-rooms.routes.ts), typed as its schemas answer.
import { call, query } from '../api.ts'

export type WritePolicy = 'readers' | 'approved'
export type MemberList = 'moderators' | 'writers'

export interface ChatRoom {
  id: number
  editionId: number
  slug: string
  name: string
  description: string
  kind: 'general' | 'topic'
  sectionId: number | null
  tagId: number | null
  writePolicy: WritePolicy
  slowModeSeconds: number
  bannedWords: string[]
  suspectWords: string[]
  archived: boolean
  createdAt: string
  /** Readers connected now, over all instances. */
  online: number
}

export interface RoomSettings {
  name?: string
  slug?: string
  description?: string
  sectionId?: number | null
  tagId?: number | null
  writePolicy?: WritePolicy
  slowModeSeconds?: number
  bannedWords?: string[]
  suspectWords?: string[]
}

export interface ChatMember {
  readerId: number
  name: string
  email: string
}

export interface ChatSanction {
  readerId: number
  readerName: string
  kind: 'mute' | 'ban'
  until: string | null
  reason: string
  byName: string
  createdAt: string
}

export interface ChatLogEntry {
  id: number
  actorName: string
  actorKind: 'staff' | 'reader'
  action: string
  readerId: number | null
  readerName: string | null
  messageId: number | null
  detail: string
  createdAt: string
}

const room = (id: number) => `/chat/rooms/${id}`

export const chatApi = {
  rooms: (editionId: number) =>
    call<{ rooms: ChatRoom[] }>('GET', `/chat/rooms${query({ editionId })}`),
  room: (id: number) => call<ChatRoom>('GET', room(id)),
  create: (body: RoomSettings & { editionId: number; name: string }) =>
    call<ChatRoom>('POST', '/chat/rooms', body),
  update: (id: number, body: RoomSettings & { archived?: boolean }) =>
    call<ChatRoom>('PATCH', room(id), body),
  members: (id: number, list: MemberList) =>
    call<{ members: ChatMember[] }>('GET', `${room(id)}/${list}`),
  addMember: (id: number, list: MemberList, email: string) =>
    call<{ members: ChatMember[] }>('POST', `${room(id)}/${list}`, { email }),
  removeMember: (id: number, list: MemberList, readerId: number) =>
    call<void>('DELETE', `${room(id)}/${list}/${readerId}`),
  sanctions: (id: number) => call<{ sanctions: ChatSanction[] }>('GET', `${room(id)}/sanctions`),
  lift: (id: number, readerId: number) => call<void>('DELETE', `${room(id)}/sanctions/${readerId}`),
  log: (id: number, before?: number) =>
    call<{ entries: ChatLogEntry[]; olderBefore: number | null }>(
      'GET',
      `${room(id)}/log${query({ before })}`,
    ),
}

export type ChatApi = typeof chatApi
