// Workflow calls from the editor (publish, submit, correct, restore, preview), each after a save
// unless that would take a public story's unsaved changes live.
import { useState } from 'preact/hooks'
import { api, type Story } from '../api.ts'
import type { AppContextValue } from '../app-context.ts'
import type { Autosaver, SaveState } from './autosave.ts'
import type { RunAction } from './publish-controls.tsx'

function describeFailure(state: SaveState): string {
  if (state.phase === 'conflict') return 'Someone else saved this story; reload first.'
  if (state.phase === 'failed') return `The latest changes are not saved: ${state.message}`
  return 'The latest changes are not saved yet.'
}

export function useStoryActions(deps: {
  storyId: number
  saver: Autosaver
  app: Pick<AppContextValue, 'handleError' | 'notify'>
  setStory: (story: Story) => void
  /** Shows a restored revision from scratch. */
  onReplace: (story: Story) => void
}) {
  const { storyId, saver, app } = deps
  const [busy, setBusy] = useState(false)
  const [notice, setNotice] = useState('')

  /** Saves what is pending; with saveFirst false, a public story's are kept back, not sent. */
  const ready = (saveFirst: boolean) =>
    saveFirst || !saver.manual ? saver.flush() : saver.settle()

  /** Saves first, then runs a workflow call; answers an error message or null. */
  const run: RunAction = async (done, call, options = {}) => {
    setBusy(true)
    setNotice('')
    try {
      if (!(await ready(options.saveFirst ?? true))) {
        const failure = describeFailure(saver.state)
        setNotice(failure)
        return failure
      }
      const next = await call()
      saver.adopt(next)
      deps.setStory(next)
      app.notify(done)
      return null
    } catch (error) {
      const message = app.handleError(error)
      setNotice(message)
      return message
    } finally {
      setBusy(false)
    }
  }

  const restore = async (revisionId: number): Promise<string | null> => {
    // On a public story the unsaved changes are dropped with the rest (the drawer says so).
    if (!(await ready(false))) return describeFailure(saver.state)
    try {
      const restored = await api.restoreRevision(storyId, revisionId)
      app.notify('Revision restored')
      deps.onReplace(restored)
      return null
    } catch (error) {
      return app.handleError(error)
    }
  }

  const preview = async () => {
    // Opened at once (pop-up blockers allow only that), pointed at the preview once saved.
    const tab = window.open('about:blank', '_blank')
    if (tab) tab.opener = null
    // A public story's unsaved changes would go live if saved, so it previews as last saved.
    await ready(false)
    const url = api.previewUrl(storyId)
    if (tab) tab.location.href = url
    else window.open(url, '_blank', 'noopener')
  }

  return { busy, notice, run, restore, preview }
}
