// Editing one photo: caption, credit, alt text and focal point, with the file's facts beside them.
import { useState } from 'preact/hooks'
import { api, type Media } from '../api.ts'
import { useApp } from '../app-context.ts'
import { Button } from '../components/button.tsx'
import { Dialog } from '../components/dialog.tsx'
import { TextAreaField, TextField } from '../components/field.tsx'
import { useFormError } from '../components/form-error.ts'
import { StatusMessage } from '../components/status-message.tsx'
import { Time } from '../components/time.tsx'
import { formatBytes } from '../i18n.ts'
import { FocalPointPicker } from './focal-point-picker.tsx'

export function MediaEditPanel(props: {
  media: Media
  onSaved: (media: Media) => void
  onClose: () => void
}) {
  const { can, handleError, notify } = useApp()
  const { media } = props
  const [caption, setCaption] = useState(media.caption)
  const [credit, setCredit] = useState(media.credit)
  const [alt, setAlt] = useState(media.alt)
  const [focal, setFocal] = useState({ x: media.focalX, y: media.focalY })
  const [busy, setBusy] = useState(false)
  const errors = useFormError(['caption', 'credit', 'alt'], handleError)
  const editable = can('media.edit')

  const submit = async (event: Event) => {
    event.preventDefault()
    setBusy(true)
    errors.clear()
    try {
      const body = { caption: caption.trim(), credit: credit.trim(), alt: alt.trim() }
      const saved = await api.updateMedia(media.id, { ...body, focalX: focal.x, focalY: focal.y })
      props.onSaved(saved)
      notify('Photo saved.')
      props.onClose()
    } catch (failure) {
      errors.fail(failure)
      setBusy(false)
    }
  }

  return (
    <Dialog title="Edit photo" size="large" onClose={props.onClose}>
      <div class="media-edit">
        <div class="media-edit-photo">
          <FocalPointPicker
            src={media.thumbnailUrl}
            x={focal.x}
            y={focal.y}
            onChange={(x, y) => setFocal({ x, y })}
          />
          <p class="muted small">
            {media.originalName} · {media.width}×{media.height} · {formatBytes(media.sizeBytes)} ·
            uploaded <Time value={media.createdAt} />
          </p>
        </div>
        <form class="form" ref={errors.form} onSubmit={submit}>
          <TextAreaField
            label="Caption"
            hint="What the photo shows, as readers will read it under the photo."
            value={caption}
            error={errors.fieldError('caption')}
            onValue={setCaption}
          />
          <TextField
            label="Credit"
            placeholder="© AP Photo / Jane Doe"
            value={credit}
            error={errors.fieldError('credit')}
            onValue={setCredit}
          />
          <TextAreaField
            label="Alt text"
            hint="Describe the photo for readers who cannot see it."
            rows={2}
            value={alt}
            error={errors.fieldError('alt')}
            onValue={setAlt}
          />
          <StatusMessage message={errors.general} />
          {!editable && <p class="note">Your role cannot edit photos.</p>}
          <div class="form-actions">
            <Button type="submit" variant="primary" busy={busy} disabled={!editable}>
              Save
            </Button>
            <Button onClick={props.onClose}>Cancel</Button>
          </div>
        </form>
      </div>
    </Dialog>
  )
}
