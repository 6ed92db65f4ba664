// The real start: a process that seeds an empty database, prints its address, serves, and stops cleanly.
import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

const root = path.resolve(import.meta.dirname, '..')
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-server-'))

function start(env: Record<string, string>) {
  // As `npm start` runs it: built into dist/ when the sources changed.
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: root,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      PORT: '0',
      DEMO_ARTICLES: '40',
      ...env,
    },
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk) => {
    stdout += chunk
  })
  child.stderr.on('data', (chunk) => {
    stderr += chunk
  })
  const exit = new Promise<number | null>((resolve) => child.on('exit', resolve))
  return { child, exit, output: () => ({ stdout, stderr }) }
}

async function address(child: ChildProcess, output: () => { stdout: string }): Promise<string> {
  for (let i = 0; i < 600; i++) {
    const match = /running at (http:\/\/[^\s"]+)/.exec(output().stdout)
    if (match) return match[1]!
    if (child.exitCode !== null) break
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`no address printed: ${JSON.stringify(output())}`)
}

describe('the server process', () => {
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }))

  it('seeds an empty database, prints its address and the setup link, serves, and stops on SIGTERM', async () => {
    const server = start({})
    const url = await address(server.child, server.output)
    for (let i = 0; i < 50 && !server.output().stdout.includes('setup'); i++)
      await new Promise((r) => setTimeout(r, 100))
    const lines = server.output().stdout.trim().split('\n')
    expect(lines).toHaveLength(2)
    expect(lines[1]).toMatch(
      /^Create the owner account of the newsroom: http:\/\/127\.0\.0\.1:\d+\/admin\/setup\?token=[\w-]{43}$/,
    )
    const home = await fetch(`${url}/en`)
    expect(home.status).toBe(200)
    expect(await home.text()).toContain('Newsfeed')
    expect((await fetch(`${url}/readyz`)).status).toBe(200)
    // Past Node's 16 KB header limit the request never reaches a route; it still gets a page.
    const long = await fetch(`${url}/en/${'a'.repeat(20_000)}`)
    expect(long.status).toBe(400)
    expect(await long.text()).toContain('class="site-header"')
    // Encoding a 1920 px AVIF takes a while: SIGTERM arrives while it is in flight, and it still finishes.
    const photo = /\/media\/(\d+)\//.exec(await (await fetch(`${url}/ru`)).text())?.[1]
    expect(photo).toBeDefined()
    const inFlight = fetch(`${url}/media/${photo}/1920.avif`)
    await new Promise((r) => setTimeout(r, 150))
    server.child.kill('SIGTERM')
    const rendition = await inFlight
    expect(rendition.status).toBe(200)
    expect(rendition.headers.get('content-type')).toBe('image/avif')
    expect((await rendition.arrayBuffer()).byteLength).toBeGreaterThan(1000)
    expect(await server.exit).toBe(0)
  })

  it('stops at once with one line naming a bad variable', async () => {
    const server = start({ PORT: 'eighty' })
    expect(await server.exit).toBe(1)
    const { stderr } = server.output()
    expect(stderr.trim().split('\n')).toHaveLength(1)
    expect(stderr).toContain('PORT must be an integer from 0 to 65535 (got "eighty")')
  })
})
