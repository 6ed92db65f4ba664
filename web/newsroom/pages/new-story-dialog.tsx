// "New story": edition, section and headline, then straight into the editor.
import { useState } from 'preact/hooks'
import { api, type BodyDoc, type Edition } from '../api.ts'
import { useApp } from '../app-context.ts'
import { Button } from '../components/button.tsx'
import { Dialog } from '../components/dialog.tsx'
import { SelectField, TextField } from '../components/field.tsx'
import { useFormError } from '../components/form-error.ts'
import { StatusMessage } from '../components/status-message.tsx'
import { navigate } from '../router.ts'

const EMPTY_BODY: BodyDoc = { type: 'doc', content: [{ type: 'paragraph' }] }

export function NewStoryDialog(props: {
  editions: Edition[]
  editionId?: number | undefined
  sectionId?: number | undefined
  onClose: () => void
}) {
  const { handleError } = useApp()
  const [editionId, setEditionId] = useState(props.editionId ?? props.editions[0]?.id ?? 0)
  const edition = props.editions.find((item) => item.id === editionId)
  const [sectionId, setSectionId] = useState(props.sectionId ?? edition?.sections[0]?.id ?? 0)
  const [headline, setHeadline] = useState('')
  const [busy, setBusy] = useState(false)
  const errors = useFormError(['editionId', 'sectionId', 'headline'], handleError)

  const chooseEdition = (value: string) => {
    const next = props.editions.find((item) => item.id === Number(value))
    setEditionId(next?.id ?? 0)
    setSectionId(next?.sections[0]?.id ?? 0)
  }

  const submit = async (event: Event) => {
    event.preventDefault()
    setBusy(true)
    errors.clear()
    try {
      const body = { editionId, sectionId, headline: headline.trim(), body: EMPTY_BODY }
      const story = await api.createStory(body)
      navigate(`/admin/stories/${story.id}`)
    } catch (failure) {
      errors.fail(failure)
      setBusy(false)
    }
  }

  return (
    <Dialog title="New story" onClose={props.onClose}>
      <form class="form" ref={errors.form} onSubmit={submit}>
        <SelectField
          label="Edition"
          value={editionId}
          required
          error={errors.fieldError('editionId')}
          onValue={chooseEdition}
        >
          {props.editions.map((item) => (
            <option key={item.id} value={item.id}>
              {item.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Section"
          value={sectionId}
          required
          error={errors.fieldError('sectionId')}
          onValue={(value) => setSectionId(Number(value))}
        >
          {edition?.sections.map((section) => (
            <option key={section.id} value={section.id}>
              {section.name}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Headline"
          required
          autoFocus
          value={headline}
          error={errors.fieldError('headline')}
          onValue={setHeadline}
        />
        <StatusMessage message={errors.general} />
        <div class="form-actions">
          <Button type="submit" variant="primary" busy={busy} disabled={!sectionId}>
            Create and edit
          </Button>
          <Button onClick={props.onClose}>Cancel</Button>
        </div>
      </form>
    </Dialog>
  )
}
