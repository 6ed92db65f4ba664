// A push service for the bench, in its own process: answers every push 201 (as push services do)
// and tells the parent when the first and the expected number have arrived.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { now } from './stats.ts'

let expected = 0
let count = 0
const paths = new Set<string>()

const server = http.createServer((request, response) => {
  request.resume()
  request.on('end', () => {
    response.statusCode = 201
    response.end()
    count++
    paths.add(request.url ?? '')
    if (count === 1) process.send?.({ type: 'first', at: now() })
    if (count === expected) process.send?.({ type: 'done', at: now(), distinct: paths.size })
  })
})
server.keepAliveTimeout = 60_000

process.on('message', (command: { type: 'expect'; count: number } | { type: 'count' }) => {
  if (command.type === 'expect') {
    expected = command.count
    count = 0
    paths.clear()
    process.send?.({ type: 'ready' })
  } else process.send?.({ type: 'count', count, distinct: paths.size })
})

server.listen(0, '127.0.0.1', () => {
  process.send?.({ type: 'started', port: (server.address() as AddressInfo).port })
})
