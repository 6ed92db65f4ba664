// Photos as a grid of thumbnails; each one is a button that selects it.
import type { Media } from '../api.ts'

export function MediaGrid(props: {
  items: Media[]
  selectLabel: string
  onSelect: (media: Media) => void
}) {
  return (
    <ul class="media-grid">
      {props.items.map((media) => (
        <li key={media.id}>
          <button
            type="button"
            class="media-tile"
            title={media.originalName}
            onClick={() => props.onSelect(media)}
          >
            <span class="media-thumb">
              <img
                src={media.thumbnailUrl}
                alt=""
                loading="lazy"
                decoding="async"
                width={media.width}
                height={media.height}
                style={{ objectPosition: `${media.focalX * 100}% ${media.focalY * 100}%` }}
              />
            </span>
            <span class="media-caption">
              <span class="visually-hidden">{props.selectLabel}: </span>
              {media.caption || media.alt || media.originalName}
            </span>
            <span class="media-meta muted">
              {media.width}×{media.height}
              {!media.alt && <span class="badge badge-warning">No alt text</span>}
            </span>
          </button>
        </li>
      ))}
    </ul>
  )
}
