// Where photos go in: a drop zone and a file button, then one line per file with its progress.
import { useEffect, useRef, useState } from 'preact/hooks'
import type { Media } from '../api.ts'
import { Button } from '../components/button.tsx'
import { formatBytes } from '../i18n.ts'
import { ACCEPTED_TYPES, type Upload, useUploads } from './use-uploads.ts'

const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false

function UploadLine(props: {
  upload: Upload
  selectLabel: string
  onSelect: (media: Media) => void
}) {
  const { upload } = props
  const percent = Math.round(upload.progress * 100)
  return (
    <li class={`upload upload-${upload.state}`}>
      <span class="upload-name">{upload.file.name}</span>
      <span class="upload-size muted">{formatBytes(upload.file.size)}</span>
      {upload.state === 'uploading' || upload.state === 'waiting' ? (
        <progress max={1} value={upload.progress} aria-label={`Uploading ${upload.file.name}`}>
          {percent}%
        </progress>
      ) : null}
      {upload.state === 'waiting' && <span class="muted">Waiting</span>}
      {upload.state === 'uploading' && (
        <span class="muted" aria-hidden="true">
          {percent}%
        </span>
      )}
      {upload.state === 'failed' && <span class="upload-error">{upload.error}</span>}
      {upload.state === 'done' && upload.media && (
        <Button variant="quiet" onClick={() => upload.media && props.onSelect(upload.media)}>
          {props.selectLabel}
          <span class="visually-hidden"> {upload.file.name}</span>
        </Button>
      )}
    </li>
  )
}

export function UploadZone(props: {
  onUploaded: (media: Media) => void
  onSelect: (media: Media) => void
  selectLabel: string
}) {
  const { uploads, add, clearFinished } = useUploads(props.onUploaded)
  const [dragging, setDragging] = useState(false)
  const input = useRef<HTMLInputElement>(null)
  const zone = useRef<HTMLDivElement>(null)

  // A photo dropped beside the zone would otherwise open in the tab and lose the page.
  useEffect(() => {
    const guard = (event: DragEvent) => {
      if (hasFiles(event)) event.preventDefault()
    }
    window.addEventListener('dragover', guard)
    window.addEventListener('drop', guard)
    return () => {
      window.removeEventListener('dragover', guard)
      window.removeEventListener('drop', guard)
    }
  }, [])

  const finished = uploads.some((item) => item.state === 'done' || item.state === 'failed')
  return (
    <div class="uploader">
      {/* biome-ignore lint/a11y/noStaticElementInteractions: dropping is a pointer shortcut; the Choose files button is the way for everyone */}
      <div
        ref={zone}
        class={dragging ? 'dropzone is-dragging' : 'dropzone'}
        onDragEnter={(event) => {
          if (!hasFiles(event)) return
          event.preventDefault()
          setDragging(true)
        }}
        onDragOver={(event) => {
          if (!hasFiles(event)) return
          event.preventDefault()
          if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy'
        }}
        onDragLeave={(event) => {
          if (!zone.current?.contains(event.relatedTarget as Node | null)) setDragging(false)
        }}
        onDrop={(event) => {
          event.preventDefault()
          setDragging(false)
          add([...(event.dataTransfer?.files ?? [])])
        }}
      >
        <p>Drop photos here, or</p>
        <Button onClick={() => input.current?.click()}>Choose files…</Button>
        <p class="field-hint">JPEG, PNG, WebP or AVIF; several at once.</p>
        <input
          ref={input}
          type="file"
          multiple
          hidden
          accept={ACCEPTED_TYPES.join(',')}
          onChange={(event) => {
            add([...(event.currentTarget.files ?? [])])
            event.currentTarget.value = ''
          }}
        />
      </div>
      <div aria-live="polite">
        {uploads.length > 0 && (
          <ul class="uploads" aria-label="Uploads">
            {uploads.map((upload) => (
              <UploadLine
                key={upload.id}
                upload={upload}
                selectLabel={props.selectLabel}
                onSelect={props.onSelect}
              />
            ))}
          </ul>
        )}
      </div>
      {finished && (
        <Button variant="quiet" onClick={clearFinished}>
          Clear finished uploads
        </Button>
      )}
    </div>
  )
}
