// This instance's chat sockets, by room: every chat event heard on the bus, from any instance, is
// serialised once per room and written to each socket of that room. A socket that has just joined
// holds live frames back until it has caught up, so a resume loses and repeats nothing.
import type { Duplex } from 'node:stream'
import type { FastifyBaseLogger } from 'fastify'
import type { WebSocket } from 'ws'
import type { Bus } from '../live/bus.ts'
import type { ChatEvent } from './chat-event.ts'
import { createChatPresence, type PresenceTiming } from './chat-presence.ts'
import { CLOSE, type ServerFrame } from './protocol.ts'

const KEEPALIVE_MS = 30_000
/** A socket that has not read this much of what it was sent is dropped; its client reconnects. */
const MAX_BUFFERED = 1024 * 1024
/** Sockets still closing this long after shutdown began are cut. */
const SHUTDOWN_GRACE_MS = 2_000

interface Outgoing {
  frame: Buffer
  messageId?: number
}

export interface Peer {
  socket: WebSocket
  roomId: number
  readerId: number | null
  alive: boolean
  /** Live frames held back while the socket catches up; null once it has. */
  held: Outgoing[] | null
  /** Messages up to this id reached the socket while it caught up: not sent again. */
  caughtUpTo: number
}

export function frameOf(frame: ServerFrame): Buffer {
  return Buffer.from(JSON.stringify(frame))
}

export function createChatHub(deps: {
  bus: Bus
  log: FastifyBaseLogger
  /** A muted reader's sockets are told why, in the room's language. */
  mutedFrame: (roomId: number, until: string | null, reason: string) => Promise<ServerFrame>
  presence?: Partial<PresenceTiming>
}) {
  const rooms = new Map<number, Set<Peer>>()
  /** Open sockets per signed-in reader and room: a reader with two tabs open is one reader here. */
  const tabs = new Map<string, number>()
  /** Frames for each room waiting for the next write to its sockets. */
  const outgoing = new Map<number, Outgoing[]>()
  let flushing: NodeJS.Immediate | undefined

  const send = (peer: Peer, items: Outgoing[]) => {
    const { socket } = peer
    if (socket.readyState !== socket.OPEN) return
    if (socket.bufferedAmount > MAX_BUFFERED) {
      socket.terminate()
      return
    }
    // Frames that came together leave in one write to the network, not one each: with thousands
    // of sockets in a room, the system calls are most of the cost of a busy chat.
    const raw = (socket as unknown as { _socket?: Duplex })._socket
    raw?.cork()
    for (const item of items)
      if (item.messageId === undefined || item.messageId > peer.caughtUpTo)
        socket.send(item.frame, { binary: false })
    raw?.uncork()
  }

  const flush = () => {
    flushing = undefined
    const batches = [...outgoing]
    outgoing.clear()
    for (const [roomId, items] of batches)
      for (const peer of rooms.get(roomId) ?? []) {
        if (peer.held) peer.held.push(...items)
        else send(peer, items)
      }
  }

  /**
   * To every socket of the room, serialised once. Frames wait for the next turn of the event loop,
   * so those that arrive while the previous ones are being written go out together.
   */
  const deliver = (roomId: number, frame: ServerFrame, messageId?: number) => {
    if (!rooms.get(roomId)?.size) return
    const items = outgoing.get(roomId) ?? []
    outgoing.set(roomId, items)
    items.push({ frame: frameOf(frame), messageId })
    flushing ??= setImmediate(flush)
  }

  const presence = createChatPresence({
    bus: deps.bus,
    onChange: (roomId, online) => deliver(roomId, { type: 'presence', online }),
    timing: deps.presence,
  })

  const readersOf = (roomId: number, readerId: number) =>
    [...(rooms.get(roomId) ?? [])].filter((peer) => peer.readerId === readerId)

  const sanction = (event: Extract<ChatEvent, { kind: 'sanction' }>) => {
    const peers = readersOf(event.roomId, event.readerId)
    if (peers.length === 0) return
    if (event.sanction === 'ban') {
      for (const peer of peers) peer.socket.close(CLOSE.banned, 'banned')
      return
    }
    if (event.sanction !== 'mute') return
    deps
      .mutedFrame(event.roomId, event.until, event.reason)
      .then((frame) => {
        const items = [{ frame: frameOf(frame) }]
        for (const peer of peers) send(peer, items)
      })
      .catch((error: unknown) => deps.log.warn({ err: error }, 'telling a muted reader failed'))
  }

  deps.bus.subscribe((event) => {
    if (event.type !== 'chat') return
    switch (event.kind) {
      case 'presence':
        return presence.heard(event)
      case 'message':
        return deliver(event.roomId, { type: 'message', message: event.message }, event.message.id)
      case 'deleted':
        return deliver(event.roomId, { type: 'deleted', messageId: event.messageId })
      case 'reactions':
        return deliver(event.roomId, {
          type: 'reactions',
          messageId: event.messageId,
          reactions: event.reactions,
        })
      case 'room':
        return deliver(event.roomId, { type: 'room', room: event.room })
      case 'sanction':
        return sanction(event)
    }
  })

  // Peers that did not answer the last ping are gone (a laptop closed, a network dropped).
  const keepalive = setInterval(() => {
    for (const peers of rooms.values())
      for (const peer of peers) {
        if (!peer.alive) {
          peer.socket.terminate()
          continue
        }
        peer.alive = false
        peer.socket.ping()
      }
  }, KEEPALIVE_MS)
  keepalive.unref()

  return {
    online: presence.online,

    /** Starts delivering the room's live frames to the socket, held back until `caughtUp`. */
    join(socket: WebSocket, roomId: number, readerId: number | null): Peer {
      const peer: Peer = { socket, roomId, readerId, alive: true, held: [], caughtUpTo: 0 }
      const peers = rooms.get(roomId) ?? new Set<Peer>()
      rooms.set(roomId, peers)
      peers.add(peer)
      const key = readerId === null ? undefined : `${roomId} ${readerId}`
      const open = key === undefined ? 0 : (tabs.get(key) ?? 0)
      if (key !== undefined) tabs.set(key, open + 1)
      if (open === 0) presence.joined(roomId)
      socket.on('pong', () => {
        peer.alive = true
      })
      socket.once('close', () => {
        peers.delete(peer)
        if (peers.size === 0) rooms.delete(roomId)
        const left = key === undefined ? 0 : (tabs.get(key) ?? 1) - 1
        if (key !== undefined) {
          if (left === 0) tabs.delete(key)
          else tabs.set(key, left)
        }
        if (left === 0) presence.left(roomId)
      })
      return peer
    },

    /** To this socket alone, now. */
    send: (peer: Peer, frame: ServerFrame) => send(peer, [{ frame: frameOf(frame) }]),

    /** Sends what was held back, skipping messages the socket already got while catching up. */
    caughtUp(peer: Peer, sentUpTo: number) {
      const held = peer.held ?? []
      peer.held = null
      peer.caughtUpTo = sentUpTo
      send(peer, held)
    },

    /** Sockets of this instance, per room. */
    local: (roomId: number) => rooms.get(roomId)?.size ?? 0,

    close() {
      clearInterval(keepalive)
      if (flushing) clearImmediate(flushing)
      presence.close()
      const all = [...rooms.values()].flatMap((peers) => [...peers])
      for (const peer of all) peer.socket.close(CLOSE.goingAway, 'server shutting down')
      if (all.length > 0)
        setTimeout(() => {
          for (const peer of all) peer.socket.terminate()
        }, SHUTDOWN_GRACE_MS).unref()
    },
  }
}

export type ChatHub = ReturnType<typeof createChatHub>
