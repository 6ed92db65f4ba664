// Uploading to the media library: what is stored, what is refused, renditions, search and editing.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMediaRepository } from '../src/media/media.repository.ts'
import { createMediaLibrary, type MediaLibrary } from '../src/media/media-library.service.ts'
import { createRenditions, type Renditions } from '../src/media/renditions.ts'
import { processUpload } from '../src/media/upload.ts'
import { fixedClock } from '../src/platform/clock.ts'
import { DomainError } from '../src/platform/errors.ts'
import { cameraJpeg, hasGpsPointer, iim, PDF, pngHeader, withIptc } from './media-fixtures.ts'
import { DIALECTS, TEST_NOW, type TestDatabase, testDatabase } from './setup.ts'

const IPTC = {
  120: 'Soldiers march across Red Square,\u0007 Moscow, on 9 May.',
  80: 'Jane Doe',
  116: '© 2026 Dateline',
}

/** Every file under a folder, relative to it. */
function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return []
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((entry) => {
    return fs.statSync(path.join(dir, entry)).isFile()
  })
}

async function refusal(work: Promise<unknown>): Promise<DomainError> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(DomainError)
  return error as DomainError
}

describe.each(DIALECTS)('media library on %s', (dialect) => {
  let database: TestDatabase
  let renditions: Renditions
  let library: MediaLibrary
  let staffId: number
  let photo: Buffer
  let small: Buffer
  let uploaded: number
  const clock = fixedClock(TEST_NOW)
  const logged: unknown[] = []
  const originals = () => path.join(database.dataDir, 'media', 'originals')
  const rows = async () =>
    Number(
      (
        await database.db
          .selectFrom('media_assets')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )

  beforeAll(async () => {
    database = await testDatabase(dialect)
    renditions = createRenditions({
      dataDir: database.dataDir,
      media: createMediaRepository(database.db),
    })
    library = createMediaLibrary({
      db: database.db,
      dataDir: database.dataDir,
      renditions,
      clock,
      maxUploadBytes: 2 * 1024 * 1024,
      maxInputPixels: 100_000_000,
      log: { error: (details) => logged.push(details) },
    })
    const staff = await database.db
      .insertInto('staff')
      .values({
        email: 'photo@example.com',
        name: 'Photo Desk',
        role: 'editor',
        password_hash: '',
        owner: 0,
        disabled: 0,
        created_at: TEST_NOW.toISOString(),
        password_changed_at: TEST_NOW.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    staffId = staff.id
    // 1600 x 1000 stored sideways: shows 1000 x 1600.
    photo = await cameraJpeg(1600, 1000, IPTC)
    // 400 x 300 sideways: one rendition width, so quick to make.
    small = await cameraJpeg(400, 300, IPTC)
  })
  afterAll(async () => {
    await database.dispose()
  })

  it('stores the photo upright, with its IPTC caption and credit and no EXIF', async () => {
    const before = await sharp(photo).metadata()
    expect(hasGpsPointer(before.exif)).toBe(true)
    expect(before.orientation).toBe(6)

    const item = await library.upload({ data: photo, filename: 'C:\\DCIM\\IMG_0042.JPG', staffId })
    uploaded = item.id
    expect(item).toEqual({
      id: item.id,
      thumbnailUrl: `/media/${item.id}/640.webp`,
      width: 1000,
      height: 1600,
      caption: 'Soldiers march across Red Square, Moscow, on 9 May.',
      credit: '© Jane Doe',
      alt: '',
      focalX: 0.5,
      focalY: 0.5,
      originalName: 'IMG_0042.JPG',
      sizeBytes: expect.any(Number),
      createdAt: TEST_NOW.toISOString(),
    })

    const [file] = filesUnder(originals())
    expect(file).toMatch(/^2026[/\\]02[/\\][0-9a-f]{32}\.jpg$/)
    const stored = path.join(originals(), file ?? '')
    expect(fs.statSync(stored).size).toBe(item.sizeBytes)
    const after = await sharp(stored).metadata()
    expect(after).toMatchObject({ format: 'jpeg', width: 1000, height: 1600 })
    expect(after.exif).toBeUndefined()
    expect(after.orientation).toBeUndefined()
    expect(after.iptc).toBeUndefined()
    expect(after.xmp).toBeUndefined()
    expect(after.icc).toBeDefined()
    const row = await database.db
      .selectFrom('media_assets')
      .select(['uploaded_by', 'mime_type'])
      .where('id', '=', item.id)
      .executeTakeFirstOrThrow()
    expect(row).toEqual({ uploaded_by: staffId, mime_type: 'image/jpeg' })
  })

  it('makes every rendition up to the width covering the original, as valid images', async () => {
    // Joins the work the upload started in the background.
    const made = await renditions.makeAll(uploaded)
    const formats = { avif: 'heif', webp: 'webp', jpg: 'jpeg' } as const
    // 1280 is the first width past the original's 1000, so 1920 is not needed.
    expect(made.map((r) => `${r.width}.${r.format}`).sort()).toEqual(
      ['320', '640', '960', '1280'].flatMap((w) => [`${w}.avif`, `${w}.jpg`, `${w}.webp`]).sort(),
    )
    for (const rendition of made) {
      const meta = await sharp(rendition.file, { failOn: 'error' }).metadata()
      expect(meta.format).toBe(formats[rendition.format])
      expect(meta.width).toBe(Math.min(rendition.width, 1000))
      expect(meta.exif).toBeUndefined()
    }
    // The on-demand path finds the same files.
    expect(await renditions.file(uploaded, 640, 'webp')).toBe(
      made.find((r) => r.width === 640 && r.format === 'webp')?.file,
    )
    expect(logged).toEqual([])
  })

  const gif = () =>
    sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } })
      .gif()
      .toBuffer()
  const noise = () => Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251))
  it.each<[string, string, () => Buffer | Promise<Buffer>, string, string]>([
    [
      'a truncated JPEG',
      'photo.jpg',
      () => photo.subarray(0, photo.length >> 1),
      'unprocessable',
      'The image is damaged or truncated',
    ],
    [
      'a 50,000 x 50,000 PNG',
      'huge.png',
      () => pngHeader(50_000, 50_000),
      'too_large',
      '50000 × 50000 pixels',
    ],
    [
      'a PDF named photo.jpg',
      'photo.jpg',
      () => PDF,
      'unsupported_media',
      'Not a JPEG, PNG, WebP or AVIF',
    ],
    [
      'a file over the size limit',
      'big.jpg',
      () => Buffer.concat([photo, Buffer.alloc(2 << 20)]),
      'too_large',
      'larger than the limit of 2 MB',
    ],
    ['random bytes', 'noise.jpg', noise, 'unsupported_media', 'Not a JPEG, PNG, WebP or AVIF'],
    ['an empty file', 'empty.jpg', () => Buffer.alloc(0), 'unsupported_media', 'The file is empty'],
    ['a GIF', 'anim.gif', gif, 'unsupported_media', 'Not a JPEG, PNG, WebP or AVIF'],
  ])('refuses %s, keeping no file and no row', async (_name, filename, make, code, message) => {
    const filesBefore = filesUnder(originals())
    const rowsBefore = await rows()
    const upload = library.upload({
      data: await make(),
      filename,
      declaredType: 'image/jpeg',
      staffId,
    })
    const error = await refusal(upload)
    expect(error.code).toBe(code)
    expect(error.message).toContain(message)
    expect(filesUnder(originals())).toEqual(filesBefore)
    expect(await rows()).toBe(rowsBefore)
  })

  it('removes the stored original when its row cannot be written', async () => {
    const filesBefore = filesUnder(originals())
    const rowsBefore = await rows()
    // No such staff member: the foreign key refuses the row after the file was stored.
    await expect(
      library.upload({ data: small, filename: 'orphan.jpg', staffId: 999_999 }),
    ).rejects.toThrow()
    expect(filesUnder(originals())).toEqual(filesBefore)
    expect(await rows()).toBe(rowsBefore)
  })

  it('keeps the upload when its renditions fail, and logs why', async () => {
    const errors: object[] = []
    const failing = createMediaLibrary({
      db: database.db,
      dataDir: database.dataDir,
      renditions: { ...renditions, makeAll: async () => Promise.reject(new Error('disk full')) },
      clock,
      log: { error: (details) => errors.push(details) },
    })
    const item = await failing.upload({ data: small, filename: 'kept.jpg', staffId })
    await new Promise((resolve) => setImmediate(resolve))
    expect(await library.get(item.id)).toEqual(item)
    expect(errors).toEqual([{ err: new Error('disk full'), mediaId: item.id }])
    await renditions.makeAll(item.id)
  })

  it('lists newest first and finds photos by caption, credit, alt or file name, in any case', async () => {
    const ids: number[] = []
    for (const [filename, caption] of [
      ['kremlin-dawn.jpg', 'The Kremlin at dawn'],
      ['market.jpg', 'A market in Tashkent'],
      ['summit_100%.jpg', 'Leaders at the summit'],
    ] as const) {
      clock.advance(60_000)
      const item = await library.upload({ data: small, filename, staffId })
      await library.update(item.id, { caption })
      ids.push(item.id)
    }
    await library.update(ids[1]!, { credit: 'REUTERS / Ivan Petrov', alt: 'Melons on a stall' })
    await Promise.all(ids.map((id) => renditions.makeAll(id)))

    const all = await library.list({ pageSize: 2 })
    expect(all.total).toBe(await rows())
    expect(all.items.map((m) => m.id)).toEqual([ids[2], ids[1]])
    const second = await library.list({ page: 2, pageSize: 2 })
    expect(second.items[0]?.id).toBe(ids[0])

    const found = async (q: string) => (await library.list({ q })).items.map((m) => m.id)
    expect(await found('KREMLIN AT')).toEqual([ids[0]])
    expect(await found('reuters')).toEqual([ids[1]])
    expect(await found('MELONS')).toEqual([ids[1]])
    expect(await found('Summit_100%')).toEqual([ids[2]])
    expect(await found('100%.J')).toEqual([ids[2]])
    expect(await found('summit_1')).toEqual([ids[2]])
    expect(await found('t%1')).toEqual([])
    expect(await found('summ_t')).toEqual([])
    expect(await found('nothing like this')).toEqual([])
    expect((await library.list({ q: 'market' })).total).toBe(1)
  })

  it('saves caption, credit, alt and focal point, and refuses bad values by field', async () => {
    const item = await library.upload({ data: small, filename: 'edit.jpg', staffId })
    await renditions.makeAll(item.id)
    const saved = await library.update(item.id, {
      caption: '  A caption\u202e with an override  ',
      credit: '© AP Photo / Jane Doe',
      alt: 'Soldiers in a row',
      focalX: 0.25,
      focalY: 1,
    })
    expect(saved).toMatchObject({
      caption: 'A caption with an override',
      credit: '© AP Photo / Jane Doe',
      alt: 'Soldiers in a row',
      focalX: 0.25,
      focalY: 1,
    })
    expect(await library.get(item.id)).toEqual(saved)

    for (const [edit, field] of [
      [{ focalX: 1.5 }, 'focalX'],
      [{ focalY: -0.1 }, 'focalY'],
      [{ focalX: Number.NaN }, 'focalX'],
      [{ caption: 'x'.repeat(2001) }, 'caption'],
      [{ credit: 'x'.repeat(201) }, 'credit'],
      [{ alt: 'x'.repeat(1001) }, 'alt'],
    ] as const) {
      const error = await refusal(library.update(item.id, edit))
      expect([error.code, error.field]).toEqual(['invalid_input', field])
    }
    expect(await library.get(item.id)).toEqual(saved)
    expect((await refusal(library.update(999_999, { alt: 'x' }))).code).toBe('not_found')
    expect((await refusal(library.get(999_999))).code).toBe('not_found')
    expect((await refusal(library.list({ page: 0 }))).field).toBe('page')
    expect((await refusal(library.list({ pageSize: 1000 }))).field).toBe('pageSize')
  })
})

describe('accepted formats', () => {
  const square = (background: string) =>
    sharp({ create: { width: 64, height: 48, channels: 3, background } })
  const formats: [string, () => Promise<Buffer>, string, string][] = [
    ['JPEG', () => square('#c00').jpeg().toBuffer(), 'image/jpeg', 'jpg'],
    ['PNG', () => square('#c00').png().toBuffer(), 'image/png', 'png'],
    ['WebP', () => square('#c00').webp().toBuffer(), 'image/webp', 'webp'],
    ['AVIF', () => square('#c00').avif().toBuffer(), 'image/avif', 'avif'],
    [
      'animated WebP (its first frame)',
      async () =>
        sharp([await square('#c00').png().toBuffer(), await square('#00c').png().toBuffer()], {
          join: { animated: true },
        })
          .webp()
          .toBuffer(),
      'image/webp',
      'webp',
    ],
  ]

  it.each(formats)('stores a %s in its own format', async (_name, make, mimeType, ext) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-upload-'))
    try {
      const stored = await processUpload(
        { dataDir, clock: fixedClock(TEST_NOW) },
        // The name and declared type are not what decides.
        { data: await make(), filename: 'photo.gif', declaredType: 'image/gif' },
      )
      expect(stored).toMatchObject({ mimeType, width: 64, height: 48, originalName: 'photo.gif' })
      expect(stored.file.endsWith(`.${ext}`)).toBe(true)
      const kept = sharp(path.join(dataDir, 'media', stored.file))
      expect((await kept.metadata()).pages ?? 1).toBe(1)
      const { channels } = await kept.stats()
      expect(channels[0]!.mean).toBeGreaterThan(150)
      expect(channels[2]!.mean).toBeLessThan(50)
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  })
})

describe('credit from IPTC', () => {
  it.each([
    [{ 110: 'AP Photo', 80: 'Jane Doe', 116: '© AP' }, 'AP Photo'],
    [{ 80: 'Jane Doe', 116: '© AP' }, '© Jane Doe'],
    [{ 116: '© 2026 The Associated Press' }, '© 2026 The Associated Press'],
    [{}, ''],
  ])('takes %j as "%s"', async (fields, credit) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-upload-'))
    try {
      const jpeg = await sharp({
        create: { width: 64, height: 48, channels: 3, background: '#888' },
      })
        .jpeg()
        .toBuffer()
      const stored = await processUpload(
        { dataDir, clock: fixedClock(TEST_NOW) },
        { data: withIptc(jpeg, iim(fields)), filename: 'x.jpg' },
      )
      expect(stored.credit).toBe(credit)
      expect(stored).toMatchObject({ mimeType: 'image/jpeg', width: 64, height: 48 })
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  })
})
