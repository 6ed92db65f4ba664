// Reads the caption and credit fields of IPTC-IIM metadata, as sharp returns it (metadata.iptc).

export interface IptcFields {
  caption?: string
  headline?: string
  /** Every by-line, in order: a photo may name several photographers. */
  byline?: string
  credit?: string
  copyright?: string
}

const FIELDS: Readonly<Record<number, keyof IptcFields>> = {
  120: 'caption',
  105: 'headline',
  80: 'byline',
  110: 'credit',
  116: 'copyright',
}

const PHOTOSHOP = Buffer.from('Photoshop 3.0\0', 'latin1')
const RESOURCE = Buffer.from('8BIM', 'latin1')
const IPTC_RESOURCE_ID = 0x0404
const UTF8_ESCAPE = Buffer.from([0x1b, 0x25, 0x47])

/**
 * The fields found in an IIM block, bare or inside a Photoshop image resource block (JPEG APP13).
 * Malformed input gives what was read before the damage; it never throws.
 */
export function parseIptc(block: Buffer | undefined): IptcFields {
  if (!block || block.length === 0) return {}
  const iim = block[0] === 0x1c ? block : iimOfResources(block)
  return iim ? readIim(iim) : {}
}

/** The IPTC resource (0x0404) of a Photoshop image resource block, with or without its header. */
function iimOfResources(block: Buffer): Buffer | undefined {
  let at = block.subarray(0, PHOTOSHOP.length).equals(PHOTOSHOP) ? PHOTOSHOP.length : 0
  while (at + 12 <= block.length && block.subarray(at, at + 4).equals(RESOURCE)) {
    const id = block.readUInt16BE(at + 4)
    const nameLength = block[at + 6] ?? 0
    // The name is a Pascal string padded to an even length, counting its length byte.
    at += 6 + nameLength + 1 + ((nameLength + 1) % 2)
    if (at + 4 > block.length) return undefined
    const size = block.readUInt32BE(at)
    at += 4
    if (id === IPTC_RESOURCE_ID) return block.subarray(at, Math.min(at + size, block.length))
    at += size + (size % 2)
  }
  return undefined
}

function readIim(iim: Buffer): IptcFields {
  const raw: { record: number; dataset: number; value: Buffer }[] = []
  let at = 0
  while (at + 5 <= iim.length && iim[at] === 0x1c) {
    const record = iim[at + 1] ?? 0
    const dataset = iim[at + 2] ?? 0
    let length = iim.readUInt16BE(at + 3)
    at += 5
    if (length & 0x8000) {
      // Extended dataset: the low bits say how many bytes the real length takes.
      const bytes = length & 0x7fff
      if (bytes > 4 || at + bytes > iim.length) break
      length = bytes === 0 ? 0 : iim.readUIntBE(at, bytes)
      at += bytes
    }
    if (at + length > iim.length) break
    raw.push({ record, dataset, value: iim.subarray(at, at + length) })
    at += length
  }

  const declaredUtf8 = raw.some(
    (d) => d.record === 1 && d.dataset === 90 && d.value.includes(UTF8_ESCAPE),
  )
  const fields: IptcFields = {}
  for (const { record, dataset, value } of raw) {
    const name = record === 2 ? FIELDS[dataset] : undefined
    if (!name) continue
    const text = decode(value, declaredUtf8).replace(/\0+$/, '').trim()
    if (!text) continue
    if (name === 'byline') fields.byline = fields.byline ? `${fields.byline}, ${text}` : text
    else fields[name] ??= text
  }
  return fields
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

// Without the 1:90 declaration the standard says ISO 8859-1, but many tools write UTF-8 anyway;
// Latin-1 text with accents is almost never valid UTF-8, so valid UTF-8 is read as such.
function decode(value: Buffer, declaredUtf8: boolean): string {
  if (declaredUtf8) return value.toString('utf8')
  try {
    return strictUtf8.decode(value)
  } catch {
    return value.toString('latin1')
  }
}
