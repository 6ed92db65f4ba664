// Child processes and ports: every child is tracked and killed if the bench exits without stopping it.
import { type ChildProcess, type SpawnOptions, spawn } from 'node:child_process'
import net from 'node:net'

const live = new Set<ChildProcess>()
process.on('exit', () => {
  for (const child of live) child.kill('SIGKILL')
})

/** Remembers `child` until it exits, so a bench that dies does not leave it behind. */
export function track(child: ChildProcess): ChildProcess {
  live.add(child)
  child.on('exit', () => live.delete(child))
  child.on('error', () => live.delete(child))
  return child
}

export function launch(command: string, args: string[], options: SpawnOptions): ChildProcess {
  return track(spawn(command, args, options))
}

export const running = (child: ChildProcess) =>
  child.pid !== undefined && child.exitCode === null && child.signalCode === null

/** Sends `signal`, then SIGKILL if the child is still there after five seconds. */
export async function stop(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM') {
  if (!running(child)) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill(signal)
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
  await exited
  clearTimeout(timer)
}

export async function exited(child: ChildProcess): Promise<void> {
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
  if (code !== 0) throw new Error(`${child.spawnargs.join(' ')} exited with ${code}`)
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

export async function reachable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1')
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

export async function waitForPort(port: number, child: ChildProcess, what: string) {
  for (let i = 0; i < 200; i++) {
    if (!running(child)) throw new Error(`${what} exited before listening`)
    if (await reachable(port)) return
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(`${what} did not listen on port ${port}`)
}
