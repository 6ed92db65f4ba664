// Workflow buttons for the story's status and the person's rights: submit, publish, schedule, unpublish.
import { useId, useRef, useState } from 'preact/hooks'
import { api, type Edition, type Story } from '../api.ts'
import { Button } from '../components/button.tsx'
import { isoToWallTime, wallTimeToIso } from './edition-time.ts'
import type { StoryPermissions } from './story-permissions.ts'

export type RunAction = (
  done: string,
  call: () => Promise<Story>,
  /** saveFirst false: on a public story, unsaved changes are left for Update, not sent along. */
  options?: { saveFirst?: boolean },
) => Promise<string | null>

function ScheduleForm(props: { story: Story; edition: Edition; busy: boolean; run: RunAction }) {
  const { story, edition } = props
  const id = useId()
  const initial =
    story.status === 'scheduled' && story.publishedAt
      ? isoToWallTime(story.publishedAt, edition.timeZone)
      : ''
  const [when, setWhen] = useState(initial)
  const [problem, setProblem] = useState('')
  const disclosure = useRef<HTMLDetailsElement>(null)

  const submit = async (event: Event) => {
    event.preventDefault()
    const at = wallTimeToIso(when, edition.timeZone)
    if (!at || Date.parse(at) <= Date.now()) {
      setProblem('Pick a time in the future.')
      return
    }
    const failure = await props.run('Scheduled', () => api.publishStory(story.id, at))
    setProblem(failure ?? '')
    if (!failure && disclosure.current) disclosure.current.open = false
  }

  return (
    <details class="schedule" ref={disclosure}>
      <summary class="button">{story.status === 'scheduled' ? 'Reschedule' : 'Schedule'}</summary>
      <form class="schedule__form form" onSubmit={submit}>
        <div class="field">
          <label for={id}>Publish at ({edition.timeZone} time)</label>
          <input
            id={id}
            type="datetime-local"
            required
            value={when}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `${id}-error` : undefined}
            onInput={(event) => {
              setWhen(event.currentTarget.value)
              setProblem('')
            }}
          />
          {problem ? (
            <p id={`${id}-error`} class="field-error">
              {problem}
            </p>
          ) : null}
        </div>
        <Button type="submit" variant="primary" busy={props.busy}>
          Schedule
        </Button>
      </form>
    </details>
  )
}

export function PublishControls(props: {
  story: Story
  edition: Edition
  permissions: StoryPermissions
  busy: boolean
  run: RunAction
}) {
  const { story, permissions, busy, run } = props
  const { status } = story
  const unpublish = () => {
    const question =
      status === 'scheduled'
        ? 'Cancel the scheduled publication?'
        : 'Unpublish this story? It disappears from the site, feeds and partners.'
    if (window.confirm(question))
      void run('Unpublished', () => api.unpublishStory(story.id), { saveFirst: false })
  }

  if (!permissions.publish) {
    const submittable = permissions.submit && (status === 'draft' || status === 'unpublished')
    return submittable ? (
      <Button
        variant="primary"
        busy={busy}
        onClick={() => run('Submitted for review', () => api.submitStory(story.id))}
      >
        Submit for review
      </Button>
    ) : null
  }
  return (
    <>
      {status !== 'published' ? (
        <Button
          variant="primary"
          busy={busy}
          onClick={() => run('Published', () => api.publishStory(story.id))}
        >
          {status === 'scheduled' ? 'Publish now' : 'Publish'}
        </Button>
      ) : null}
      {status !== 'published' ? <ScheduleForm {...props} /> : null}
      {status === 'published' || status === 'scheduled' ? (
        <Button variant="danger" busy={busy} onClick={unpublish}>
          {status === 'scheduled' ? 'Cancel schedule' : 'Unpublish'}
        </Button>
      ) : null}
    </>
  )
}
