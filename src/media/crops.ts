// Photos cut to a fixed shape around their focal point (16:9, 4:3, 1:1), for structured data and
// social cards; kept on disk like renditions, one file per shape, width and focal point.
import fs from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import type { MediaRepository } from './media.repository.ts'
import type { MediaView } from './media.types.ts'

export const CROP_RATIOS = {
  '16x9': [16, 9],
  '4x3': [4, 3],
  '1x1': [1, 1],
} as const satisfies Record<string, readonly [number, number]>
export type CropRatio = keyof typeof CROP_RATIOS

/** Search engines want images at least 1,200 px wide. */
export const CROP_WIDTHS: readonly number[] = [1200]
export const CROP_WIDTH = 1200

/** The focal point in thousandths, "500-300": it names the crop, so its address can be immutable. */
export function focusKey(focalX: number, focalY: number): string {
  const thousandths = (v: number) => Math.round(Math.min(1, Math.max(0, v)) * 1000)
  return `${thousandths(focalX)}-${thousandths(focalY)}`
}

/** The crop's address, naming the focal point it was cut around. */
export function cropUrl(
  media: { id: number; focalX: number; focalY: number },
  ratio: CropRatio,
  width = CROP_WIDTH,
): string {
  return `/media/${media.id}/crop/${ratio}/${width}.jpg?focus=${focusKey(media.focalX, media.focalY)}`
}

export interface Box {
  left: number
  top: number
  width: number
  height: number
}

/** The largest box of the ratio inside the image, centred on the focal point as far as the edges allow. */
export function cropBox(
  image: { width: number; height: number },
  ratio: CropRatio,
  focal: { x: number; y: number },
): Box {
  const [w, h] = CROP_RATIOS[ratio]
  let width = image.width
  let height = Math.round((image.width * h) / w)
  if (height > image.height) {
    height = image.height
    width = Math.min(image.width, Math.round((image.height * w) / h))
  }
  const clamp = (v: number, max: number) => Math.min(Math.max(v, 0), max)
  return {
    left: clamp(Math.round(focal.x * image.width - width / 2), image.width - width),
    top: clamp(Math.round(focal.y * image.height - height / 2), image.height - height),
    width: Math.max(1, width),
    height: Math.max(1, height),
  }
}

/** A crop's pixel size: the asked width, or the box's own when the photo is smaller (never enlarged). */
export function cropSize(box: Box, ratio: CropRatio, width: number) {
  const [w, h] = CROP_RATIOS[ratio]
  const out = Math.min(width, box.width)
  return { width: out, height: Math.max(1, Math.round((out * h) / w)) }
}

export function createCrops(deps: { dataDir: string; media: MediaRepository }) {
  const root = path.join(deps.dataDir, 'media')
  const inFlight = new Map<string, Promise<Crop | undefined>>()

  const make = async (asset: MediaView, ratio: CropRatio, width: number, target: string) => {
    const original = path.join(root, asset.file)
    if (!original.startsWith(root + path.sep) || !fs.existsSync(original)) return undefined
    const meta = await sharp(original, { failOn: 'error' }).metadata()
    const oriented = meta.autoOrient ?? meta
    const box = cropBox(oriented, ratio, { x: asset.focalX, y: asset.focalY })
    const size = cropSize(box, ratio, width)
    await fs.promises.mkdir(path.dirname(target), { recursive: true })
    const temporary = `${target}.${process.pid}.tmp`
    await sharp(original, { failOn: 'error' })
      .rotate()
      .extract(box)
      .resize({ ...size, fit: 'fill' })
      .jpeg({ quality: 80, mozjpeg: true })
      .toFile(temporary)
    await fs.promises.rename(temporary, target)
    return target
  }

  return {
    /**
     * The crop's file, cut around the photo's current focal point; undefined when the photo or its
     * original is missing. `focus` (from the address) says whether that is the crop asked for.
     */
    async file(id: number, ratio: CropRatio, width: number): Promise<Crop | undefined> {
      if (!CROP_WIDTHS.includes(width)) return undefined
      const asset = await deps.media.byId(id)
      if (!asset) return undefined
      const focus = focusKey(asset.focalX, asset.focalY)
      const target = path.join(
        root,
        'renditions',
        String(id),
        'crops',
        `${ratio}-${width}-${focus}.jpg`,
      )
      if (fs.existsSync(target)) return { file: target, focus }
      let job = inFlight.get(target)
      if (!job) {
        job = make(asset, ratio, width, target)
          .then((file) => (file ? { file, focus } : undefined))
          .finally(() => inFlight.delete(target))
        inFlight.set(target, job)
      }
      return job
    },
  }
}

export interface Crop {
  file: string
  /** The focal point it was cut around, as in its address. */
  focus: string
}

export type Crops = ReturnType<typeof createCrops>

export function isCropRatio(value: string): value is CropRatio {
  return Object.hasOwn(CROP_RATIOS, value)
}
