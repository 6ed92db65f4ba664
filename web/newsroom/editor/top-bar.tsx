// The editor's top bar: the headline, status, saved state and the story-wide buttons.
import type { ComponentChildren } from 'preact'
import { useId } from 'preact/hooks'
import type { Edition, Story } from '../api.ts'
import { Button } from '../components/button.tsx'
import { STATUS_LABELS } from '../i18n.ts'
import type { SaveState } from './autosave.ts'
import { formatDateTime } from './edition-time.ts'
import { SaveStatus } from './save-status.tsx'

export function TopBar(props: {
  story: Story
  edition: Edition
  headline: string
  headlineError?: string | undefined
  readOnly: boolean
  saveState: SaveState
  onHeadline: (headline: string) => void
  /** Enter in the headline moves on to the body. */
  onHeadlineDone: () => void
  onRetry: () => void
  /** Saves a public story's changes; undefined while changes are saved by themselves. */
  onUpdate?: (() => void) | undefined
  onPreview: () => void
  onRevisions: () => void
  /** The workflow buttons, which depend on status and rights. */
  children: ComponentChildren
}) {
  const { story, edition } = props
  const id = useId()
  const timed = story.status === 'scheduled' || story.status === 'published'
  const when = timed ? story.publishedAt : null
  return (
    <header class="story-top">
      <h1 class="visually-hidden">Edit story</h1>
      <label for={id} class="visually-hidden">
        Headline
      </label>
      <textarea
        id={id}
        class="story-top__headline"
        rows={1}
        dir={edition.direction}
        lang={edition.locale}
        placeholder="Headline"
        readOnly={props.readOnly}
        value={props.headline}
        aria-invalid={props.headlineError ? true : undefined}
        aria-describedby={props.headlineError ? `${id}-error` : undefined}
        onInput={(event) => props.onHeadline(event.currentTarget.value.replace(/\s*\n\s*/g, ' '))}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault()
            props.onHeadlineDone()
          }
        }}
      />
      {props.headlineError ? (
        <p id={`${id}-error`} class="field-error">
          {props.headlineError}
        </p>
      ) : null}
      <div class="story-top__bar">
        <span class={`badge badge-status-${story.status}`}>
          {STATUS_LABELS[story.status]}
          {when ? ` · ${formatDateTime(when, edition)}` : ''}
        </span>
        {story.breaking ? <span class="badge badge-breaking">Breaking</span> : null}
        <SaveStatus state={props.saveState} onRetry={props.onRetry} onUpdate={props.onUpdate} />
        <div class="story-top__actions">
          <Button onClick={props.onPreview}>
            Preview<span class="visually-hidden"> (opens in a new tab)</span>
          </Button>
          <Button onClick={props.onRevisions}>Revisions</Button>
          {props.children}
        </div>
      </div>
    </header>
  )
}
