// The newsroom's media library: upload a photo, find it again, edit its caption, credit, alt and focal point.
import { cleanLine } from '../content/text.ts'
import type { Clock } from '../platform/clock.ts'
import type { Db } from '../platform/db/database.ts'
import { toDate } from '../platform/db/dialect.ts'
import type { MediaAssetTable } from '../platform/db/schema.ts'
import { invalidInput, notFound } from '../platform/errors.ts'
import { MEDIA_TEXT_LIMITS, type MediaItem } from './media.types.ts'
import { createMediaLibraryRepository, type LibraryRow } from './media-library.repository.ts'
import { type Renditions, THUMBNAIL } from './renditions.ts'
import { processUpload, removeOriginal } from './upload.ts'

export const DEFAULT_PAGE_SIZE = 24
const MAX_PAGE_SIZE = 100
const MAX_QUERY = 200

/** Where failures of background work go: fastify's and pino's loggers fit. */
export interface MediaLog {
  error(details: object, message: string): void
}

export interface MediaEdit {
  caption?: string
  credit?: string
  alt?: string
  focalX?: number
  focalY?: number
}

export function createMediaLibrary(deps: {
  db: Db
  dataDir: string
  renditions: Renditions
  clock: Clock
  maxUploadBytes?: number
  maxInputPixels?: number
  log?: MediaLog
}) {
  const repository = createMediaLibraryRepository(deps.db)
  const log = deps.log ?? { error: (details, message) => console.error(message, details) }

  return {
    /** Checks and stores the photo, then makes its renditions in the background. */
    async upload(input: {
      data: Buffer
      filename: string
      declaredType?: string
      staffId: number | null
    }): Promise<MediaItem> {
      const stored = await processUpload(deps, input)
      let row: LibraryRow
      try {
        row = await deps.db.transaction().execute((trx) =>
          repository.insert(trx, {
            file: stored.file,
            mime_type: stored.mimeType,
            width: stored.width,
            height: stored.height,
            caption: stored.caption,
            credit: stored.credit,
            alt: '',
            focal_x: 0.5,
            focal_y: 0.5,
            original_name: stored.originalName,
            size_bytes: stored.sizeBytes,
            uploaded_by: input.staffId,
            created_at: deps.clock.now().toISOString(),
          }),
        )
      } catch (error) {
        await removeOriginal(deps.dataDir, stored.file)
        throw error
      }
      // Pages ask for renditions on demand anyway; making them now only spares the first readers.
      deps.renditions.makeAll(row.id).catch((error: unknown) => {
        log.error({ err: error, mediaId: row.id }, 'renditions of an uploaded photo failed')
      })
      return toItem(row)
    },

    /** Newest first; `q` matches caption, credit, alt text or file name, ignoring case. */
    async list(query: { q?: string; page?: number; pageSize?: number } = {}) {
      const page = query.page ?? 1
      const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE
      if (!Number.isSafeInteger(page) || page < 1 || page > 100_000)
        throw invalidInput('page', 'page must be a whole number from 1')
      if (!Number.isSafeInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE)
        throw invalidInput('pageSize', `pageSize must be a whole number from 1 to ${MAX_PAGE_SIZE}`)
      const q = cleanLine(query.q ?? '').slice(0, MAX_QUERY)
      const { rows, total } = await repository.page({
        q,
        offset: (page - 1) * pageSize,
        limit: pageSize,
      })
      return { items: rows.map(toItem), total, page, pageSize }
    },

    async get(id: number): Promise<MediaItem> {
      const row = await repository.byId(id)
      if (!row) throw notFound('Photo')
      return toItem(row)
    },

    async update(id: number, edit: MediaEdit): Promise<MediaItem> {
      const changes = checkEdit(edit)
      const row =
        Object.keys(changes).length === 0
          ? await repository.byId(id)
          : await repository.update(id, changes)
      if (!row) throw notFound('Photo')
      return toItem(row)
    },
  }
}

export type MediaLibrary = ReturnType<typeof createMediaLibrary>

function checkEdit(edit: MediaEdit) {
  const changes: Partial<Pick<MediaAssetTable, 'caption' | 'credit' | 'alt'>> & {
    focal_x?: number
    focal_y?: number
  } = {}
  for (const field of ['caption', 'credit', 'alt'] as const) {
    const value = edit[field]
    if (value === undefined) continue
    if (typeof value !== 'string') throw invalidInput(field, `${field} must be text`)
    const text = cleanLine(value)
    const max = MEDIA_TEXT_LIMITS[field]
    if (text.length > max) throw invalidInput(field, `${field} is longer than ${max} characters`)
    changes[field] = text
  }
  for (const [field, column] of [
    ['focalX', 'focal_x'],
    ['focalY', 'focal_y'],
  ] as const) {
    const value = edit[field]
    if (value === undefined) continue
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1)
      throw invalidInput(field, `${field} must be a number from 0 to 1`)
    changes[column] = value
  }
  return changes
}

function toItem(row: LibraryRow): MediaItem {
  return {
    id: row.id,
    thumbnailUrl: `/media/${row.id}/${THUMBNAIL.width}.${THUMBNAIL.format}`,
    width: row.width,
    height: row.height,
    caption: row.caption,
    credit: row.credit,
    alt: row.alt,
    focalX: row.focal_x,
    focalY: row.focal_y,
    originalName: row.original_name,
    sizeBytes: row.size_bytes,
    createdAt: toDate(row.created_at).toISOString(),
  }
}
