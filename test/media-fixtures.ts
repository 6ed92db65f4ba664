// Hand-built image files for upload tests: IPTC in a JPEG's APP13 segment, EXIF with GPS, a huge PNG header.
import zlib from 'node:zlib'
import sharp from 'sharp'

/** An IIM block declaring UTF-8, with the given record-2 datasets (number -> text). */
export function iim(fields: Record<number, string>): Buffer {
  const dataset = (record: number, number: number, value: Buffer) => {
    const header = Buffer.from([0x1c, record, number, 0, 0])
    header.writeUInt16BE(value.length, 3)
    return Buffer.concat([header, value])
  }
  return Buffer.concat([
    dataset(1, 90, Buffer.from([0x1b, 0x25, 0x47])),
    ...Object.entries(fields).map(([number, text]) =>
      dataset(2, Number(number), Buffer.from(text)),
    ),
  ])
}

/** The JPEG with an APP13 "Photoshop 3.0" segment holding `block` spliced in after its SOI marker. */
export function withIptc(jpeg: Buffer, block: Buffer): Buffer {
  const size = Buffer.alloc(4)
  size.writeUInt32BE(block.length)
  const resource = Buffer.concat([
    Buffer.from('8BIM'),
    Buffer.from([0x04, 0x04, 0, 0]),
    size,
    block,
    Buffer.alloc(block.length % 2),
  ])
  const payload = Buffer.concat([Buffer.from('Photoshop 3.0\0', 'latin1'), resource])
  const marker = Buffer.from([0xff, 0xed, 0, 0])
  marker.writeUInt16BE(payload.length + 2, 2)
  return Buffer.concat([jpeg.subarray(0, 2), marker, payload, jpeg.subarray(2)])
}

/**
 * A camera-like JPEG: `width` x `height` pixels stored sideways with EXIF orientation 6 (so it
 * shows `height` x `width`), GPS coordinates, a Display P3 ICC profile, and IPTC fields.
 */
export async function cameraJpeg(
  width: number,
  height: number,
  iptc: Record<number, string>,
): Promise<Buffer> {
  const jpeg = await sharp({
    create: {
      width,
      height,
      channels: 3,
      background: '#000',
      noise: { type: 'gaussian', mean: 120, sigma: 40 },
    },
  })
    .withIccProfile('p3')
    .withMetadata({ orientation: 6 })
    .withExifMerge({
      IFD0: { Make: 'Dateline Test Camera' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '55/1 45/1 2100/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '37/1 37/1 1700/100',
      },
    })
    .jpeg({ quality: 85 })
    .toBuffer()
  return withIptc(jpeg, iim(iptc))
}

/** Whether EXIF data holds a pointer to a GPS directory (tag 0x8825), in either byte order. */
export function hasGpsPointer(exif: Buffer | undefined): boolean {
  if (!exif) return false
  return exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88]))
}

/** A valid PNG header claiming width x height pixels, with a tiny IDAT: small on disk. */
export function pngHeader(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4)
    length.writeUInt32BE(data.length)
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(zlib.crc32(body))
    return Buffer.concat([length, body, crc])
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 2 // truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(Buffer.alloc(64))),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

export const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
)
