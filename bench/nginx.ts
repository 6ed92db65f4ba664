// nginx serving one static file from a private prefix, and its CPU time read from /proc.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { defer } from './cleanup.ts'
import { freePort, launch, stop, waitForPort } from './proc.ts'

export const NGINX = process.env.BENCH_NGINX ?? '/usr/sbin/nginx'
export const nginxAvailable = () => fs.existsSync(NGINX)

const TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100
  } catch {
    return 100
  }
})()

/** utime + stime of one process, in clock ticks, and its parent's pid. */
function stat(pid: number): { ticks: number; ppid: number } | undefined {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    // Fields after the command name, which sits in parentheses and may contain spaces.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ')
    return { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) }
  } catch {
    return undefined
  }
}

/** CPU seconds of the master and all its workers. */
function treeCpuSeconds(master: number): number {
  let ticks = stat(master)?.ticks ?? 0
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    const s = stat(Number(entry))
    if (s?.ppid === master) ticks += s.ticks
  }
  return ticks / TICKS
}

/** Starts nginx (one worker) serving `body` as /article.html from a temp directory of its own. */
export async function startNginx(body: Buffer) {
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-bench-nginx-'))
  const removeDir = defer(() => fs.rmSync(prefix, { recursive: true, force: true }))
  const www = path.join(prefix, 'www')
  fs.mkdirSync(www)
  fs.writeFileSync(path.join(www, 'article.html'), body)
  // Run as root, nginx hands the work to an unprivileged worker, which must be able to read the file.
  for (const d of [prefix, www]) fs.chmodSync(d, 0o755)
  fs.chmodSync(path.join(www, 'article.html'), 0o644)
  const port = await freePort()
  const temp = (name: string) => `${name}_temp_path ${path.join(prefix, `${name}_temp`)};`
  const conf = path.join(prefix, 'nginx.conf')
  fs.writeFileSync(
    conf,
    `worker_processes 1;
daemon off;
pid ${path.join(prefix, 'nginx.pid')};
error_log ${path.join(prefix, 'error.log')} warn;
events { worker_connections 1024; }
http {
  access_log off;
  default_type text/html;
  ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n  ')}
  server {
    listen 127.0.0.1:${port};
    root ${www};
  }
}
`,
  )
  const child = launch(NGINX, ['-p', prefix, '-c', conf, '-e', path.join(prefix, 'error.log')], {
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  const stopNginx = defer(() => stop(child, 'SIGQUIT'))
  await waitForPort(port, child, 'nginx')
  return {
    base: `http://127.0.0.1:${port}`,
    path: '/article.html',
    cpuSeconds: async () => treeCpuSeconds(child.pid!),
    async stop() {
      await stopNginx()
      await removeDir()
    },
  }
}
