// Asks for an embed's page address and title; only http(s) pages can be embedded.
import { useState } from 'preact/hooks'
import { Button } from '../components/button.tsx'
import { Dialog } from '../components/dialog.tsx'
import { TextField } from '../components/field.tsx'
import { readEmbedUrl } from './body/link-href.ts'

export function EmbedDialog(props: {
  onInsert: (embed: { url: string; title: string }) => void
  onClose: () => void
}) {
  const [typed, setTyped] = useState('')
  const [title, setTitle] = useState('')
  const [problem, setProblem] = useState('')

  const submit = (event: Event) => {
    event.preventDefault()
    const url = readEmbedUrl(typed)
    if (url) props.onInsert({ url, title: title.trim() })
    else setProblem('Use the address of a web page, starting with https://')
  }

  return (
    <Dialog title="Embed a page" onClose={props.onClose}>
      <form class="form" onSubmit={submit} noValidate>
        <TextField
          label="Page address"
          type="url"
          dir="ltr"
          autoFocus
          value={typed}
          placeholder="https://"
          hint="A video, post or map page; readers see it as a link card."
          error={problem || undefined}
          onValue={(value) => {
            setTyped(value)
            setProblem('')
          }}
        />
        <TextField label="Title" value={title} onValue={setTitle} />
        <div class="form-actions">
          <Button type="submit" variant="primary">
            Insert embed
          </Button>
          <Button variant="quiet" onClick={props.onClose}>
            Cancel
          </Button>
        </div>
      </form>
    </Dialog>
  )
}
