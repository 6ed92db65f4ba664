// The saved state in the top bar, read out as it changes: "Saving…", "Saved 12:03", "Not saved: …",
// with Update for a public story's changes.
import { Button } from '../components/button.tsx'
import type { SaveState } from './autosave.ts'
import { fieldLabel } from './draft.ts'
import { announceShortcut, showShortcut } from './shortcuts.ts'

// The person's own clock: "saved a minute ago" is about their time, not the edition's.
const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' })

function describe(state: SaveState): string {
  switch (state.phase) {
    case 'clean':
      return 'No changes'
    case 'dirty':
      return 'Unsaved changes'
    case 'saving':
      return 'Saving…'
    case 'saved':
      return `Saved ${clock.format(state.at)}`
    case 'failed':
      return `Not saved: ${state.message}${state.field ? ` (${fieldLabel(state.field)})` : ''}`
    case 'conflict':
      return 'Not saved: someone else saved this story'
  }
}

export function SaveStatus(props: {
  state: SaveState
  onRetry: () => void
  /** Given while the story is public: its changes are saved only by this (or Mod-S). */
  onUpdate?: (() => void) | undefined
}) {
  const { state, onUpdate } = props
  const failed = state.phase === 'failed' || state.phase === 'conflict'
  const held = state.phase === 'dirty' || state.phase === 'saving'
  return (
    <div class="save-status">
      <span role="status" class={failed ? 'save-status__text is-failed' : 'save-status__text'}>
        {describe(state)}
      </span>
      {onUpdate && held ? (
        <Button
          variant="primary"
          busy={state.phase === 'saving'}
          title={`Save the changes to the public story (${showShortcut('Mod-s')})`}
          aria-keyshortcuts={announceShortcut('Mod-s')}
          onClick={onUpdate}
        >
          Update
        </Button>
      ) : null}
      {state.phase === 'failed' ? (
        <Button variant="quiet" onClick={props.onRetry}>
          Retry
        </Button>
      ) : null}
    </div>
  )
}
