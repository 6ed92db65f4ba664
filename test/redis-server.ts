// A private Redis server for tests that stop and start it, on a port of its own.
import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import { freePort } from './free-port.ts'

export const REDIS_SERVER = process.env.REDIS_SERVER_PATH ?? '/usr/bin/redis-server'
export const redisAvailable = fs.existsSync(REDIS_SERVER)
if (!redisAvailable) {
  if (process.env.CI === 'true')
    throw new Error(`redis-server is missing at ${REDIS_SERVER} and CI=true`)
  console.warn(`Notice: no redis-server at ${REDIS_SERVER}; Redis tests are skipped`)
}

async function reachable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1')
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

export async function startRedis() {
  const port = await freePort()
  let child: ChildProcess | undefined
  const start = async () => {
    child = spawn(
      REDIS_SERVER,
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      {
        stdio: 'ignore',
      },
    )
    for (let i = 0; i < 100 && !(await reachable(port)); i++)
      await new Promise((r) => setTimeout(r, 50))
  }
  const stop = async () => {
    if (!child || child.exitCode !== null) return
    const exited = new Promise((r) => child!.once('exit', r))
    child.kill('SIGKILL')
    await exited
  }
  await start()
  return { url: `redis://127.0.0.1:${port}`, start, stop }
}
