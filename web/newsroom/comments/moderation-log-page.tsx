// The moderation log at /admin/comments/log: who approved, rejected, muted or banned what and why,
// newest first, older entries on request.
import { useCallback, useEffect, useState } from 'preact/hooks'
import { api, type ModerationEntry } from '../api.ts'
import { useApp } from '../app-context.ts'
import { Button } from '../components/button.tsx'
import { Link } from '../components/link.tsx'
import { PageHeader } from '../components/page-header.tsx'
import { StatusMessage } from '../components/status-message.tsx'
import { Time } from '../components/time.tsx'
import { moderationActionLabel } from '../i18n.ts'
import './comments.css'

/** "comment 12", "reader 7", or both: what the action was done to. */
function target(entry: ModerationEntry): string {
  const parts = [
    entry.commentId !== null && `comment ${entry.commentId}`,
    entry.readerId !== null && `reader ${entry.readerId}`,
  ].filter(Boolean)
  return parts.join(' by ')
}

export function ModerationLogPage() {
  const { handleError } = useApp()
  const [entries, setEntries] = useState<ModerationEntry[]>([])
  const [next, setNext] = useState<number | null>(null)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState('')

  const load = useCallback(
    async (before?: number) => {
      setLoading(true)
      setError('')
      try {
        const answer = await api.moderationLog(before ? { before } : {})
        setEntries((list) => (before ? [...list, ...answer.items] : answer.items))
        setNext(answer.nextBefore)
      } catch (failure) {
        setError(handleError(failure))
      }
      setLoading(false)
    },
    [handleError],
  )

  useEffect(() => {
    void load()
  }, [load])

  return (
    <>
      <PageHeader title="Moderation log">
        <Link class="button button-secondary" href="/admin/comments">
          Back to the queue
        </Link>
      </PageHeader>
      <StatusMessage message={error} />
      {entries.length === 0 && !loading && !error && (
        <p class="empty">No moderation recorded yet.</p>
      )}
      {entries.length > 0 && (
        <ol class="audit-list" aria-busy={loading}>
          {entries.map((entry) => (
            <li key={entry.id} class="audit-entry">
              <span class="audit-time muted">
                <Time value={entry.at} />
              </span>
              <span class="audit-what">
                <strong>{entry.staff?.name ?? 'Automatic'}</strong>{' '}
                {moderationActionLabel(entry.action)} {target(entry)}
              </span>
              {entry.reason && (
                <span class="audit-detail">
                  <span class="muted">Reason: </span>
                  <span class="log-reason" dir="auto">
                    {entry.reason}
                  </span>
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
      <div class="list-more" aria-live="polite">
        {loading && <p aria-busy="true">Loading…</p>}
        {!loading && next !== null && <Button onClick={() => void load(next)}>Load more</Button>}
      </div>
    </>
  )
}
