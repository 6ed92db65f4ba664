// The story's lead photo in the side panel: thumbnail with caption and credit, chosen from the library.
import { useState } from 'preact/hooks'
import type { Media } from '../api.ts'
import { Button } from '../components/button.tsx'
import { MediaPicker } from '../media/media-picker.tsx'
import { thumbnailUrl } from './body/figure.ts'

export function LeadPhotoField(props: {
  lead: Media | null
  leadMediaId: number | null
  error?: string | undefined
  onChange: (media: Media | null) => void
}) {
  const { lead, leadMediaId } = props
  const [picking, setPicking] = useState(false)
  const src = lead?.thumbnailUrl ?? (leadMediaId ? thumbnailUrl(leadMediaId) : null)

  return (
    <fieldset class="field side-group side-lead">
      <legend class="side-label">Lead photo</legend>
      {src ? (
        <figure class="side-lead__figure">
          <img src={src} alt={lead?.alt ?? ''} loading="lazy" />
          {lead && (lead.caption || lead.credit) ? (
            <figcaption class="small">
              {lead.caption} <span class="muted">{lead.credit}</span>
            </figcaption>
          ) : null}
        </figure>
      ) : (
        <p class="muted small">No lead photo.</p>
      )}
      <div class="side-actions">
        <Button onClick={() => setPicking(true)}>{src ? 'Replace photo' : 'Choose photo'}</Button>
        {src ? (
          <Button variant="quiet" onClick={() => props.onChange(null)}>
            Remove photo
          </Button>
        ) : null}
      </div>
      {props.error ? <p class="field-error">{props.error}</p> : null}
      {picking ? (
        <MediaPicker
          onPick={(media) => {
            setPicking(false)
            props.onChange(media)
          }}
          onClose={() => setPicking(false)}
        />
      ) : null}
    </fieldset>
  )
}
