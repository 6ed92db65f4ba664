// A child process holding many newsfeed SSE connections over raw sockets; it notes when a story arrives.
import net from 'node:net'
import { now } from './stats.ts'

export type Command =
  | { type: 'open'; port: number; path: string; count: number; spreadMs: number }
  | { type: 'collect' }

export type Report =
  | { type: 'started' }
  | { type: 'opened'; ready: number; failed: number; errors: Record<string, number> }
  | { type: 'all-received' }
  | { type: 'result'; ready: number; arrivals: number[]; dropped: number }

const send = (report: Report) => process.send?.(report)
const sockets: net.Socket[] = []
const errors: Record<string, number> = {}
const arrivals: number[] = []
let ready = 0
let failed = 0
let dropped = 0
let wanted = 0

const settled = () => {
  if (ready + failed === wanted) send({ type: 'opened', ready, failed, errors })
}

function connect(port: number, path: string) {
  const socket = net.connect(port, '127.0.0.1')
  sockets.push(socket)
  socket.setEncoding('utf8')
  let state: 'waiting' | 'ready' | 'done' | 'failed' = 'waiting'
  let tail = ''
  socket.on('connect', () =>
    socket.write(
      `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAccept: text/event-stream\r\n\r\n`,
    ),
  )
  socket.on('data', (chunk: string) => {
    if (state === 'done') return
    const text = tail + chunk
    if (state === 'waiting') {
      if (!text.startsWith('HTTP/1.1 200')) {
        state = 'failed'
        errors[`HTTP ${text.slice(9, 12)}`] = (errors[`HTTP ${text.slice(9, 12)}`] ?? 0) + 1
        failed++
        socket.destroy()
        return settled()
      }
      if (!text.includes('retry: ')) {
        tail = text
        return
      }
      state = 'ready'
      ready++
      settled()
    }
    if (text.includes('\nevent: story\n')) {
      arrivals.push(now())
      state = 'done'
      if (arrivals.length === ready) send({ type: 'all-received' })
    }
    tail = text.slice(-32)
  })
  socket.on('error', (error: NodeJS.ErrnoException) => {
    const code = error.code ?? error.message
    errors[code] = (errors[code] ?? 0) + 1
  })
  socket.on('close', () => {
    if (state === 'waiting') {
      state = 'failed'
      failed++
      settled()
    } else if (state === 'ready') dropped++
  })
}

process.on('message', (command: Command) => {
  if (command.type === 'open') {
    wanted = command.count
    const ticks = Math.max(1, Math.round(command.spreadMs / 10))
    const batch = Math.ceil(command.count / ticks)
    let opened = 0
    const timer = setInterval(() => {
      for (let i = 0; i < batch && opened < command.count; i++, opened++)
        connect(command.port, command.path)
      if (opened >= command.count) clearInterval(timer)
    }, 10)
  } else if (command.type === 'collect') {
    send({ type: 'result', ready, arrivals, dropped })
  }
})
send({ type: 'started' })
process.on('disconnect', () => {
  for (const socket of sockets) socket.destroy()
  process.exit(0)
})
