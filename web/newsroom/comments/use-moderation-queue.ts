// One page of the comment queue, with approvals and rejections shown before the server answers:
// in the Held and Reported queues a decided comment leaves the list at once and comes back only
// when the server refuses; in All it shows its new status.
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks'
import { api, type Page, type QueueComment } from '../api.ts'
import { useApp } from '../app-context.ts'
import { formatCount } from '../i18n.ts'

export type Queue = 'held' | 'reported' | 'all'
export type Decision = 'approve' | 'reject'
export type Standing = NonNullable<QueueComment['author']>['standing']

export const QUEUES: { id: Queue; label: string; empty: string; one: string; many: string }[] = [
  {
    id: 'held',
    label: 'Held',
    empty: 'Nothing is waiting for review.',
    one: 'held comment',
    many: 'held comments',
  },
  {
    id: 'reported',
    label: 'Reported',
    empty: 'No reported comments.',
    one: 'reported comment',
    many: 'reported comments',
  },
  { id: 'all', label: 'All', empty: 'No comments yet.', one: 'comment', many: 'comments' },
]

const DONE: Record<Decision, { verb: string; status: QueueComment['status'] }> = {
  approve: { verb: 'Approved', status: 'visible' },
  reject: { verb: 'Rejected', status: 'rejected' },
}

const without = (set: ReadonlySet<number>, ids: number[]) => {
  const next = new Set(set)
  for (const id of ids) next.delete(id)
  return next
}

/** "Jane Doe’s comment" for one, "3 comments" for more. */
function whatWasDecided(items: QueueComment[]): string {
  const [only] = items
  if (items.length === 1 && only) {
    return only.author ? `${only.author.displayName}’s comment` : 'the comment'
  }
  return formatCount(items.length, 'comment', 'comments')
}

export function useModerationQueue(params: { queue: Queue; editionId?: number; page: number }) {
  const { handleError, notify } = useApp()
  const { queue, editionId, page } = params
  const [result, setResult] = useState<Page<QueueComment> | null>(null)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState('')
  /** Decided comments kept out of the Held and Reported lists. */
  const [hidden, setHidden] = useState<ReadonlySet<number>>(new Set())
  /** Decisions the server has not answered yet (the ref for loads, the state for rendering). */
  const [pending, setPendingState] = useState<ReadonlySet<number>>(new Set())
  const pendingRef = useRef<ReadonlySet<number>>(pending)
  const setPending = (change: (old: ReadonlySet<number>) => ReadonlySet<number>) => {
    pendingRef.current = change(pendingRef.current)
    setPendingState(pendingRef.current)
  }
  const [reloads, setReloads] = useState(0)
  const leaves = queue !== 'all'

  // A different queue, edition or page starts from a clean slate.
  useEffect(() => {
    setHidden(new Set())
    setResult(null)
  }, [queue, editionId, page])

  useEffect(() => {
    let current = true
    setLoading(true)
    api
      .comments({ queue, editionId, page })
      .then(
        (answer) => {
          if (!current) return
          setResult(answer)
          setError('')
          // What the server lists now is the truth, except for decisions still on their way.
          const inFlight = pendingRef.current
          setHidden((old) => new Set([...old].filter((id) => inFlight.has(id))))
        },
        (failure: unknown) => {
          if (current) setError(handleError(failure))
        },
      )
      .finally(() => {
        if (current) setLoading(false)
      })
    return () => {
      current = false
    }
  }, [queue, editionId, page, reloads, handleError])

  const items = useMemo(
    () => result?.items.filter((item) => !hidden.has(item.id)) ?? [],
    [result, hidden],
  )

  // Every comment of the page decided: fetch the next ones into it.
  const emptied = Boolean(result?.items.length) && items.length === 0 && pending.size === 0
  useEffect(() => {
    if (emptied) setReloads((count) => count + 1)
  }, [emptied])

  const setStatus = (ids: number[], status: (item: QueueComment) => QueueComment['status']) =>
    setResult(
      (old) =>
        old && {
          ...old,
          items: old.items.map((item) =>
            ids.includes(item.id) ? { ...item, status: status(item) } : item,
          ),
        },
    )

  const decide = async (ids: number[], decision: Decision) => {
    const targets = items.filter((item) => ids.includes(item.id))
    if (targets.length === 0) return
    const chosen = targets.map((item) => item.id)
    const before = new Map(targets.map((item) => [item.id, item.status]))
    setError('')
    setPending((old) => new Set([...old, ...chosen]))
    if (leaves) setHidden((old) => new Set([...old, ...chosen]))
    else setStatus(chosen, () => DONE[decision].status)
    try {
      const { updated } = await api.moderate(chosen, decision)
      const what = whatWasDecided(targets)
      notify(
        updated >= chosen.length
          ? `${DONE[decision].verb} ${what}.`
          : `${DONE[decision].verb} ${updated} of ${what}; the others were already decided.`,
      )
    } catch (failure) {
      if (leaves) setHidden((old) => without(old, chosen))
      else setStatus(chosen, (item) => before.get(item.id) ?? item.status)
      setError(handleError(failure))
    }
    setPending((old) => without(old, chosen))
  }

  /** After a ban, a mute or a restore: every comment of that reader shows their new standing. */
  const setStanding = useCallback(
    (readerId: number, standing: Standing, mutedUntil: string | null) =>
      setResult(
        (old) =>
          old && {
            ...old,
            items: old.items.map((item) =>
              item.author?.id === readerId
                ? { ...item, author: { ...item.author, standing, mutedUntil } }
                : item,
            ),
          },
      ),
    [],
  )

  const total = result ? Math.max(0, result.total - (result.items.length - items.length)) : 0
  return {
    result,
    items,
    total,
    loading,
    error,
    pending,
    decide,
    setStanding,
    reload: () => setReloads((count) => count + 1),
  }
}
