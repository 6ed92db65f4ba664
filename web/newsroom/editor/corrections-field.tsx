// The story's public corrections: listed with their dates, and added once the story is published.
import { useId, useState } from 'preact/hooks'
import type { Correction, Edition } from '../api.ts'
import { Button } from '../components/button.tsx'
import { TextAreaField } from '../components/field.tsx'
import { formatDateTime } from './edition-time.ts'

export function CorrectionsField(props: {
  corrections: Correction[]
  edition: Edition
  published: boolean
  canAdd: boolean
  /** Answers an error message, or null when the correction was added. */
  onAdd: (text: string) => Promise<string | null>
}) {
  const titleId = useId()
  const [text, setText] = useState('')
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState('')

  const submit = async (event: Event) => {
    event.preventDefault()
    if (!text.trim()) {
      setProblem('Say what was wrong and what is right now.')
      return
    }
    setBusy(true)
    const failure = await props.onAdd(text.trim())
    setBusy(false)
    setProblem(failure ?? '')
    if (!failure) setText('')
  }

  return (
    <section class="side-section" aria-labelledby={titleId}>
      <h3 id={titleId} class="side-section__title">
        Corrections
      </h3>
      {props.corrections.length > 0 ? (
        <ol class="side-list">
          {props.corrections.map((correction) => (
            <li key={correction.id} class="side-list__item side-list__item--stacked">
              <time dateTime={correction.createdAt} class="muted small">
                {formatDateTime(correction.createdAt, props.edition)}
              </time>
              <span>{correction.text}</span>
            </li>
          ))}
        </ol>
      ) : (
        <p class="muted small">No corrections.</p>
      )}
      {props.published && props.canAdd ? (
        <form class="form" onSubmit={submit}>
          <TextAreaField
            label="New correction"
            value={text}
            error={problem || undefined}
            hint="Shown to readers under the story, with today’s date."
            onValue={(value) => {
              setText(value)
              setProblem('')
            }}
          />
          <div class="form-actions">
            <Button type="submit" busy={busy}>
              Add correction
            </Button>
          </div>
        </form>
      ) : props.canAdd ? (
        <p class="muted small">Corrections can be added once the story is published.</p>
      ) : null}
    </section>
  )
}
