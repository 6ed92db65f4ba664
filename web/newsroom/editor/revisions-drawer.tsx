// The revisions drawer: who saved when, what each revision differs in, and restoring one.
import { useEffect, useState } from 'preact/hooks'
import { api, type Edition, type Revision, type RevisionDiff } from '../api.ts'
import { Button } from '../components/button.tsx'
import { Dialog } from '../components/dialog.tsx'
import { StatusMessage } from '../components/status-message.tsx'
import { formatDateTime } from './edition-time.ts'
import { RevisionDiffView } from './revision-diff.tsx'

export function RevisionsDrawer(props: {
  storyId: number
  edition: Edition
  canRestore: boolean
  /** A public story's changes not yet updated are lost on restoring (they are not saved first). */
  dropsUnsaved: boolean
  /** Answers an error message, or null once the story is restored. */
  onRestore: (revisionId: number) => Promise<string | null>
  onClose: () => void
  describeError: (error: unknown) => string
}) {
  const { storyId, edition, describeError } = props
  const [revisions, setRevisions] = useState<Revision[] | null>(null)
  const [chosen, setChosen] = useState<Revision | null>(null)
  const [diff, setDiff] = useState<RevisionDiff | null>(null)
  const [problem, setProblem] = useState('')
  const [restoring, setRestoring] = useState(false)

  useEffect(() => {
    api.revisions(storyId).then(
      (answer) => setRevisions(answer.items),
      (error: unknown) => setProblem(describeError(error)),
    )
  }, [storyId, describeError])

  useEffect(() => {
    if (!chosen) return
    let current = true
    setDiff(null)
    api.revisionDiff(storyId, chosen.id).then(
      (answer) => {
        if (current) setDiff(answer)
      },
      (error: unknown) => {
        if (current) setProblem(describeError(error))
      },
    )
    return () => {
      current = false
    }
  }, [storyId, chosen, describeError])

  const restore = async () => {
    if (!chosen) return
    const when = formatDateTime(chosen.createdAt, edition)
    if (
      !window.confirm(
        `Restore the revision of ${when}? The story as it is now stays in the list.${
          props.dropsUnsaved ? ' Your changes not yet updated are dropped.' : ''
        }`,
      )
    )
      return
    setRestoring(true)
    const failure = await props.onRestore(chosen.id)
    setRestoring(false)
    if (failure) setProblem(failure)
  }

  return (
    <Dialog title="Revisions" size="large" onClose={props.onClose}>
      <StatusMessage message={problem} />
      <div class="revisions">
        <nav class="revisions__list" aria-label="Revisions, newest first">
          {revisions === null && !problem ? <p aria-busy="true">Loading revisions…</p> : null}
          {revisions?.length === 0 ? <p class="muted">No revisions yet.</p> : null}
          <ol>
            {(revisions ?? []).map((revision) => (
              <li key={revision.id}>
                <button
                  type="button"
                  class="revisions__item"
                  aria-current={chosen?.id === revision.id ? 'true' : undefined}
                  onClick={() => {
                    setProblem('')
                    setChosen(revision)
                  }}
                >
                  <span class="revisions__headline">{revision.headline}</span>
                  <span class="small muted">
                    {revision.staff?.name ?? 'Someone no longer on staff'} ·{' '}
                    <time dateTime={revision.createdAt}>
                      {formatDateTime(revision.createdAt, edition)}
                    </time>
                  </span>
                </button>
              </li>
            ))}
          </ol>
        </nav>
        <section class="revisions__detail" aria-label="Differences">
          {chosen ? (
            <>
              {diff ? <RevisionDiffView diff={diff} /> : <p aria-busy="true">Comparing…</p>}
              {props.canRestore ? (
                <div class="form-actions">
                  <Button variant="primary" busy={restoring} onClick={restore}>
                    Restore this revision
                  </Button>
                </div>
              ) : null}
            </>
          ) : (
            <p class="muted">Choose a revision to see how it differs from the story now.</p>
          )}
        </section>
      </div>
    </Dialog>
  )
}
