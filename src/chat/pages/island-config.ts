// What the room page hands to the chat island (web/chat) as JSON: the room, the messages it
// rendered, where to connect, and every word the island shows, in the edition's language.
import type { MessageKey } from '../../site/i18n/messages.ts'
import type { ChatMessageJson } from '../chat.types.ts'

/** The catalogue entries the island uses; it has no words of its own. */
export const CHAT_ISLAND_KEYS = [
  'chat.online',
  'chat.online_one',
  'chat.online_few',
  'chat.online_many',
  'chat.room.archived',
  'chat.room.messages',
  'chat.room.empty',
  'chat.room.signIn',
  'chat.room.login',
  'chat.room.register',
  'chat.message.replyTo',
  'chat.message.deleted',
  'island.deletedUser',
  'chat.reactions',
  'chat.island.yourMessage',
  'chat.island.hint',
  'chat.island.send',
  'chat.island.signedInAs',
  'chat.island.charsLeft',
  'chat.island.charsOver',
  'chat.island.emptyText',
  'chat.island.replyingTo',
  'chat.island.cancelReply',
  'chat.island.reply',
  'chat.island.react',
  'chat.island.reactWith',
  'chat.island.delete',
  'chat.island.deleteConfirm',
  'chat.island.cancel',
  'chat.island.mute',
  'chat.island.muteTitle',
  'chat.island.muteFor',
  'chat.island.ban',
  'chat.island.banTitle',
  'chat.island.reason',
  'chat.island.moderation',
  'chat.island.slowMode',
  'chat.island.slowModeOff',
  'chat.island.slowModeSet',
  'chat.island.slowModeOn',
  'chat.island.newMessages',
  'chat.island.newMessages_one',
  'chat.island.newMessages_few',
  'chat.island.newMessages_many',
  'chat.island.unread',
  'chat.island.loadOlder',
  'chat.island.loading',
  'chat.island.start',
  'chat.island.connecting',
  'chat.island.reconnecting',
  'chat.island.banned',
  'chat.island.muted',
  'chat.island.mutedUntil',
  'chat.island.notApproved',
  'chat.island.loadError',
  'chat.island.error',
] as const satisfies readonly MessageKey[]

export type ChatIslandKey = (typeof CHAT_ISLAND_KEYS)[number]

export interface ChatIslandConfig {
  room: { id: number; name: string; archived: boolean; slowModeSeconds: number }
  /** The WebSocket's path; the island adds `?after=` the last message it has. */
  socketPath: string
  /** The history endpoint's path; the island adds `?before=`. */
  historyPath: string
  locale: string
  timeZone: string
  dir: 'ltr' | 'rtl'
  reactions: string[]
  maxLength: number
  /** The latest messages the page rendered, oldest first. */
  messages: ChatMessageJson[]
  olderBefore: number | null
  online: number
  /** The edition's log-in and registration pages, coming back to the room. */
  login: string
  register: string
  strings: Record<ChatIslandKey, string>
}
