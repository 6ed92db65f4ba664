// The story editor at /admin/stories/:id: loads the story and its edition, keeps presence, hosts the workspace.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks'
import { ApiError, api, type Edition, type Session, type Story } from '../api.ts'
import { useApp } from '../app-context.ts'
import { Button } from '../components/button.tsx'
import { StatusMessage } from '../components/status-message.tsx'
import { PresenceBanner } from './banners.tsx'
import { StoryWorkspace } from './story-workspace.tsx'
import { usePresence } from './use-presence.ts'
import './editor.css'

interface Loaded {
  story: Story
  editions: Edition[]
  /** Bumped on every (re)load, so the workspace starts afresh with the story it is given. */
  generation: number
}

export function EditorPage(props: {
  id: number
  session: Session
  navigate: (path: string) => void
}) {
  const { id, navigate } = props
  // The app's error handler, without reloading the story whenever the app context changes.
  const handleError = useRef(useApp().handleError)
  const [loaded, setLoaded] = useState<Loaded | null>(null)
  const [problem, setProblem] = useState<{ message: string; missing: boolean } | null>(null)
  const others = usePresence(id)

  const show = useCallback((story: Story, editions?: Edition[]) => {
    setLoaded((old) => ({
      story,
      editions: editions ?? old?.editions ?? [],
      generation: (old?.generation ?? 0) + 1,
    }))
  }, [])

  const load = useCallback(() => {
    setProblem(null)
    Promise.all([api.story(id), api.editions()]).then(
      ([story, editions]) => show(story, editions.items),
      (error: unknown) =>
        setProblem({
          message: handleError.current(error),
          missing: error instanceof ApiError && error.status === 404,
        }),
    )
  }, [id, show])

  useEffect(load, [load])

  if (problem) {
    return (
      <div class="story-editor">
        <h1>{problem.missing ? 'Story not found' : 'The story could not be opened'}</h1>
        <StatusMessage message={problem.message} />
        <div class="form-actions">
          {problem.missing ? null : <Button onClick={load}>Try again</Button>}
          <Button variant="quiet" onClick={() => navigate('/admin/stories')}>
            Back to stories
          </Button>
        </div>
      </div>
    )
  }
  if (!loaded) return <p aria-busy="true">Loading the story…</p>

  const edition = loaded.editions.find((candidate) => candidate.id === loaded.story.editionId)
  if (!edition) return <StatusMessage message="The story’s edition is not among the editions." />

  return (
    <>
      <PresenceBanner others={others} />
      <StoryWorkspace
        key={loaded.generation}
        story={loaded.story}
        edition={edition}
        editions={loaded.editions}
        session={props.session}
        navigate={navigate}
        onReload={load}
        onReplace={(story) => show(story)}
      />
    </>
  )
}
