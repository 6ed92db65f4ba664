// The IPTC-IIM reader: fields, character sets, Photoshop wrapping, and damaged blocks.
import { describe, expect, it } from 'vitest'
import { parseIptc } from './iptc.ts'

/** One IIM dataset: tag marker, record, dataset number, 16-bit length, value. */
function dataset(record: number, number: number, value: Buffer | string, latin1 = false) {
  const bytes = typeof value === 'string' ? Buffer.from(value, latin1 ? 'latin1' : 'utf8') : value
  const header = Buffer.from([0x1c, record, number, 0, 0])
  header.writeUInt16BE(bytes.length, 3)
  return Buffer.concat([header, bytes])
}

const UTF8 = dataset(1, 90, Buffer.from([0x1b, 0x25, 0x47]))

/** A Photoshop image resource block holding the IIM, as a JPEG's APP13 segment carries it. */
function photoshop(iim: Buffer) {
  const size = Buffer.alloc(4)
  size.writeUInt32BE(iim.length)
  const other = Buffer.concat([Buffer.from('8BIM'), Buffer.from([0x03, 0xed, 3, 0x61, 0x62, 0x63])])
  const otherSize = Buffer.from([0, 0, 0, 3, 1, 2, 3, 0])
  return Buffer.concat([
    Buffer.from('Photoshop 3.0\0', 'latin1'),
    other,
    otherSize,
    Buffer.from('8BIM'),
    Buffer.from([0x04, 0x04, 0, 0]),
    size,
    iim,
  ])
}

const block = Buffer.concat([
  UTF8,
  dataset(2, 5, 'object name, not read'),
  dataset(2, 105, 'Парад Победы'),
  dataset(2, 120, 'Солдаты на Красной площади, Москва, 9 мая.'),
  dataset(2, 80, 'Jane Doe'),
  dataset(2, 80, 'John Roe'),
  dataset(2, 110, 'AP Photo'),
  dataset(2, 116, '© 2026 The Associated Press'),
])

const expected = {
  headline: 'Парад Победы',
  caption: 'Солдаты на Красной площади, Москва, 9 мая.',
  byline: 'Jane Doe, John Roe',
  credit: 'AP Photo',
  copyright: '© 2026 The Associated Press',
}

describe('parseIptc', () => {
  it('reads caption, headline, by-lines, credit and copyright of a UTF-8 block', () => {
    expect(parseIptc(block)).toEqual(expected)
  })

  it('finds the block inside a Photoshop image resource block', () => {
    expect(parseIptc(photoshop(block))).toEqual(expected)
  })

  it('reads Latin-1 when no character set is declared', () => {
    const latin1 = Buffer.concat([
      dataset(2, 120, 'Café de Flore, Paris', true),
      dataset(2, 116, '© Agence', true),
    ])
    expect(parseIptc(latin1)).toEqual({ caption: 'Café de Flore, Paris', copyright: '© Agence' })
  })

  it('reads an extended-length dataset', () => {
    const caption = 'x'.repeat(40_000)
    const header = Buffer.from([0x1c, 2, 120, 0x80, 0x04, 0, 0, 0, 0])
    header.writeUInt32BE(caption.length, 5)
    expect(parseIptc(Buffer.concat([header, Buffer.from(caption)])).caption).toBe(caption)
  })

  it.each([
    ['nothing', undefined],
    ['an empty buffer', Buffer.alloc(0)],
    ['random bytes', Buffer.from('not IPTC at all, just text')],
    ['a lone tag marker', Buffer.from([0x1c])],
    ['a header without its value', Buffer.from([0x1c, 2, 120, 0x00, 0x20, 0x41])],
    ['an extended length of 9 bytes', Buffer.from([0x1c, 2, 120, 0x80, 0x09, 1, 2, 3])],
    ['a Photoshop header only', Buffer.from('Photoshop 3.0\0', 'latin1')],
    ['a resource that runs off the end', photoshop(block).subarray(0, 40)],
  ])('gives nothing for %s', (_name, input) => {
    expect(parseIptc(input)).toEqual({})
  })

  it('keeps what it read before the block breaks off', () => {
    const cut = Buffer.concat([
      dataset(2, 120, 'A caption'),
      dataset(2, 110, 'A credit').subarray(0, 8),
    ])
    expect(parseIptc(cut)).toEqual({ caption: 'A caption' })
  })

  it('reads to the end of the block when a resource claims more than it holds', () => {
    const iim = Buffer.concat([dataset(2, 120, 'A caption'), dataset(2, 110, 'Lost')])
    const wrapped = photoshop(iim)
    wrapped.writeUInt32BE(10_000, wrapped.length - iim.length - 4)
    expect(parseIptc(wrapped)).toEqual({ caption: 'A caption', credit: 'Lost' })
  })
})
