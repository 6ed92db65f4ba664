// A responsive photo: AVIF and WebP sources with a JPEG fallback, widths up to 1920 px.
import type { MediaView } from '../../media/media.types.ts'
import { RENDITION_WIDTHS } from '../../media/renditions.ts'
import type { RenditionFormat, Urls } from '../urls.ts'

export function Picture(props: {
  media: MediaView
  urls: Urls
  sizes: string
  /** The first photo on a page loads eagerly; the rest wait until they are near. */
  eager?: boolean
  className?: string
}) {
  const { media, urls, sizes, eager } = props
  const set = sourceSet(media, urls)
  return (
    <picture class={props.className}>
      <source type="image/avif" srcset={set.avif} sizes={sizes} />
      <source type="image/webp" srcset={set.webp} sizes={sizes} />
      <img
        src={set.fallback}
        srcset={set.jpg}
        sizes={sizes}
        width={media.width}
        height={media.height}
        alt={media.alt}
        loading={eager ? 'eager' : 'lazy'}
        decoding="async"
        style={`object-position:${Math.round(media.focalX * 100)}% ${Math.round(media.focalY * 100)}%`}
      />
    </picture>
  )
}

type SourceSet = Record<RenditionFormat, string> & { fallback: string }

// The same photos appear on many pages; their srcset strings are built once.
const sourceSets = new Map<string, SourceSet>()

function sourceSet(media: MediaView, urls: Urls): SourceSet {
  const key = `${media.id}|${media.width}`
  let set = sourceSets.get(key)
  if (!set) {
    const widths = RENDITION_WIDTHS.filter((w) => w <= media.width)
    if (widths.length === 0) widths.push(RENDITION_WIDTHS[0]!)
    const list = (format: RenditionFormat) =>
      widths.map((w) => `${urls.rendition(media.id, w, format)} ${w}w`).join(', ')
    const fallback = widths.find((w) => w >= 960) ?? widths[widths.length - 1]!
    set = {
      avif: list('avif'),
      webp: list('webp'),
      jpg: list('jpg'),
      fallback: urls.rendition(media.id, fallback, 'jpg'),
    }
    if (sourceSets.size >= 10_000) sourceSets.clear()
    sourceSets.set(key, set)
  }
  return set
}
