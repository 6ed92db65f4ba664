// Seeds 10,000 stories into a fresh database, then measures the home, section and article pages:
// requests per second, p99 latency, and the server's CPU time per request.
import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import autocannon from 'autocannon'
import { buildIfNeeded } from '../scripts/build.mjs'

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 10_000)
const DURATION = Number(process.env.BENCH_SECONDS ?? 10)
const CONNECTIONS = 10
const PORT = 3900 + Math.floor(Math.random() * 90)
const base = `http://127.0.0.1:${PORT}`
const root = path.resolve(import.meta.dirname, '..')

function run(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
}

async function exited(child: ChildProcess): Promise<void> {
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
  if (code !== 0) throw new Error(`${child.spawnargs.join(' ')} exited with ${code}`)
}

async function waitUntilReady() {
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`${base}/readyz`)).ok) return
    } catch {}
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error('server did not become ready')
}

/** The server's own CPU seconds (user + system), from its Prometheus metrics. */
async function serverCpuSeconds(): Promise<number> {
  const text = await (await fetch(`${base}/metrics`)).text()
  const value = (name: string) =>
    Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? Number.NaN)
  return value('process_cpu_user_seconds_total') + value('process_cpu_system_seconds_total')
}

async function articleUrls(): Promise<string[]> {
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

async function measure(name: string, paths: string[]) {
  let next = 0
  const options = {
    url: base,
    connections: CONNECTIONS,
    requests: [
      {
        setupRequest: (req: autocannon.Request) => ({ ...req, path: paths[next++ % paths.length] }),
      },
    ],
  }
  await autocannon({ ...options, duration: 2 }) // warm-up
  const cpuBefore = await serverCpuSeconds()
  const result = await autocannon({ ...options, duration: DURATION })
  const cpu = (await serverCpuSeconds()) - cpuBefore
  const served = result.requests.total
  return {
    page: name,
    'req/s': Math.round(result.requests.average),
    'p99 ms': result.latency.p99,
    'server CPU ms/req': Number(((cpu * 1000) / served).toFixed(3)),
    requests: served,
    'non-2xx': result.non2xx,
    distinct: paths.length,
  }
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-bench-'))
  const env = {
    DATA_DIR: dataDir,
    DATABASE_URL: process.env.BENCH_DATABASE_URL ?? '',
    LOG_LEVEL: 'warn',
  }
  console.log(`Seeding ${ARTICLES} stories into ${env.DATABASE_URL || 'a fresh SQLite file'} ...`)
  await exited(
    run(['--import', 'tsx', 'src/seed.ts', '--articles', String(ARTICLES), '--reset'], env),
  )

  // The server as `npm start` runs it: built, not through the TypeScript loader.
  await buildIfNeeded()
  const server = run(['dist/server.js'], {
    ...env,
    PORT: String(PORT),
    METRICS: 'true',
    DEMO_ARTICLES: '0',
  })
  try {
    await waitUntilReady()
    const articles = await articleUrls()
    const rows = [
      await measure('home /en', ['/en', '/ru']),
      await measure('section /en/world', ['/en/world', '/ru/world', '/en/economy', '/ru/economy']),
      await measure('article (uncached)', articles),
    ]
    console.table(rows)
    console.log(
      `${CONNECTIONS} connections, ${DURATION} s per page, Node ${process.version}, ${os.cpus().length} cores`,
    )
  } finally {
    server.kill('SIGTERM')
    await new Promise((r) => server.on('exit', r))
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

await main()
