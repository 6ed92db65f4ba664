// Builds the server into dist/, the newsroom app into dist/admin and the chat island into
// dist/chat, each when a source file is newer than its last build. Running compiled JavaScript
// spares every request the helpers a TypeScript loader adds.
import fs from 'node:fs'
import path from 'node:path'
import { build } from 'esbuild'

const root = path.resolve(import.meta.dirname, '..')
const out = path.join(root, 'dist')
const entries = ['src/server.ts', 'src/seed.ts']

function newestSource(dir) {
  let newest = 0
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.name.endsWith('.test.ts')) continue
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : fs.statSync(full).mtimeMs)
  }
  return newest
}

const modified = (file) => (fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0)

/** The newsroom app, built by vite into dist/admin. */
export async function buildNewsroomIfNeeded({ force = false } = {}) {
  const built = modified(path.join(out, 'admin', 'index.html'))
  const inputs = Math.max(
    newestSource(path.join(root, 'web')),
    modified(path.join(root, 'package-lock.json')),
  )
  if (!force && built > inputs) return false
  const { build: vite } = await import('vite')
  await vite({
    configFile: path.join(root, 'web/newsroom/vite.config.ts'),
    logLevel: 'warn',
  })
  return true
}

/** The chat island, built by vite into dist/chat/chat.js; the server fingerprints it at start. */
export async function buildChatIfNeeded({ force = false } = {}) {
  const built = modified(path.join(out, 'chat', 'chat.js'))
  const inputs = Math.max(
    newestSource(path.join(root, 'web', 'chat')),
    newestSource(path.join(root, 'src', 'chat')),
    modified(path.join(root, 'package-lock.json')),
  )
  if (!force && built > inputs) return false
  const { build: vite } = await import('vite')
  await vite({ configFile: path.join(root, 'web/chat/vite.config.ts'), logLevel: 'warn' })
  return true
}

export async function buildIfNeeded({ force = false } = {}) {
  await buildNewsroomIfNeeded({ force })
  await buildChatIfNeeded({ force })
  const stamp = path.join(out, 'server.js')
  const built = fs.existsSync(stamp) ? fs.statSync(stamp).mtimeMs : 0
  const inputs = Math.max(
    newestSource(path.join(root, 'src')),
    newestSource(path.join(root, 'scripts')),
    fs.statSync(path.join(root, 'package-lock.json')).mtimeMs,
  )
  if (!force && built > inputs) return false
  await build({
    absWorkingDir: root,
    entryPoints: entries,
    outdir: out,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    sourcemap: true,
    logLevel: 'warning',
  })
  fs.cpSync(path.join(root, 'src/site/assets'), path.join(out, 'assets'), { recursive: true })
  return true
}

if (import.meta.url === `file://${process.argv[1]}`) await buildIfNeeded({ force: true })
