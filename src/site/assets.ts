// The site's stylesheet, fingerprinted once at start so browsers may keep it for a year.
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import type { FastifyInstance } from 'fastify'

const SOURCE = new URL('./assets/site.css', import.meta.url)

export function loadStylesheet() {
  const css = fs.readFileSync(SOURCE, 'utf8')
  const hash = createHash('sha256').update(css).digest('hex').slice(0, 12)
  return { href: `/assets/site.${hash}.css`, css }
}

export async function assetRoutes(app: FastifyInstance, stylesheet: { href: string; css: string }) {
  app.get(stylesheet.href, async (_request, reply) =>
    reply
      .type('text/css; charset=utf-8')
      .header('cache-control', 'public, max-age=31536000, immutable')
      .send(stylesheet.css),
  )
}
