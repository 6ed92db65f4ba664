// Photos through the Admin API: a multipart upload with IPTC texts, editing, the grid's search, and
// hostile files refused with a clear 4xx while nothing is left behind.
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type AdminClient, adminClient, joinAs, setUpOwner } from './admin-client.ts'
import { cameraJpeg, PDF, pngHeader } from './media-fixtures.ts'
import { DIALECTS, testApp } from './setup.ts'

async function multipart(file: Buffer, filename: string, type: string) {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(file)], { type }), filename)
  const request = new Request('http://x', { method: 'POST', body: form })
  return {
    payload: Buffer.from(await request.arrayBuffer()),
    headers: { 'content-type': request.headers.get('content-type') ?? '' },
  }
}

describe.each(DIALECTS)('the media library API on %s', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>
  let owner: AdminClient
  beforeEach(async () => {
    t = await testApp(dialect, { MAX_UPLOAD_MB: '2' })
    owner = await setUpOwner(t.app, () => t.services.staff.setupLink())
  })
  afterEach(async () => {
    await t.close()
  })

  const upload = async (client: AdminClient, file: Buffer, name: string, type = 'image/jpeg') => {
    const body = await multipart(file, name, type)
    return client.raw('POST', '/media', body.payload, { headers: body.headers })
  }
  const originals = () => {
    const dir = path.join(t.config.dataDir, 'media', 'originals')
    return fs.existsSync(dir)
      ? fs.readdirSync(dir, { recursive: true }).filter((f) => String(f).includes('.'))
      : []
  }

  it('takes a photo with its IPTC caption and credit, lets the texts be edited, and finds it', async () => {
    const photo = await cameraJpeg(1200, 800, {
      120: 'Delegates arrive at the Palais des Nations',
      110: 'Dateline / Jane Doe',
    })
    const contributor = await joinAs(t.app, owner, 'contributor')
    const created = await upload(contributor, photo, 'geneva.jpg')
    expect(created.status).toBe(201)
    expect(created.json).toMatchObject({
      caption: 'Delegates arrive at the Palais des Nations',
      credit: 'Dateline / Jane Doe',
      originalName: 'geneva.jpg',
      thumbnailUrl: `/media/${created.json.id}/640.webp`,
    })
    // The camera wrote it turned on its side: stored upright.
    expect([created.json.width, created.json.height]).toEqual([800, 1200])

    const edited = await owner.patch(`/media/${created.json.id}`, {
      alt: 'People walking into a hall',
      focalX: 0.3,
    })
    expect(edited.json).toMatchObject({ alt: 'People walking into a hall', focalX: 0.3 })
    expect((await owner.patch(`/media/${created.json.id}`, { focalY: 2 })).json.error.field).toBe(
      'focalY',
    )

    const found = await owner.get('/media?q=palais')
    expect(found.json.items.map((m: { id: number }) => m.id)).toEqual([created.json.id])
    expect((await owner.get('/media?q=nothing-like-it')).json.total).toBe(0)

    const rendition = await t.app.inject({
      method: 'GET',
      url: `/media/${created.json.id}/640.webp`,
    })
    expect(rendition.statusCode).toBe(200)
    expect(rendition.headers['cache-control']).toBe('public, max-age=31536000, immutable')
  })

  it('refuses a truncated JPEG, a pixel bomb, a PDF named .jpg, an oversize file and forged requests', async () => {
    const photo = await cameraJpeg(600, 400, {})
    const cases: [Buffer, string, number, string][] = [
      [photo.subarray(0, Math.floor(photo.length / 2)), 'cut.jpg', 422, 'unprocessable'],
      [pngHeader(50_000, 50_000), 'bomb.png', 413, 'too_large'],
      [PDF, 'report.jpg', 415, 'unsupported_media'],
      [Buffer.alloc(3 * 1024 * 1024, 0xff), 'huge.jpg', 413, 'too_large'],
      [Buffer.alloc(0), 'empty.jpg', 415, 'unsupported_media'],
    ]
    for (const [file, name, status, code] of cases) {
      const response = await upload(owner, file, name)
      expect({ name, status: response.status, code: response.json?.error?.code }).toEqual({
        name,
        status,
        code,
      })
      expect(response.json.error.message.length).toBeGreaterThan(10)
    }
    expect(originals()).toEqual([])
    expect((await owner.get('/media')).json.total).toBe(0)

    const forged = await multipart(photo, 'a.jpg', 'image/jpeg')
    const noToken = await owner.raw('POST', '/media', forged.payload, {
      headers: forged.headers,
      csrf: false,
    })
    expect(noToken.status).toBe(403)
    const stranger = adminClient(t.app)
    await stranger.session()
    expect((await upload(stranger, photo, 'a.jpg')).status).toBe(403)
    const notMultipart = await owner.raw('POST', '/media', photo, {
      headers: { 'content-type': 'image/jpeg' },
    })
    expect(notMultipart.status).toBe(415)
    // The server keeps serving, and a good photo still goes in.
    expect((await upload(owner, photo, 'fine.jpg')).status).toBe(201)
    expect(originals()).toHaveLength(1)
  })
})
