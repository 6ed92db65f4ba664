// Serves photo renditions: /media/{id}/{width}.{avif|webp|jpg}.
import fs from 'node:fs'
import type { FastifyInstance } from 'fastify'
import { RENDITION_FORMATS, type RenditionFormat, type Renditions } from './renditions.ts'

const FILE = /^(\d{3,4})\.(avif|webp|jpg)$/

export async function mediaRoutes(app: FastifyInstance, deps: { renditions: Renditions }) {
  app.get<{ Params: { id: string; file: string } }>('/media/:id/:file', async (request, reply) => {
    const match = FILE.exec(request.params.file)
    const id = /^\d{1,10}$/.test(request.params.id) ? Number(request.params.id) : 0
    if (!match || id < 1 || id > 2_147_483_647)
      return reply.code(404).type('text/plain; charset=utf-8').send('No such rendition')
    const format = match[2] as RenditionFormat
    let file: string | undefined
    try {
      file = await deps.renditions.file(id, Number(match[1]), format)
    } catch (error) {
      request.log.warn({ err: error, id }, 'rendition failed: the original is not a readable image')
      return reply
        .code(422)
        .type('text/plain; charset=utf-8')
        .send('The original photo cannot be read')
    }
    if (!file) return reply.code(404).type('text/plain; charset=utf-8').send('No such rendition')
    return reply
      .type(RENDITION_FORMATS[format])
      .header('cache-control', 'public, max-age=31536000, immutable')
      .send(fs.createReadStream(file))
  })
}
