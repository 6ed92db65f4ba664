// Section 1: one cached article from Dateline against the same bytes from nginx, and uncached articles.
import { DURATION, type Measured, measure } from './load.ts'
import { NGINX, nginxAvailable, startNginx } from './nginx.ts'
import type { Server } from './server.ts'
import { ratio } from './stats.ts'

const CONNECTIONS = 32

const line = (m: Measured, server: string, bytes: number | string) => ({
  measure: m.name,
  server,
  'req/s': m.reqPerSec,
  'p99 ms': m.p99,
  'CPU ms/req': m.cpuMsPerReq,
  requests: m.requests,
  'non-2xx': m.non2xx,
  errors: m.errors,
  'body bytes': bytes,
})

export async function articleVsNginx(options: {
  cached: Server
  uncached: Server
  articles: readonly string[]
}) {
  const { cached, uncached, articles } = options
  const url = articles[0]!
  console.log(`\nCached article vs nginx: ${url}, ${CONNECTIONS} connections, ${DURATION} s each`)
  await fetch(`${cached.base}${url}`).then((r) => r.arrayBuffer()) // renders it and keeps it
  const response = await fetch(`${cached.base}${url}`)
  const body = Buffer.from(await response.arrayBuffer())
  if (!response.ok) throw new Error(`${url} answered ${response.status}`)

  const rows = []
  const dateline = await measure({
    name: 'cached article',
    base: cached.base,
    paths: [url],
    connections: CONNECTIONS,
    cpuSeconds: cached.cpuSeconds,
  })
  rows.push(line(dateline, 'Dateline', body.length))
  let nginx: Measured | undefined
  if (nginxAvailable()) {
    const server = await startNginx(body)
    try {
      nginx = await measure({
        name: 'same bytes, static file',
        base: server.base,
        paths: [server.path],
        connections: CONNECTIONS,
        cpuSeconds: server.cpuSeconds,
      })
      rows.push(line(nginx, 'nginx (1 worker)', body.length))
    } finally {
      await server.stop()
    }
  } else {
    console.log(`Notice: no nginx at ${NGINX}; run apt-get install -y nginx to compare with it`)
  }
  const cold = await measure({
    name: 'uncached article',
    base: uncached.base,
    paths: articles,
    connections: CONNECTIONS,
    cpuSeconds: uncached.cpuSeconds,
  })
  rows.push(line(cold, 'Dateline, PAGE_CACHE_MB=0', `${articles.length} URLs`))
  console.table(rows)
  console.log(
    nginx
      ? `Dateline/nginx on the cached article: req/s ${ratio(dateline.reqPerSec, nginx.reqPerSec)}, CPU per request ${ratio(dateline.cpuMsPerReq, nginx.cpuMsPerReq)}; uncached article ${cold.reqPerSec} req/s at ${CONNECTIONS} connections`
      : `Cached article ${dateline.reqPerSec} req/s, uncached ${cold.reqPerSec} req/s at ${CONNECTIONS} connections (nginx skipped)`,
  )
}
