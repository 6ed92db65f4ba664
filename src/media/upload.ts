// Checks an uploaded photo and stores its original: accepted formats and limits, IPTC caption and credit, no EXIF.
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import sharp, { type Metadata, type Sharp } from 'sharp'
import { cleanLine } from '../content/text.ts'
import type { Clock } from '../platform/clock.ts'
import { DomainError } from '../platform/errors.ts'
import { type IptcFields, parseIptc } from './iptc.ts'
import { MEDIA_TEXT_LIMITS } from './media.types.ts'

export const DEFAULT_MAX_UPLOAD_BYTES = 25 * 1024 * 1024
export const DEFAULT_MAX_INPUT_PIXELS = 100_000_000

export interface UploadDeps {
  dataDir: string
  clock: Clock
  maxUploadBytes?: number
  maxInputPixels?: number
}

export interface UploadInput {
  data: Buffer
  filename: string
  /** What the browser said the file is: never trusted, the bytes decide. */
  declaredType?: string
}

export interface StoredOriginal {
  /** Relative to DATA_DIR/media, with forward slashes: originals/YYYY/MM/<hex>.<ext>. */
  file: string
  mimeType: string
  width: number
  height: number
  caption: string
  credit: string
  sizeBytes: number
  originalName: string
}

// The original is kept at high quality: every rendition is made from it. mozjpeg's trellis
// quantisation and scan search would take 6 s more on a 24-megapixel photo for 5% fewer bytes, in a
// file readers never download, so they are left out.
const FORMATS = {
  jpeg: {
    ext: 'jpg',
    mimeType: 'image/jpeg',
    encode: (s: Sharp) =>
      s.jpeg({ quality: 92, mozjpeg: true, trellisQuantisation: false, optimiseScans: false }),
  },
  png: { ext: 'png', mimeType: 'image/png', encode: (s: Sharp) => s.png() },
  webp: { ext: 'webp', mimeType: 'image/webp', encode: (s: Sharp) => s.webp({ quality: 90 }) },
  avif: { ext: 'avif', mimeType: 'image/avif', encode: (s: Sharp) => s.avif({ quality: 70 }) },
} as const
type Format = keyof typeof FORMATS

const unsupported = () =>
  new DomainError('unsupported_media', 'Not a JPEG, PNG, WebP or AVIF image')
const damaged = () => new DomainError('unprocessable', 'The image is damaged or truncated')

/** Checks, cleans and stores an uploaded photo; throws DomainError when it is refused. */
export async function processUpload(deps: UploadDeps, input: UploadInput): Promise<StoredOriginal> {
  const maxBytes = deps.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES
  const maxPixels = deps.maxInputPixels ?? DEFAULT_MAX_INPUT_PIXELS
  const { data } = input
  if (data.length === 0) throw new DomainError('unsupported_media', 'The file is empty')
  if (data.length > maxBytes)
    throw new DomainError(
      'too_large',
      `The file is larger than the limit of ${megabytes(maxBytes)}`,
    )
  if (!looksLikeAcceptedImage(data)) throw unsupported()

  const header = await readHeader(data)
  const format = formatOf(header)
  if (!format) throw unsupported()
  const { width = 0, height = 0 } = header
  if (width * height > maxPixels)
    throw new DomainError(
      'too_large',
      `The image is ${width} × ${height} pixels; the limit is ${maxPixels / 1e6} megapixels`,
    )
  // Read before the metadata is dropped from what is stored.
  const iptc = parseIptc(header.iptc)

  // A full decode, so a damaged or truncated file is refused now rather than at its first rendition.
  const pipeline = sharp(data, { failOn: 'error', limitInputPixels: maxPixels, autoOrient: true })
  const encoded = await FORMATS[format]
    .encode(pipeline.keepIccProfile())
    .toBuffer({ resolveWithObject: true })
    .catch(() => {
      throw damaged()
    })

  const file = await storeOriginal(deps, FORMATS[format].ext, encoded.data)
  return {
    file,
    mimeType: FORMATS[format].mimeType,
    width: encoded.info.width,
    height: encoded.info.height,
    caption: clip(cleanLine(iptc.caption ?? ''), MEDIA_TEXT_LIMITS.caption),
    credit: clip(creditOf(iptc), MEDIA_TEXT_LIMITS.credit),
    sizeBytes: encoded.data.length,
    originalName: clip(
      cleanLine(path.posix.basename(input.filename.replaceAll('\\', '/'))),
      MEDIA_TEXT_LIMITS.originalName,
    ),
  }
}

/** Deletes a stored original, e.g. when the row that names it could not be written. */
export async function removeOriginal(dataDir: string, file: string): Promise<void> {
  const root = path.join(dataDir, 'media')
  const target = path.join(root, file)
  if (!target.startsWith(root + path.sep)) return
  await fs.promises.rm(target, { force: true })
}

/** Cuts text to at most `max` UTF-16 code units, never between the halves of a surrogate pair. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text
  const cut = /[\ud800-\udbff]/.test(text[max - 1] ?? '') ? max - 1 : max
  return text.slice(0, cut).trimEnd()
}

function creditOf(iptc: IptcFields): string {
  const credit = cleanLine(iptc.credit ?? '')
  if (credit) return credit
  const byline = cleanLine(iptc.byline ?? '')
  if (byline) return `© ${byline}`
  return cleanLine(iptc.copyright ?? '')
}

// Only the four formats' decoders ever see the bytes, not the PDF, SVG or TIFF ones.
function looksLikeAcceptedImage(data: Buffer): boolean {
  const ascii = (from: number, to: number) => data.toString('latin1', from, to)
  if (data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return true
  if (ascii(0, 8) === '\x89PNG\r\n\x1a\n') return true
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return true
  if (ascii(4, 8) !== 'ftyp' || data.length < 12) return false
  // The ftyp box lists the major brand and then the compatible ones, 4 bytes each.
  const end = Math.min(data.readUInt32BE(0), data.length, 256)
  for (let at = 8; at + 4 <= end; at += 4) {
    const brand = ascii(at, at + 4)
    if (brand === 'avif' || brand === 'avis') return true
  }
  return false
}

async function readHeader(data: Buffer): Promise<Metadata> {
  try {
    // Dimensions come from the header alone; the pixel limit is checked on them just after.
    return await sharp(data, { limitInputPixels: false }).metadata()
  } catch (error) {
    throw /unsupported image format/i.test((error as Error).message) ? unsupported() : damaged()
  }
}

function formatOf(header: Metadata): Format | undefined {
  if (header.format === 'heif') return header.compression === 'av1' ? 'avif' : undefined
  if (header.format === 'jpeg' || header.format === 'png' || header.format === 'webp')
    return header.format
  return undefined
}

async function storeOriginal(deps: UploadDeps, ext: string, data: Buffer): Promise<string> {
  const now = deps.clock.now()
  const month = String(now.getUTCMonth() + 1).padStart(2, '0')
  const file = `originals/${now.getUTCFullYear()}/${month}/${randomBytes(16).toString('hex')}.${ext}`
  const target = path.join(deps.dataDir, 'media', file)
  const temporary = `${target}.tmp`
  await fs.promises.mkdir(path.dirname(target), { recursive: true })
  try {
    const handle = await fs.promises.open(temporary, 'wx')
    try {
      await handle.writeFile(data)
      // On disk before the row that names it is committed.
      await handle.sync()
    } finally {
      await handle.close()
    }
    await fs.promises.rename(temporary, target)
  } catch (error) {
    await fs.promises.rm(temporary, { force: true })
    throw error
  }
  return file
}

function megabytes(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`
}
