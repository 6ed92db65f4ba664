// The audit log: who did what to which story, newest first, older entries on request.
import { useCallback, useEffect, useState } from 'preact/hooks'
import { type AuditEntry, api } from '../api.ts'
import { useApp } from '../app-context.ts'
import { Button } from '../components/button.tsx'
import { Link } from '../components/link.tsx'
import { PageHeader } from '../components/page-header.tsx'
import { StatusMessage } from '../components/status-message.tsx'
import { Time } from '../components/time.tsx'
import { actionLabel } from '../i18n.ts'

/** The simple values of an entry's detail, as "key: value" pairs. */
function detailText(detail: Record<string, unknown>): string {
  return Object.entries(detail)
    .filter(([, value]) => ['string', 'number', 'boolean'].includes(typeof value))
    .map(([key, value]) => `${key}: ${String(value)}`)
    .join(' · ')
}

export function AuditPage() {
  const { handleError } = useApp()
  const [entries, setEntries] = useState<AuditEntry[]>([])
  const [next, setNext] = useState<number | null>(null)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState('')

  const load = useCallback(
    async (before?: number) => {
      setLoading(true)
      setError('')
      try {
        const answer = await api.audit(before ? { before } : {})
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
      <PageHeader title="Audit log" />
      <StatusMessage message={error} />
      {entries.length === 0 && !loading && !error && <p class="empty">Nothing recorded yet.</p>}
      {entries.length > 0 && (
        <ol class="audit-list" aria-busy={loading}>
          {entries.map((entry) => (
            <li key={entry.id} class="audit-entry">
              <span class="audit-time muted">
                <Time value={entry.at} />
              </span>
              <span class="audit-what">
                <strong>{entry.staff?.name ?? 'System'}</strong> {actionLabel(entry.action)}
                {entry.articleId !== null && (
                  <>
                    {' '}
                    <Link href={`/admin/stories/${entry.articleId}`}>
                      {entry.headline || `story ${entry.articleId}`}
                    </Link>
                  </>
                )}
              </span>
              {detailText(entry.detail) && (
                <span class="audit-detail muted">{detailText(entry.detail)}</span>
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
