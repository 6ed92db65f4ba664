// One reader's socket in a room: the hello, catching up after `after`, then every frame the client
// sends, checked against the protocol's schemas and handed to the service one at a time.
import type { FastifyBaseLogger } from 'fastify'
import { Compile } from 'typebox/compile'
import type { RawData, WebSocket } from 'ws'
import type { ReaderSession } from '../community/reader.types.ts'
import type { Edition } from '../content/content.types.ts'
import { DomainError } from '../platform/errors.ts'
import type { ChatService } from './chat.service.ts'
import type { ChatActor, ChatRoom } from './chat.types.ts'
import type { ChatStanding } from './chat-access.ts'
import type { ChatHub, Peer } from './chat-hub.ts'
import { summaryOf } from './chat-moderation.ts'
import { ChatRefusal } from './chat-refusal.ts'
import { chatErrorFrame } from './chat-wording.ts'
import { type ChatMe, CLOSE, ClientFrame } from './protocol.ts'

const checkFrame = Compile(ClientFrame)
/** Malformed frames in a row before the socket is closed. */
const GARBAGE_MAX = 5
/** Frames a socket may send in a burst, and per second after it; more are refused unread. */
const BURST = 60
const PER_SECOND = 20

function parse(data: RawData, isBinary: boolean): ClientFrame | undefined {
  if (isBinary || !Buffer.isBuffer(data)) return undefined
  try {
    const frame: unknown = JSON.parse(data.toString('utf8'))
    return checkFrame.Check(frame) ? frame : undefined
  } catch {
    return undefined
  }
}

function budget() {
  let tokens = BURST
  let at = performance.now()
  return () => {
    const now = performance.now()
    tokens = Math.min(BURST, tokens + ((now - at) / 1000) * PER_SECOND)
    at = now
    if (tokens < 1) return false
    tokens -= 1
    return true
  }
}

export function serveChatSocket(
  deps: { chat: ChatService; hub: ChatHub; log: FastifyBaseLogger },
  socket: WebSocket,
  context: {
    room: ChatRoom
    edition: Edition | undefined
    session: ReaderSession | undefined
    /** The reader's standing as the upgrade found it. */
    standing: ChatStanding | undefined
    after: number | undefined
    ip: string
  },
) {
  const { chat, hub, log } = deps
  const { room, edition, session, after } = context
  const reader = session?.reader
  const readerId = reader?.id ?? null
  const actor: ChatActor | undefined = reader && {
    kind: 'reader',
    name: reader.displayName,
    readerId: reader.id,
  }
  const peer = hub.join(socket, room.id, readerId)
  const allowed = budget()
  let garbage = 0
  // Frames are handled in the order they came, after the hello and the catch-up.
  let queue = start(peer).catch((error: unknown) => {
    log.error({ err: error }, 'opening a chat socket failed')
    socket.close(1011, 'server error')
  })

  async function start(peer: Peer) {
    const standing = context.standing ?? (await chat.standing(room, readerId))
    const me: ChatMe | null = reader
      ? {
          id: reader.id,
          name: reader.displayName,
          moderator: standing.moderator,
          canWrite: standing.refusal === undefined,
          ...(standing.refusal && { reason: standing.refusal }),
          ...(standing.mutedUntil && { mutedUntil: standing.mutedUntil.toISOString() }),
        }
      : null
    const missed = after === undefined ? undefined : await chat.missed(room.id, after)
    const myReactions = readerId === null ? [] : await chat.reactionsBy(readerId, room.id)
    hub.send(peer, {
      type: 'hello',
      room: summaryOf(room),
      me,
      online: hub.online(room.id),
      resumed: missed !== undefined,
      myReactions,
    })
    let sentUpTo = 0
    if (after !== undefined && missed === undefined) hub.send(peer, { type: 'reset' })
    if (after !== undefined && missed !== undefined) {
      sentUpTo = after
      for (const messageId of await chat.deletedUpTo(room.id, after))
        hub.send(peer, { type: 'deleted', messageId })
      for (const message of missed) {
        hub.send(peer, { type: 'message', message })
        sentUpTo = message.id
      }
    }
    hub.caughtUp(peer, sentUpTo)
  }

  const refuse = (error: unknown, nonce?: string) => {
    if (!(error instanceof DomainError)) log.error({ err: error }, 'a chat frame failed')
    hub.send(peer, chatErrorFrame(error, edition, nonce))
  }

  const moderator = () => {
    if (!actor) throw new ChatRefusal('not_allowed', 'Log in first.', { why: 'signed_out' })
    return actor
  }

  async function handle(frame: ClientFrame) {
    try {
      switch (frame.type) {
        case 'ping':
          return hub.send(peer, { type: 'pong' })
        case 'send': {
          const input = { text: frame.text, replyTo: frame.replyTo }
          const message = await chat.post(readerId, room.id, input, { ip: context.ip })
          return hub.send(peer, { type: 'ack', nonce: frame.nonce, messageId: message.id })
        }
        case 'react':
        case 'unreact':
          await chat.react(readerId, frame.messageId, frame.emoji, frame.type === 'react')
          return
        case 'delete':
          return await chat.remove(moderator(), frame.messageId)
        case 'mute':
          return await chat.mute(moderator(), room.id, frame.readerId, frame.minutes, frame.reason)
        case 'ban':
          return await chat.ban(moderator(), room.id, frame.readerId, frame.reason)
        case 'slowMode':
          await chat.slowMode(moderator(), room.id, frame.seconds)
          return
      }
    } catch (error) {
      refuse(error, frame.type === 'send' ? frame.nonce : undefined)
    }
  }

  socket.on('message', (data, isBinary) => {
    const frame = parse(data, isBinary)
    if (!frame) {
      hub.send(peer, chatErrorFrame(new ChatRefusal('invalid', 'Malformed frame'), edition))
      if (++garbage >= GARBAGE_MAX) socket.close(CLOSE.policy, 'malformed frames')
      return
    }
    garbage = 0
    if (!allowed()) {
      const error = new ChatRefusal('rate_limited', 'Too many frames', { retryAfter: 1 })
      return refuse(error, frame.type === 'send' ? frame.nonce : undefined)
    }
    queue = queue.then(() => handle(frame))
  })
}
