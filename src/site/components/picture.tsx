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
  const widths = RENDITION_WIDTHS.filter((w) => w <= media.width)
  if (widths.length === 0) widths.push(320)
  const srcset = (format: RenditionFormat) =>
    widths.map((w) => `${urls.rendition(media.id, w, format)} ${w}w`).join(', ')
  const fallback = widths.find((w) => w >= 960) ?? widths[widths.length - 1]!
  return (
    <picture class={props.className}>
      <source type="image/avif" srcset={srcset('avif')} sizes={sizes} />
      <source type="image/webp" srcset={srcset('webp')} sizes={sizes} />
      <img
        src={urls.rendition(media.id, fallback, 'jpg')}
        srcset={srcset('jpg')}
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
