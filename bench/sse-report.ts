// Prints the 10,000-reader results as a table, with the targets beside the figures, and a summary line.
import { mb, percentile, round } from './stats.ts'

const TARGET_MS = 1000
const TARGET_MB = 500

export interface FanOut {
  clients: number
  connected: number
  connectSeconds: number
  overflows: number
  errors: Record<string, number>
  rssIdle: number
  rss: number
  delays: number[]
  dropped: number
}

const fact = (
  measure: string,
  value: number,
  target: number | string = '',
  ok: boolean | '' = '',
) => ({
  measure,
  value,
  target,
  ok,
})

export function printFanOut(r: FanOut) {
  const p50 = percentile(r.delays, 50)
  const max = r.delays.length ? Math.max(...r.delays) : Number.NaN
  const first = r.delays.length ? Math.min(...r.delays) : Number.NaN
  const everyone = r.delays.length === r.clients
  console.table([
    fact('clients connected', r.connected, r.clients, r.connected === r.clients),
    fact('seconds until all connected', round(r.connectSeconds, 2)),
    fact('handshakes dropped, listen queue full (kernel count)', r.overflows),
    fact('bench process RSS MB, before clients (server in-process)', mb(r.rssIdle)),
    fact(
      'bench process RSS MB, all connected (server in-process)',
      mb(r.rss),
      `< ${TARGET_MB}`,
      mb(r.rss) < TARGET_MB,
    ),
    fact('KB of RSS per connection', round((r.rss - r.rssIdle) / 1024 / Math.max(1, r.connected))),
    fact('clients that received the story', r.delays.length, r.clients, everyone),
    fact('publish → event ms, first client', round(first)),
    fact('publish → event ms, p50', round(p50), `< ${TARGET_MS}`, p50 < TARGET_MS),
    fact('publish → event ms, max', round(max), `< ${TARGET_MS}`, max < TARGET_MS),
  ])
  const pass = everyone && max < TARGET_MS && mb(r.rss) < TARGET_MB
  const errors =
    Object.keys(r.errors).length > 0 ? `; connect errors ${JSON.stringify(r.errors)}` : ''
  const dropped = r.dropped > 0 ? `; ${r.dropped} connections dropped` : ''
  console.log(
    `${pass ? 'PASS' : 'MISS'}: ${r.connected}/${r.clients} connected in ${round(r.connectSeconds, 2)} s, server RSS ${mb(r.rss)} MB (target < ${TARGET_MB}); story reached ${r.delays.length}: p50 ${round(p50)} ms, max ${round(max)} ms (target < ${TARGET_MS} ms for all)${errors}${dropped}`,
  )
}
