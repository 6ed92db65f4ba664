// Serves photo renditions, /media/{id}/{width}.{avif|webp|jpg}, and crops around the focal point,
// /media/{id}/crop/{16x9|4x3|1x1}/{width}.jpg.
import fs from 'node:fs'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { type Crops, isCropRatio } from './crops.ts'
import { RENDITION_FORMATS, type RenditionFormat, type Renditions } from './renditions.ts'

const FILE = /^(\d{3,4})\.(avif|webp|jpg)$/
const CROP_FILE = /^(\d{3,4})\.jpg$/
const IMMUTABLE = 'public, max-age=31536000, immutable'

export async function mediaRoutes(
  app: FastifyInstance,
  deps: { renditions: Renditions; crops: Crops },
) {
  const notFound = (reply: FastifyReply) =>
    reply.code(404).type('text/plain; charset=utf-8').send('No such rendition')
  const mediaId = (raw: string) => {
    const id = /^\d{1,10}$/.test(raw) ? Number(raw) : 0
    return id >= 1 && id <= 2_147_483_647 ? id : undefined
  }
  /** The encoded file; or null, once the answer saying why there is none is sent. */
  const encode = async <T>(
    request: FastifyRequest,
    reply: FastifyReply,
    id: number,
    make: () => Promise<T | undefined>,
  ): Promise<T | null> => {
    try {
      const made = await make()
      if (made !== undefined) return made
      notFound(reply)
    } catch (error) {
      request.log.warn({ err: error, id }, 'rendition failed: the original is not a readable image')
      reply.code(422).type('text/plain; charset=utf-8').send('The original photo cannot be read')
    }
    return null
  }

  app.get<{ Params: { id: string; file: string } }>('/media/:id/:file', async (request, reply) => {
    const match = FILE.exec(request.params.file)
    const id = mediaId(request.params.id)
    if (!match || id === undefined) return notFound(reply)
    const format = match[2] as RenditionFormat
    const file = await encode(request, reply, id, () =>
      deps.renditions.file(id, Number(match[1]), format),
    )
    if (file === null) return reply
    return reply
      .type(RENDITION_FORMATS[format])
      .header('cache-control', IMMUTABLE)
      .send(fs.createReadStream(file))
  })

  app.get<{
    Params: { id: string; ratio: string; file: string }
    Querystring: { focus?: string }
  }>('/media/:id/crop/:ratio/:file', async (request, reply) => {
    const { ratio } = request.params
    const match = CROP_FILE.exec(request.params.file)
    const id = mediaId(request.params.id)
    if (!match || id === undefined || !isCropRatio(ratio)) return notFound(reply)
    const crop = await encode(request, reply, id, () =>
      deps.crops.file(id, ratio, Number(match[1])),
    )
    if (crop === null) return reply
    // The address names the focal point it was cut around; without it, or after the editor moved
    // the point, the same address may soon show another crop.
    const current = request.query.focus === crop.focus
    return reply
      .type('image/jpeg')
      .header('cache-control', current ? IMMUTABLE : 'public, max-age=300')
      .send(fs.createReadStream(crop.file))
  })
}
