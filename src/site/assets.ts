// The site's stylesheet and script, fingerprinted once at start so browsers may keep them for a year.
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import type { FastifyInstance } from 'fastify'

// The comments' styles ride along with the site's: one stylesheet for every page.
const FILES = {
  stylesheet: { file: ['site.css', 'comments.css'], type: 'text/css; charset=utf-8' },
  script: { file: ['live.js'], type: 'text/javascript; charset=utf-8' },
  comments: { file: ['comments.js'], type: 'text/javascript; charset=utf-8' },
} as const

export interface Asset {
  href: string
  type: string
  text: string
}

export type Assets = Record<keyof typeof FILES, Asset>

export function loadAssets(): Assets {
  const load = ({ file, type }: { file: readonly string[]; type: string }): Asset => {
    const text = file
      .map((name) => fs.readFileSync(new URL(`./assets/${name}`, import.meta.url), 'utf8'))
      .join('\n')
    const hash = createHash('sha256').update(text).digest('hex').slice(0, 12)
    const [name, extension] = (file[0] ?? '').split('.')
    return { href: `/assets/${name}.${hash}.${extension}`, type, text }
  }
  return {
    stylesheet: load(FILES.stylesheet),
    script: load(FILES.script),
    comments: load(FILES.comments),
  }
}

export async function assetRoutes(app: FastifyInstance, assets: Assets) {
  for (const asset of Object.values(assets)) {
    app.get(asset.href, async (_request, reply) =>
      reply
        .type(asset.type)
        .header('cache-control', 'public, max-age=31536000, immutable')
        .send(asset.text),
    )
  }
}
