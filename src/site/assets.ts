// The site's stylesheet and script, fingerprinted once at start so browsers may keep them for a year.
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'

// The comments' and chats' styles ride along with the site's: one stylesheet for every page.
const FILES = {
  stylesheet: {
    file: ['site.css', 'comments.css', 'chat.css', 'subscribe.css'],
    type: 'text/css; charset=utf-8',
  },
  // The subscribe dialog rides along with the live page script: the button is on every page.
  script: { file: ['live.js', 'subscribe.js'], type: 'text/javascript; charset=utf-8' },
  comments: { file: ['comments.js'], type: 'text/javascript; charset=utf-8' },
  push: { file: ['push.js'], type: 'text/javascript; charset=utf-8' },
  // Served at /sw.js by the push routes (a service worker's scope is where it is served from).
  serviceWorker: { file: ['sw.js'], type: 'text/javascript; charset=utf-8' },
} as const

export interface Asset {
  href: string
  type: string
  text: string
}

/** The chat island is vite's output; without a build the room pages work read-only. */
export type Assets = Record<keyof typeof FILES, Asset> & { chat?: Asset }

const fingerprinted = (file: string, type: string, text: string): Asset => {
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 12)
  const [name, extension] = file.split('.')
  return { href: `/assets/${name}.${hash}.${extension}`, type, text }
}

/** `chatDir`: where vite put the chat island (dist/chat). */
export function loadAssets(options: { chatDir?: string } = {}): Assets {
  const load = ({ file, type }: { file: readonly string[]; type: string }): Asset => {
    const text = file
      .map((name) => fs.readFileSync(new URL(`./assets/${name}`, import.meta.url), 'utf8'))
      .join('\n')
    return fingerprinted(file[0] ?? '', type, text)
  }
  const chatFile = options.chatDir && path.join(options.chatDir, 'chat.js')
  return {
    stylesheet: load(FILES.stylesheet),
    script: load(FILES.script),
    comments: load(FILES.comments),
    push: load(FILES.push),
    serviceWorker: load(FILES.serviceWorker),
    ...(chatFile &&
      fs.existsSync(chatFile) && {
        chat: fingerprinted('chat.js', FILES.script.type, fs.readFileSync(chatFile, 'utf8')),
      }),
  }
}

export async function assetRoutes(app: FastifyInstance, assets: Assets) {
  for (const asset of Object.values(assets)) {
    if (!asset) continue
    app.get(asset.href, async (_request, reply) =>
      reply
        .type(asset.type)
        .header('cache-control', 'public, max-age=31536000, immutable')
        .send(asset.text),
    )
  }
}
