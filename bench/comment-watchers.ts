// A child process holding many comment-stream connections over raw sockets; for each posted
// comment it notes how many connections got it and when the last one did.
import net from 'node:net'
import { now } from './stats.ts'

type Command = { type: 'open'; port: number; path: string; count: number } | { type: 'collect' }

const seen = new Map<number, { count: number; last: number }>()
const sockets: net.Socket[] = []
const MARK = '"kind":"posted","id":'

process.on('message', (command: Command) => {
  if (command.type === 'collect') {
    process.send?.({ type: 'result', seen: [...seen] })
    for (const socket of sockets) socket.destroy()
    return
  }
  let open = 0
  for (let i = 0; i < command.count; i++) {
    const socket = net.connect(command.port, '127.0.0.1')
    sockets.push(socket)
    socket.setEncoding('utf8')
    let counted = false
    socket.on('connect', () => socket.write(`GET ${command.path} HTTP/1.1\r\nHost: x\r\n\r\n`))
    socket.on('data', (chunk: string) => {
      const at = now()
      if (!counted && chunk.includes('retry:')) {
        counted = true
        if (++open === command.count) process.send?.({ type: 'opened' })
      }
      for (let i = chunk.indexOf(MARK); i >= 0; i = chunk.indexOf(MARK, i + MARK.length)) {
        const id = Number.parseInt(chunk.slice(i + MARK.length, i + MARK.length + 12), 10)
        const entry = seen.get(id)
        if (entry) {
          entry.count++
          entry.last = at
        } else seen.set(id, { count: 1, last: at })
      }
    })
    socket.on('error', () => {})
  }
})
process.send?.({ type: 'started' })
