// Load with autocannon: requests per second, p99 latency, and the server's CPU time per request.
import autocannon from 'autocannon'

export const DURATION = Number(process.env.BENCH_SECONDS ?? 10)
const WARM_UP = 2

export interface Measured {
  name: string
  reqPerSec: number
  p99: number
  cpuMsPerReq: number
  requests: number
  non2xx: number
  errors: number
  distinct: number
}

/** Rotates over `paths` at `connections`, after a short warm-up; `cpuSeconds` reads the server's CPU. */
export async function measure(options: {
  name: string
  base: string
  paths: readonly string[]
  connections: number
  cpuSeconds: () => Promise<number>
}): Promise<Measured> {
  const { paths } = options
  let next = 0
  const run = (duration: number) =>
    autocannon({
      url: options.base,
      connections: options.connections,
      duration,
      requests: [
        {
          setupRequest: (req: autocannon.Request) => ({
            ...req,
            path: paths[next++ % paths.length],
          }),
        },
      ],
    })
  await run(WARM_UP)
  const cpuBefore = await options.cpuSeconds()
  const result = await run(DURATION)
  const cpu = (await options.cpuSeconds()) - cpuBefore
  const served = result.requests.total
  return {
    name: options.name,
    reqPerSec: Math.round(result.requests.average),
    p99: result.latency.p99,
    cpuMsPerReq: Number(((cpu * 1000) / served).toFixed(3)),
    requests: served,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    distinct: paths.length,
  }
}

/** One line of a console.table, in the columns the bench has always printed. */
export const row = (m: Measured) => ({
  page: m.name,
  'req/s': m.reqPerSec,
  'p99 ms': m.p99,
  'server CPU ms/req': m.cpuMsPerReq,
  requests: m.requests,
  'non-2xx': m.non2xx,
  distinct: m.distinct,
})

/** Article URLs linked from the first ten pages of each edition's World section. */
export async function articleUrls(base: string): Promise<string[]> {
  const urls = new Set<string>()
  for (const edition of ['en', 'ru']) {
    for (let page = 1; page <= 10; page++) {
      const html = await (await fetch(`${base}/${edition}/world?page=${page}`)).text()
      for (const m of html.matchAll(/href="(\/[a-z]{2}\/[a-z-]+\/\d{8}\/[a-z0-9-]+-\d+)"/g))
        urls.add(m[1]!)
    }
  }
  return [...urls]
}
