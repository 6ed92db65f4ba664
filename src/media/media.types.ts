// A media asset as pages and the newsroom show it, and the lengths its text fields may take.
export interface MediaView {
  id: number
  file: string
  width: number
  height: number
  caption: string
  credit: string
  alt: string
  focalX: number
  focalY: number
}

/** A photo of the media library, as the Admin API sends it (the newsroom's `Media`). */
export interface MediaItem {
  id: number
  /** A 640 px wide WebP rendition, for grids and previews. */
  thumbnailUrl: string
  width: number
  height: number
  caption: string
  credit: string
  alt: string
  focalX: number
  focalY: number
  originalName: string
  sizeBytes: number
  createdAt: string
}

/** Longest caption, credit, alt text and file name kept, in UTF-16 code units. */
export const MEDIA_TEXT_LIMITS = {
  // IPTC's own limit for a caption/abstract.
  caption: 2000,
  // As long as an article's source line.
  credit: 200,
  alt: 1000,
  originalName: 255,
} as const
