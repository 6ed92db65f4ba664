// Choosing one photo from the library (or a fresh upload) in a dialog: for figures and lead photos.
import type { Media } from '../api.ts'
import { Dialog } from '../components/dialog.tsx'
import { MediaBrowser } from './media-browser.tsx'
import { useMediaList } from './use-media-list.ts'

export function MediaPicker(props: { onPick: (media: Media) => void; onClose: () => void }) {
  const list = useMediaList()
  return (
    <Dialog title="Choose a photo" size="large" onClose={props.onClose}>
      <MediaBrowser list={list} selectLabel="Use" onSelect={props.onPick} autoFocusSearch />
    </Dialog>
  )
}
