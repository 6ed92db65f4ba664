// Asks for a link's address (Mod-K or the toolbar) and accepts web and e-mail addresses only.
import { useState } from 'preact/hooks'
import { Button } from '../components/button.tsx'
import { Dialog } from '../components/dialog.tsx'
import { TextField } from '../components/field.tsx'
import { readLinkHref } from './body/link-href.ts'

export function LinkDialog(props: {
  initial: string
  onSave: (href: string) => void
  onRemove: () => void
  onClose: () => void
}) {
  const [typed, setTyped] = useState(props.initial)
  const [problem, setProblem] = useState('')

  const submit = (event: Event) => {
    event.preventDefault()
    if (typed.trim() === '') return props.initial ? props.onRemove() : props.onClose()
    const href = readLinkHref(typed)
    if (href) props.onSave(href)
    else setProblem('Use a web address (https://…) or an e-mail address.')
  }

  return (
    <Dialog title={props.initial ? 'Edit link' : 'Add link'} onClose={props.onClose}>
      <form class="form" onSubmit={submit} noValidate>
        <TextField
          label="Address"
          type="url"
          dir="ltr"
          autoFocus
          value={typed}
          placeholder="https://"
          hint="A web address or an e-mail address."
          error={problem || undefined}
          onValue={(value) => {
            setTyped(value)
            setProblem('')
          }}
        />
        <div class="form-actions">
          <Button type="submit" variant="primary">
            Save link
          </Button>
          {props.initial ? <Button onClick={props.onRemove}>Remove link</Button> : null}
          <Button variant="quiet" onClick={props.onClose}>
            Cancel
          </Button>
        </div>
      </form>
    </Dialog>
  )
}
