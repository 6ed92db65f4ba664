// The Dateline server as `npm start` runs it: built dist/server.js in a child process, with metrics on.
import path from 'node:path'
import { defer } from './cleanup.ts'
import { exited, freePort, launch, running, stop } from './proc.ts'

export const root = path.resolve(import.meta.dirname, '..')

export type Env = Record<string, string>

export async function seed(env: Env, articles: number): Promise<void> {
  const child = launch(
    process.execPath,
    ['--import', 'tsx', 'src/seed.ts', '--articles', String(articles), '--reset'],
    { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit'] },
  )
  await exited(child)
}

export interface Server {
  base: string
  pid: number
  /** The server's own CPU seconds (user + system), from its Prometheus metrics. */
  cpuSeconds(): Promise<number>
  /** Its resident memory in bytes, from the same metrics. */
  rss(): Promise<number>
  stop(): Promise<void>
}

export async function startServer(env: Env): Promise<Server> {
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  const child = launch(process.execPath, ['dist/server.js'], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), METRICS: 'true', DEMO_ARTICLES: '0' },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  const undo = defer(() => stop(child))
  await waitUntilReady(base, () => running(child))
  const metric = async (name: string) => {
    const text = await (await fetch(`${base}/metrics`)).text()
    return Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? Number.NaN)
  }
  return {
    base,
    pid: child.pid!,
    cpuSeconds: async () =>
      (await metric('process_cpu_user_seconds_total')) +
      (await metric('process_cpu_system_seconds_total')),
    rss: () => metric('process_resident_memory_bytes'),
    stop: undo,
  }
}

async function waitUntilReady(base: string, alive: () => boolean) {
  for (let i = 0; i < 200 && alive(); i++) {
    try {
      if ((await fetch(`${base}/readyz`)).ok) return
    } catch {}
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`server at ${base} did not become ready`)
}
