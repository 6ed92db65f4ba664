// The island's state: messages kept once each and in id order, whatever the socket repeats.
import { describe, expect, it } from 'vitest'
import type { ChatMessageJson } from '../../src/chat/chat.types.ts'
import { type ChatState, chatReducer } from './chat-state.ts'
import { translator } from './strings.ts'

const message = (id: number, replyTo?: number): ChatMessageJson => ({
  id,
  roomId: 1,
  author: { id: 7, name: 'Alice' },
  text: `message ${id}`,
  replyTo: replyTo ? { id: replyTo, author: 'Bob', excerpt: 'earlier', deleted: false } : null,
  reactions: {},
  createdAt: '2026-02-14T12:00:00.000Z',
})

const state = (ids: number[]): ChatState => ({
  room: { id: 1, name: 'General', slowModeSeconds: 0, archived: false },
  messages: ids.map((id) => message(id)),
  olderBefore: null,
  me: null,
  online: 0,
  connection: 'open',
  error: null,
})

const ids = (s: ChatState) => s.messages.map((m) => m.id)

describe('chat island state', () => {
  it('keeps messages by id and in order when frames repeat or come out of order', () => {
    let s = state([1, 2, 3])
    for (const id of [3, 5, 4, 5, 2])
      s = chatReducer(s, { type: 'frame', frame: { type: 'message', message: message(id) } })
    expect(ids(s)).toEqual([1, 2, 3, 4, 5])
  })

  it('puts older pages before, and a reloaded history under the live messages', () => {
    let s = chatReducer(state([5, 6]), {
      type: 'older',
      messages: [message(3), message(4), message(5)],
      olderBefore: 3,
    })
    expect(ids(s)).toEqual([3, 4, 5, 6])
    expect(s.olderBefore).toBe(3)
    s = chatReducer(state([5, 6, 90]), {
      type: 'latest',
      messages: [message(80), message(81)],
      olderBefore: 80,
    })
    expect(ids(s)).toEqual([80, 81, 90])
  })

  it('drops a deleted message and marks the replies quoting it', () => {
    const s = chatReducer(
      { ...state([1]), messages: [message(1), message(2, 1)] },
      { type: 'frame', frame: { type: 'deleted', messageId: 1 } },
    )
    expect(ids(s)).toEqual([2])
    expect(s.messages[0]!.replyTo?.deleted).toBe(true)
  })

  it('updates reactions, presence and the room', () => {
    let s = chatReducer(state([1]), {
      type: 'frame',
      frame: { type: 'reactions', messageId: 1, reactions: { '👍': 2 } },
    })
    s = chatReducer(s, { type: 'frame', frame: { type: 'presence', online: 12 } })
    s = chatReducer(s, {
      type: 'frame',
      frame: { type: 'room', room: { id: 1, name: 'G', slowModeSeconds: 30, archived: false } },
    })
    expect(s.messages[0]!.reactions).toEqual({ '👍': 2 })
    expect(s.online).toBe(12)
    expect(s.room.slowModeSeconds).toBe(30)
  })
})

describe('chat island words', () => {
  it('fills placeholders and picks the plural form of the language', () => {
    const strings = {
      'chat.island.newMessages': '{n} новых сообщения',
      'chat.island.newMessages_one': '{n} новое сообщение',
      'chat.island.newMessages_few': '{n} новых сообщения',
      'chat.island.newMessages_many': '{n} новых сообщений',
    }
    const t = translator(strings, 'ru-RU')
    expect(t('chat.island.newMessages', { n: 1 })).toBe('1 новое сообщение')
    expect(t('chat.island.newMessages', { n: 3 })).toBe('3 новых сообщения')
    expect(t('chat.island.newMessages', { n: 25 })).toBe('25 новых сообщений')
  })
})
