// Section 4: a 24-megapixel camera JPEG through the media library, from upload to its last rendition.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { createMediaRepository } from '../src/media/media.repository.ts'
import { createMediaLibrary } from '../src/media/media-library.service.ts'
import { createRenditions } from '../src/media/renditions.ts'
import { systemClock } from '../src/platform/clock.ts'
import { openDatabase } from '../src/platform/db/database.ts'
import { migrateToLatest } from '../src/platform/db/migrate.ts'
import { defer } from './cleanup.ts'
import { mb, now, round } from './stats.ts'

const WIDTH = 6000
const HEIGHT = 4000

/** Smooth gradients with grain, like a photo: flat colour or pure noise would flatter or punish the encoders. */
async function cameraLikeJpeg(): Promise<Buffer> {
  const pixels = Buffer.alloc(WIDTH * HEIGHT * 3)
  let seed = 0x9e3779b9
  for (let y = 0; y < HEIGHT; y++) {
    for (let x = 0; x < WIDTH; x++) {
      seed ^= seed << 13
      seed ^= seed >>> 17
      seed ^= seed << 5
      const grain = ((seed >>> 0) % 25) - 12
      const at = (y * WIDTH + x) * 3
      pixels[at] = (x / WIDTH) * 200 + 30 + grain
      pixels[at + 1] = (y / HEIGHT) * 180 + 40 + grain
      pixels[at + 2] = 128 + 90 * Math.sin((x + y) / 300) + grain
    }
  }
  return sharp(pixels, { raw: { width: WIDTH, height: HEIGHT, channels: 3 } })
    .jpeg({ quality: 85 })
    .toBuffer()
}

export async function benchUpload() {
  console.log(`\nMedia upload: a ${WIDTH}x${HEIGHT} JPEG, stored and made into every rendition`)
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-bench-media-'))
  const removeDir = defer(() => fs.rmSync(dataDir, { recursive: true, force: true }))
  const database = openDatabase({ dialect: 'sqlite', file: path.join(dataDir, 'dateline.db') })
  const closeDatabase = defer(() => database.close())
  await migrateToLatest(database.db)
  const renditions = createRenditions({ dataDir, media: createMediaRepository(database.db) })
  const library = createMediaLibrary({ db: database.db, dataDir, renditions, clock: systemClock })

  const data = await cameraLikeJpeg()
  const started = now()
  const item = await library.upload({ data, filename: 'DSC_0001.JPG', staffId: null })
  const stored = now()
  // Joins the renditions the upload started in the background.
  const made = await renditions.makeAll(item.id)
  const done = now()

  console.log(
    `Upload of a ${WIDTH}x${HEIGHT} JPEG: stored in ${round(stored - started, 0)} ms, all ${made.length} renditions in ${round(done - started, 0)} ms`,
  )
  console.log(
    `(${mb(data.length)} MB uploaded, ${mb(item.sizeBytes)} MB original kept; Node ${process.version}, ${os.cpus().length} cores)`,
  )
  await closeDatabase()
  await removeDir()
}
