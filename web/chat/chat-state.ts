// Everything the island shows, changed only by this reducer: frames from the socket, older pages
// from the history endpoint, and the connection's ups and downs.
import type { ChatRoomSummary } from '../../src/chat/chat.types.ts'
import type { ChatMe, ServerFrame } from '../../src/chat/protocol.ts'
import { type Message, mergeMessages, removeMessage, setReactions } from './messages.ts'

export type Connection = 'connecting' | 'open' | 'reconnecting' | 'banned'

export interface ChatState {
  room: ChatRoomSummary
  messages: Message[]
  /** Pass as `before` for older messages; null when the first message is shown. */
  olderBefore: number | null
  me: ChatMe | null
  online: number
  connection: Connection
  /** The last error the server sent, in the edition's language. */
  error: { code: string; message: string } | null
}

export type ChatAction =
  | { type: 'frame'; frame: ServerFrame }
  | { type: 'older'; messages: Message[]; olderBefore: number | null }
  /** The history reloaded after a `reset`: too much was missed to catch up frame by frame. */
  | { type: 'latest'; messages: Message[]; olderBefore: number | null }
  | { type: 'connection'; connection: Connection }
  | { type: 'clearError' }

export function chatReducer(state: ChatState, action: ChatAction): ChatState {
  switch (action.type) {
    case 'frame':
      return applyFrame(state, action.frame)
    case 'older':
      return {
        ...state,
        messages: mergeMessages(state.messages, action.messages),
        olderBefore: action.olderBefore,
      }
    case 'latest': {
      // Live messages that came while the history loaded are newer than its last: kept.
      const newest = action.messages[action.messages.length - 1]?.id ?? 0
      const live = state.messages.filter((m) => m.id > newest)
      return {
        ...state,
        messages: mergeMessages(action.messages, live),
        olderBefore: action.olderBefore,
      }
    }
    case 'connection':
      return { ...state, connection: action.connection }
    case 'clearError':
      return state.error ? { ...state, error: null } : state
  }
}

function applyFrame(state: ChatState, frame: ServerFrame): ChatState {
  switch (frame.type) {
    case 'hello':
      return {
        ...state,
        room: frame.room,
        me: frame.me,
        online: frame.online,
        connection: 'open',
        error: null,
      }
    case 'message':
      return { ...state, messages: mergeMessages(state.messages, [frame.message]) }
    case 'deleted':
      return { ...state, messages: removeMessage(state.messages, frame.messageId) }
    case 'reactions':
      return { ...state, messages: setReactions(state.messages, frame.messageId, frame.reactions) }
    case 'presence':
      return { ...state, online: frame.online }
    case 'room':
      return { ...state, room: frame.room }
    case 'error':
      return { ...state, error: { code: frame.code, message: frame.message } }
    default:
      return state
  }
}
