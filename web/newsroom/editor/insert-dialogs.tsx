// The toolbar's dialogs (link, photo, related story, embed) and what each does to the body once closed.
import type { Editor } from '@tiptap/core'
import { useEffect, useState } from 'preact/hooks'
import type { Edition } from '../api.ts'
import { MediaPicker } from '../media/media-picker.tsx'
import * as commands from './body-commands.ts'
import { EmbedDialog } from './embed-dialog.tsx'
import type { HeadlineCache } from './headline-cache.ts'
import { LinkDialog } from './link-dialog.tsx'
import { StorySearchDialog } from './story-search-dialog.tsx'
import type { InsertDialog } from './toolbar.tsx'

export function InsertDialogs(props: {
  open: InsertDialog | null
  editor: Editor | null
  edition: Edition
  storyId: number
  headlines: HeadlineCache
  onClose: () => void
}) {
  const { open, editor, onClose } = props
  // A change to the body waits until the dialog has closed and handed focus back to the editor.
  const [afterClose, setAfterClose] = useState<{ run: () => void } | null>(null)
  useEffect(() => {
    if (afterClose && open === null) {
      afterClose.run()
      setAfterClose(null)
    }
  }, [afterClose, open])

  if (!editor) return null
  const finish = (change?: (editor: Editor) => void) => {
    onClose()
    if (change) setAfterClose({ run: () => change(editor) })
  }

  switch (open) {
    case 'link':
      return (
        <LinkDialog
          initial={commands.currentHref(editor)}
          onSave={(href) => finish((target) => commands.setLink(target, href))}
          onRemove={() => finish(commands.removeLink)}
          onClose={() => finish()}
        />
      )
    case 'figure':
      return (
        <MediaPicker
          onPick={(media) => finish((target) => commands.insertFigure(target, media))}
          onClose={() => finish()}
        />
      )
    case 'related':
      return (
        <StorySearchDialog
          title="Insert a related story"
          edition={props.edition}
          exclude={[props.storyId]}
          onPick={(picked) => {
            props.headlines.remember(picked.id, picked.headline)
            finish((target) => commands.insertRelatedArticle(target, picked.id))
          }}
          onClose={() => finish()}
        />
      )
    case 'embed':
      return (
        <EmbedDialog
          onInsert={(embed) => finish((target) => commands.insertEmbed(target, embed))}
          onClose={() => finish()}
        />
      )
    default:
      return null
  }
}
