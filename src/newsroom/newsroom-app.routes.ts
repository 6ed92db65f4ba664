// Serves the newsroom app built by vite: its hashed assets for a year, its page for every /admin path.
import fs from 'node:fs'
import path from 'node:path'
import type { FastifyInstance, FastifyReply } from 'fastify'

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.map': 'application/json',
}

const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; " +
    "script-src 'self'; connect-src 'self'; frame-src 'self'; frame-ancestors 'none'; " +
    "base-uri 'none'; form-action 'self'; object-src 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
}

export async function newsroomAppRoutes(app: FastifyInstance, deps: { dir: string }) {
  const assets = path.join(deps.dir, 'assets')
  const indexFile = path.join(deps.dir, 'index.html')

  const page = (reply: FastifyReply) => {
    if (!fs.existsSync(indexFile))
      return reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send('The newsroom app has not been built: run `npm run build`.')
    return reply
      .headers(SECURITY_HEADERS)
      .header('cache-control', 'no-cache')
      .type('text/html; charset=utf-8')
      .send(fs.createReadStream(indexFile))
  }

  app.get('/admin', async (_request, reply) => page(reply))

  app.get<{ Params: { '*': string } }>('/admin/*', async (request, reply) => {
    const rest = request.params['*']
    if (rest.startsWith('api/'))
      return reply
        .code(404)
        .send({ error: { code: 'not_found', message: 'No such Admin API endpoint' } })
    if (!rest.startsWith('assets/')) return page(reply)
    const file = path.join(assets, rest.slice('assets/'.length))
    if (!file.startsWith(assets + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile())
      return reply.code(404).type('text/plain; charset=utf-8').send('No such file')
    return reply
      .type(TYPES[path.extname(file)] ?? 'application/octet-stream')
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('x-content-type-options', 'nosniff')
      .send(fs.createReadStream(file))
  })
}
