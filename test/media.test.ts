// Photo renditions: made on first request in AVIF, WebP and JPEG, refused clearly when they cannot be.
import fs from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testApp } from './setup.ts'

describe('photo renditions', () => {
  let t: Awaited<ReturnType<typeof testApp>>
  let photo: number
  let broken: number
  let missing: number

  beforeAll(async () => {
    t = await testApp('sqlite')
    const originals = path.join(t.config.dataDir, 'media', 'originals')
    fs.mkdirSync(originals, { recursive: true })
    await sharp({ create: { width: 1000, height: 600, channels: 3, background: '#336699' } })
      .jpeg()
      .toFile(path.join(originals, 'blue.jpg'))
    fs.writeFileSync(path.join(originals, 'broken.jpg'), 'this is not a JPEG')
    const media = (file: string) =>
      t.services.taxonomy.createMedia({
        file: `originals/${file}`,
        mimeType: 'image/jpeg',
        width: 1000,
        height: 600,
      })
    photo = await media('blue.jpg')
    broken = await media('broken.jpg')
    missing = await media('gone.jpg')
  })
  afterAll(() => t.close())

  it.each([
    ['avif', 'image/avif'],
    ['webp', 'image/webp'],
    ['jpg', 'image/jpeg'],
  ])('encodes %s at the asked width, never wider than the original', async (format, type) => {
    const res = await t.app.inject({ url: `/media/${photo}/640.${format}` })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe(type)
    expect(res.headers['cache-control']).toContain('immutable')
    expect((await sharp(res.rawPayload).metadata()).width).toBe(640)
    const wide = await t.app.inject({ url: `/media/${photo}/1920.${format}` })
    expect((await sharp(wide.rawPayload).metadata()).width).toBe(1000)
  })

  it('serves the kept file the second time', async () => {
    const first = await t.app.inject({ url: `/media/${photo}/320.webp` })
    const second = await t.app.inject({ url: `/media/${photo}/320.webp` })
    expect(second.rawPayload.equals(first.rawPayload)).toBe(true)
  })

  it.each([
    ['/media/abc/640.jpg', 404],
    ['/media/0/640.jpg', 404],
    ['/media/1/641.jpg', 404],
    ['/media/1/640.gif', 404],
    ['/media/1/640.jpg.exe', 404],
    ['/media/99999/640.jpg', 404],
    ['/media/1/..%2F..%2Fetc%2Fpasswd', 404],
  ])('answers %s with %i', async (url, status) => {
    expect((await t.app.inject({ url })).statusCode).toBe(status)
  })

  it('answers 404 when the original is gone and 422 when it is not an image', async () => {
    expect((await t.app.inject({ url: `/media/${missing}/640.jpg` })).statusCode).toBe(404)
    const res = await t.app.inject({ url: `/media/${broken}/640.jpg` })
    expect(res.statusCode).toBe(422)
    expect(res.body).toBe('The original photo cannot be read')
  })
})
