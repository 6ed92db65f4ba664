// A child process holding many chat sockets in one room over raw TCP: a minimal WebSocket client
// (handshake, frame boundaries, pong) that only looks for the bench's marker in text frames, so
// that the clients' own parsing does not stand in for the server's speed on a shared machine.
// For every bench message it notes how many sockets got it and when the last did, and keeps a
// histogram of each delivery's latency: the poster writes its send time into the text.
import { randomBytes } from 'node:crypto'
import net from 'node:net'
import { now } from './stats.ts'

type Command =
  | { type: 'open'; port: number; path: string; origin: string; count: number }
  | { type: 'collect' }

const MARK = Buffer.from('"text":"bench ')
/** Histogram buckets of a tenth of a millisecond. */
const BUCKET_MS = 0.1
const seen = new Map<number, { count: number; last: number }>()
const histogram = new Map<number, number>()
const sockets: net.Socket[] = []
let closedEarly = 0

function note(payload: Buffer, at: number) {
  const start = payload.indexOf(MARK)
  if (start < 0) return
  const [sentAt, index] = payload
    .toString('latin1', start + MARK.length, start + MARK.length + 40)
    .split(' ')
    .map((part) => Number.parseFloat(part))
  if (sentAt === undefined || index === undefined || Number.isNaN(index)) return
  const bucket = Math.round((at - sentAt) / BUCKET_MS)
  histogram.set(bucket, (histogram.get(bucket) ?? 0) + 1)
  const entry = seen.get(index)
  if (entry) {
    entry.count++
    entry.last = Math.max(entry.last, at)
  } else seen.set(index, { count: 1, last: at })
}

/** A client's pong carries the ping's payload, masked (with a zero key, which leaves it as is). */
function pong(payload: Buffer): Buffer {
  return Buffer.concat([Buffer.from([0x8a, 0x80 | payload.length, 0, 0, 0, 0]), payload])
}

/** Reads whole frames off the stream; returns the bytes of a frame not yet complete. */
function frames(socket: net.Socket, buffer: Buffer, at: number): Buffer {
  let offset = 0
  while (buffer.length - offset >= 2) {
    const opcode = buffer[offset]! & 0x0f
    let length = buffer[offset + 1]! & 0x7f
    let header = 2
    if (length === 126) {
      if (buffer.length - offset < 4) break
      length = buffer.readUInt16BE(offset + 2)
      header = 4
    } else if (length === 127) {
      if (buffer.length - offset < 10) break
      length = Number(buffer.readBigUInt64BE(offset + 2))
      header = 10
    }
    if (buffer.length - offset < header + length) break
    const payload = buffer.subarray(offset + header, offset + header + length)
    if (opcode === 0x1) note(payload, at)
    else if (opcode === 0x9) socket.write(pong(payload))
    offset += header + length
  }
  return buffer.subarray(offset)
}

function connect(command: Extract<Command, { type: 'open' }>): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(command.port, '127.0.0.1')
    sockets.push(socket)
    let upgraded = false
    let rest: Buffer = Buffer.alloc(0)
    socket.on('connect', () =>
      socket.write(
        `GET ${command.path} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n` +
          `Connection: Upgrade\r\nSec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\n` +
          `Sec-WebSocket-Version: 13\r\nOrigin: ${command.origin}\r\n\r\n`,
      ),
    )
    socket.on('data', (chunk: Buffer) => {
      const at = now()
      let data: Buffer = rest.length > 0 ? Buffer.concat([rest, chunk]) : chunk
      if (!upgraded) {
        const end = data.indexOf('\r\n\r\n')
        if (end < 0) {
          rest = data
          return
        }
        if (!data.subarray(0, 12).toString().includes('101')) {
          reject(new Error(`upgrade refused: ${data.subarray(0, 40).toString()}`))
          return
        }
        upgraded = true
        data = data.subarray(end + 4)
        resolve()
      }
      rest = frames(socket, data, at)
    })
    socket.on('error', reject)
    socket.on('close', () => {
      if (upgraded) closedEarly++
    })
  })
}

async function open(command: Extract<Command, { type: 'open' }>) {
  // A few hundred upgrades in flight at a time, as a crowd arriving over a second or two would.
  let left = command.count
  await Promise.all(
    Array.from({ length: 200 }, async () => {
      while (left-- > 0) await connect(command)
    }),
  )
  process.send?.({ type: 'opened' })
}

process.on('message', (command: Command) => {
  if (command.type === 'open') {
    open(command).catch((error: unknown) => {
      process.send?.({ type: 'failed', error: String(error) })
    })
    return
  }
  const early = closedEarly
  process.send?.({ type: 'result', seen: [...seen], histogram: [...histogram], closed: early })
  for (const socket of sockets) socket.destroy()
})
process.send?.({ type: 'started' })
