// Warnings above the editor: someone else saved the story, or has it open right now.
import { Button } from '../components/button.tsx'

export function ConflictBanner(props: { onReload: () => void }) {
  return (
    <div class="note story-banner story-banner--conflict" role="alert">
      <p>
        Someone else saved this story; reload to see their version. Your latest changes were not
        saved, and editing is paused until you reload.
      </p>
      <Button variant="primary" onClick={props.onReload}>
        Reload
      </Button>
    </div>
  )
}

const names = new Intl.ListFormat('en', { style: 'long', type: 'conjunction' })

export function PresenceBanner(props: { others: { id: number; name: string }[] }) {
  const { others } = props
  return (
    <div class="story-banner-slot" aria-live="polite">
      {others.length > 0 ? (
        <p class="note story-banner">
          {names.format(others.map((person) => person.name))}{' '}
          {others.length === 1 ? 'also has' : 'also have'} this story open.
        </p>
      ) : null}
    </div>
  )
}
