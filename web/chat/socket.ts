// The room's WebSocket: connects, resumes after the last message the island has, and reconnects
// with a growing, jittered delay when the connection drops, until it is closed or the reader banned.
import type { CLOSE, ClientFrame, ServerFrame } from '../../src/chat/protocol.ts'

const BANNED: (typeof CLOSE)['banned'] = 4403
const MAX_DELAY_MS = 30_000
/** A socket silent this long after a ping is taken for dead (the network went away unannounced). */
const PING_EVERY_MS = 25_000
const PONG_WITHIN_MS = 10_000

export interface RoomSocket {
  /** False when not connected: the frame was not sent. */
  send(frame: ClientFrame): boolean
  close(): void
}

export function openRoomSocket(options: {
  path: string
  /** The newest message id the island has, read at every (re)connection. */
  after: () => number | undefined
  onFrame: (frame: ServerFrame) => void
  onDown: (banned: boolean) => void
}): RoomSocket {
  let socket: WebSocket | undefined
  let closed = false
  let failures = 0
  let retry: ReturnType<typeof setTimeout> | undefined
  let ping: ReturnType<typeof setInterval> | undefined
  let lastHeard = 0

  const address = () => {
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:'
    const after = options.after()
    return `${scheme}//${location.host}${options.path}${after ? `?after=${after}` : ''}`
  }

  const connect = () => {
    const ws = new WebSocket(address())
    socket = ws
    ws.onmessage = (event) => {
      lastHeard = Date.now()
      let frame: ServerFrame
      try {
        frame = JSON.parse(String(event.data)) as ServerFrame
      } catch {
        return
      }
      if (frame.type === 'hello') failures = 0
      options.onFrame(frame)
    }
    ws.onopen = () => {
      lastHeard = Date.now()
      ping = setInterval(() => {
        if (Date.now() - lastHeard > PING_EVERY_MS + PONG_WITHIN_MS) ws.close()
        else send({ type: 'ping' })
      }, PING_EVERY_MS)
    }
    ws.onclose = (event) => {
      clearInterval(ping)
      if (socket !== ws || closed) return
      socket = undefined
      const banned = event.code === BANNED
      options.onDown(banned)
      if (banned) return
      const delay = Math.min(MAX_DELAY_MS, 1000 * 2 ** failures)
      failures += 1
      retry = setTimeout(connect, delay / 2 + Math.random() * (delay / 2))
    }
  }

  const send = (frame: ClientFrame) => {
    if (socket?.readyState !== WebSocket.OPEN) return false
    socket.send(JSON.stringify(frame))
    return true
  }

  connect()
  return {
    send,
    close() {
      closed = true
      clearTimeout(retry)
      clearInterval(ping)
      socket?.close()
    },
  }
}
