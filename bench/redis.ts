// A private Redis server on a port of its own, for the cluster section.
import fs from 'node:fs'
import { defer } from './cleanup.ts'
import { freePort, launch, stop, waitForPort } from './proc.ts'

export const REDIS_SERVER = process.env.REDIS_SERVER_PATH ?? '/usr/bin/redis-server'
export const redisAvailable = () => fs.existsSync(REDIS_SERVER)

export async function startRedis() {
  const port = await freePort()
  const child = launch(
    REDIS_SERVER,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  )
  const undo = defer(() => stop(child, 'SIGKILL'))
  await waitForPort(port, child, 'redis-server')
  return { url: `redis://127.0.0.1:${port}`, stop: undo }
}
