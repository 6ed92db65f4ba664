// The media library: every photo, uploads, and the panel that edits one.
import { useState } from 'preact/hooks'
import type { Media } from '../api.ts'
import { PageHeader } from '../components/page-header.tsx'
import { MediaBrowser } from './media-browser.tsx'
import { MediaEditPanel } from './media-edit-panel.tsx'
import { useMediaList } from './use-media-list.ts'

export function MediaLibraryPage() {
  const list = useMediaList()
  const [editing, setEditing] = useState<Media | null>(null)
  return (
    <>
      <PageHeader title="Media" />
      <MediaBrowser list={list} selectLabel="Edit" onSelect={setEditing} />
      {editing && (
        <MediaEditPanel
          key={editing.id}
          media={editing}
          onSaved={list.updated}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  )
}
