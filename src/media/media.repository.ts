// Queries for media assets, and the columns other repositories join to show a photo.
import type { Db } from '../platform/db/database.ts'
import { createPrepared, slots, spread } from '../platform/db/prepared.ts'
import type { MediaView } from './media.types.ts'

/** The columns a photo in a list needs: no caption or credit, which only the story page shows. */
export const cardMediaColumns = [
  'm.id as m_id',
  'm.width as m_width',
  'm.height as m_height',
  'm.alt as m_alt',
  'm.focal_x as m_focal_x',
  'm.focal_y as m_focal_y',
] as const

/** What a photo with its caption needs besides cardMediaColumns. */
export const captionMediaColumns = [
  'm.file as m_file',
  'm.caption as m_caption',
  'm.credit as m_credit',
] as const

/** Select these after `leftJoin('media_assets as m', ...)` and map the row with toMediaView. */
export const mediaColumns = [...cardMediaColumns, ...captionMediaColumns] as const

export interface MediaColumns {
  m_id: number | null
  m_file?: string | null
  m_width: number | null
  m_height: number | null
  m_caption?: string | null
  m_credit?: string | null
  m_alt: string | null
  m_focal_x: number | null
  m_focal_y: number | null
}

export function toMediaView(r: MediaColumns): MediaView | null {
  if (r.m_id === null) return null
  return {
    id: r.m_id,
    file: r.m_file ?? '',
    width: r.m_width ?? 0,
    height: r.m_height ?? 0,
    caption: r.m_caption ?? '',
    credit: r.m_credit ?? '',
    alt: r.m_alt ?? '',
    focalX: r.m_focal_x ?? 0.5,
    focalY: r.m_focal_y ?? 0.5,
  }
}

export function createMediaRepository(db: Db) {
  const run = createPrepared(db)
  return {
    async byIds(ids: readonly number[]): Promise<Map<number, MediaView>> {
      const found = new Map<number, MediaView>()
      if (ids.length === 0) return found
      const rows = await run(
        `mediaByIds:${ids.length}`,
        () =>
          db
            .selectFrom('media_assets as m')
            .select(mediaColumns)
            .where('m.id', 'in', slots<number>('id', ids.length)),
        spread('id', ids),
      )
      for (const row of rows) {
        const view = toMediaView(row)
        if (view) found.set(view.id, view)
      }
      return found
    },

    async byId(id: number): Promise<MediaView | undefined> {
      const row = await db
        .selectFrom('media_assets as m')
        .select(mediaColumns)
        .where('m.id', '=', id)
        .executeTakeFirst()
      return (row && toMediaView(row)) ?? undefined
    },
  }
}

export type MediaRepository = ReturnType<typeof createMediaRepository>
