// A child process with an SMTP server on loopback that takes every mail and only counts it (and
// its bytes), so the sending process is measured alone.
import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'

let mails = 0
let bytes = 0
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  // As many connections as the sender opens; the default would do, but say so.
  maxClients: 100,
  onData(stream, _session, callback) {
    stream.on('data', (chunk: Buffer) => {
      bytes += chunk.length
    })
    stream.on('end', () => {
      mails++
      callback()
    })
  },
})

process.on('message', (command: { type: string }) => {
  if (command.type === 'count') process.send?.({ type: 'count', mails, bytes })
})

server.listen(0, '127.0.0.1', () => {
  const { port } = server.server.address() as AddressInfo
  process.send?.({ type: 'started', port })
})
