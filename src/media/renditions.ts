// Resized encodings of a photo, kept on disk: made all at once after an upload, or on first request.
import fs from 'node:fs'
import path from 'node:path'
import sharp, { type OutputInfo, type Sharp } from 'sharp'
import type { MediaRepository } from './media.repository.ts'
import type { MediaView } from './media.types.ts'

export const RENDITION_WIDTHS: readonly number[] = [320, 640, 960, 1280, 1920]
export const RENDITION_FORMATS = {
  avif: 'image/avif',
  webp: 'image/webp',
  jpg: 'image/jpeg',
} as const
export type RenditionFormat = keyof typeof RENDITION_FORMATS

/** What the newsroom shows in grids and previews; made first after an upload. */
export const THUMBNAIL = { width: 640, format: 'webp' } as const satisfies {
  width: number
  format: RenditionFormat
}

export interface Rendition {
  width: number
  format: RenditionFormat
  file: string
}

// sharp runs each encoding on one thread here (glibc without jemalloc), so two at a time keep a
// 2-core machine busy.
const CONCURRENCY = 2
// makeAll decodes the original once, to the widest rendition, and makes the rest from those pixels:
// decoding a 24-megapixel JPEG costs more than encoding most renditions. A very tall image would
// need too much memory for that, so each of its renditions decodes the original.
const MAX_SHARED_PIXELS = 16_000_000

export function createRenditions(deps: { dataDir: string; media: MediaRepository }) {
  const root = path.join(deps.dataDir, 'media')
  const inFlight = new Map<string, Promise<string | undefined>>()
  const allInFlight = new Map<number, Promise<Rendition[]>>()

  const originalOf = (asset: MediaView): string | undefined => {
    const original = path.join(root, asset.file)
    if (!original.startsWith(root + path.sep) || !fs.existsSync(original)) return undefined
    return original
  }
  const decode = (original: string) => sharp(original, { failOn: 'error' }).rotate()

  /** The rendition's file, encoded once however many ask for it at the same time. */
  const ensure = (
    id: number,
    width: number,
    format: RenditionFormat,
    source: () => Promise<Sharp | undefined>,
  ): Promise<string | undefined> => {
    const target = path.join(root, 'renditions', String(id), `${width}.${format}`)
    if (fs.existsSync(target)) return Promise.resolve(target)
    const key = `${id}/${width}.${format}`
    let job = inFlight.get(key)
    if (!job) {
      job = source()
        .then((image) => image && write(image, width, format, target))
        .finally(() => inFlight.delete(key))
      inFlight.set(key, job)
    }
    return job
  }

  const makeEvery = async (id: number): Promise<Rendition[]> => {
    const asset = await deps.media.byId(id)
    const original = asset && originalOf(asset)
    if (!asset || !original) return []
    const wanted = renditionsFor(asset.width)
    const widest = Math.min(asset.width, Math.max(...wanted.map((r) => r.width)))
    const shared = widest * asset.height * (widest / asset.width) <= MAX_SHARED_PIXELS
    let pixels: Promise<Pixels> | undefined
    const source = async () => {
      if (!shared) return decode(original)
      pixels ??= widestPixels(decode(original), widest)
      const { data, info } = await pixels
      return sharp(data, {
        raw: { width: info.width, height: info.height, channels: info.channels },
      })
    }
    const made: Rendition[] = []
    await inParallel(wanted, CONCURRENCY, async ({ width, format }) => {
      const file = await ensure(id, width, format, source)
      if (file) made.push({ width, format, file })
    })
    return made.sort((a, b) => a.width - b.width || a.format.localeCompare(b.format))
  }

  return {
    /** The file of a rendition, or undefined when the asset or its original is missing or unreadable. */
    async file(id: number, width: number, format: RenditionFormat): Promise<string | undefined> {
      if (!RENDITION_WIDTHS.includes(width)) return undefined
      return ensure(id, width, format, async () => {
        const asset = await deps.media.byId(id)
        const original = asset && originalOf(asset)
        return original ? decode(original) : undefined
      })
    },

    /** The same for a photo whose row the caller has read already: no query to look it up again. */
    async fileOf(
      asset: MediaView,
      width: number,
      format: RenditionFormat,
    ): Promise<string | undefined> {
      if (!RENDITION_WIDTHS.includes(width)) return undefined
      return ensure(asset.id, width, format, async () => {
        const original = originalOf(asset)
        return original ? decode(original) : undefined
      })
    },

    /**
     * Makes every rendition a page may ask for, two at a time, and lists them; asking again while
     * they are being made waits for the same work. Rejects with the first encoding that fails.
     */
    makeAll(id: number): Promise<Rendition[]> {
      let job = allInFlight.get(id)
      if (!job) {
        job = makeEvery(id).finally(() => allInFlight.delete(id))
        allInFlight.set(id, job)
      }
      return job
    },
  }
}

export type Renditions = ReturnType<typeof createRenditions>

/**
 * Every width up to the original's, and the first one at or past it (which is the original's own
 * width, as renditions are never enlarged); the thumbnail first, as the newsroom shows it at once.
 */
export function renditionsFor(originalWidth: number): { width: number; format: RenditionFormat }[] {
  const covering = RENDITION_WIDTHS.find((width) => width >= originalWidth)
  const widths = RENDITION_WIDTHS.filter((width) => width < originalWidth || width === covering)
  const formats = Object.keys(RENDITION_FORMATS) as RenditionFormat[]
  const all = widths.flatMap((width) => formats.map((format) => ({ width, format })))
  const isThumbnail = (r: { width: number; format: RenditionFormat }) =>
    r.width === THUMBNAIL.width && r.format === THUMBNAIL.format
  return [...all.filter(isThumbnail), ...all.filter((r) => !isThumbnail(r))]
}

async function write(image: Sharp, width: number, format: RenditionFormat, target: string) {
  let pipeline = image.resize({ width, withoutEnlargement: true })
  if (format === 'avif') pipeline = pipeline.avif({ quality: 50, effort: 2 })
  else if (format === 'webp') pipeline = pipeline.webp({ quality: 75 })
  else pipeline = pipeline.jpeg({ quality: 80, mozjpeg: true })
  await fs.promises.mkdir(path.dirname(target), { recursive: true })
  const temporary = `${target}.${process.pid}.tmp`
  await pipeline.toFile(temporary)
  await fs.promises.rename(temporary, target)
  return target
}

type Pixels = { data: Buffer; info: OutputInfo }

/** The original's pixels at the given width, in sRGB, 8 bits a channel: what renditions need. */
function widestPixels(original: Sharp, width: number): Promise<Pixels> {
  return original
    .resize({ width, withoutEnlargement: true })
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true })
}

/** Runs `work` on every item, at most `limit` at a time; stops taking new items after a failure. */
async function inParallel<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0
  let failed = false
  const worker = async () => {
    while (!failed && next < items.length) {
      const item = items[next++] as T
      try {
        await work(item)
      } catch (error) {
        failed = true
        throw error
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
}
