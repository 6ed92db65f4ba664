// What the bus accepts as a chat event from another instance, and what it drops.
import { describe, expect, it } from 'vitest'
import { parseEvent } from '../live/events.ts'

const message = {
  id: 7,
  roomId: 1,
  author: { id: 3, name: 'Alice' },
  text: '<b>hi</b>',
  replyTo: null,
  reactions: { '👍': 2 },
  createdAt: '2026-02-14T12:00:00.000Z',
}

describe('chat events on the bus', () => {
  it('takes every kind when well formed', () => {
    for (const event of [
      { type: 'chat', kind: 'message', roomId: 1, message },
      { type: 'chat', kind: 'deleted', roomId: 1, messageId: 7 },
      { type: 'chat', kind: 'reactions', roomId: 1, messageId: 7, reactions: { '😂': 1 } },
      {
        type: 'chat',
        kind: 'room',
        roomId: 1,
        room: { id: 1, name: 'General', slowModeSeconds: 5, archived: false },
      },
      {
        type: 'chat',
        kind: 'sanction',
        roomId: 1,
        readerId: 3,
        sanction: 'mute',
        until: '2026-02-14T12:10:00.000Z',
        reason: 'Calm down',
      },
      { type: 'chat', kind: 'presence', instance: 'a', counts: { '1': 3, '2': 0 } },
    ])
      expect(parseEvent(JSON.stringify(event))).toEqual(event)
  })

  it('drops malformed ones', () => {
    for (const event of [
      { type: 'chat', kind: 'message', roomId: 1, message: { ...message, id: 'seven' } },
      { type: 'chat', kind: 'deleted', roomId: 0, messageId: 7 },
      { type: 'chat', kind: 'reactions', roomId: 1, messageId: 7, reactions: { x: -1 } },
      {
        type: 'chat',
        kind: 'sanction',
        roomId: 1,
        readerId: 3,
        sanction: 'kick',
        until: null,
        reason: '',
      },
      { type: 'chat', kind: 'presence', instance: 'a', counts: { '1': 'many' } },
      { type: 'chat', kind: 'shout', roomId: 1 },
    ])
      expect(parseEvent(JSON.stringify(event)), JSON.stringify(event)).toBeUndefined()
  })
})
