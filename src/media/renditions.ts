// Resized encodings of a photo, made on first request and kept on disk.
import fs from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import type { MediaRepository } from './media.repository.ts'

export const RENDITION_WIDTHS: readonly number[] = [320, 640, 960, 1280, 1920]
export const RENDITION_FORMATS = {
  avif: 'image/avif',
  webp: 'image/webp',
  jpg: 'image/jpeg',
} as const
export type RenditionFormat = keyof typeof RENDITION_FORMATS

export function createRenditions(deps: { dataDir: string; media: MediaRepository }) {
  const root = path.join(deps.dataDir, 'media')
  const inFlight = new Map<string, Promise<string | undefined>>()

  const encode = async (id: number, width: number, format: RenditionFormat, target: string) => {
    const asset = await deps.media.byId(id)
    if (!asset) return undefined
    const original = path.join(root, asset.file)
    if (!original.startsWith(root + path.sep) || !fs.existsSync(original)) return undefined
    let pipeline = sharp(original, { failOn: 'error' })
      .rotate()
      .resize({ width, withoutEnlargement: true })
    if (format === 'avif') pipeline = pipeline.avif({ quality: 50, effort: 2 })
    else if (format === 'webp') pipeline = pipeline.webp({ quality: 75 })
    else pipeline = pipeline.jpeg({ quality: 80, mozjpeg: true })
    await fs.promises.mkdir(path.dirname(target), { recursive: true })
    const temporary = `${target}.${process.pid}.tmp`
    await pipeline.toFile(temporary)
    await fs.promises.rename(temporary, target)
    return target
  }

  return {
    /** The file of a rendition, or undefined when the asset or its original is missing or unreadable. */
    async file(id: number, width: number, format: RenditionFormat): Promise<string | undefined> {
      if (!RENDITION_WIDTHS.includes(width)) return undefined
      const target = path.join(root, 'renditions', String(id), `${width}.${format}`)
      if (fs.existsSync(target)) return target
      const key = `${id}/${width}.${format}`
      let job = inFlight.get(key)
      if (!job) {
        job = encode(id, width, format, target).finally(() => inFlight.delete(key))
        inFlight.set(key, job)
      }
      return job
    },
  }
}

export type Renditions = ReturnType<typeof createRenditions>
