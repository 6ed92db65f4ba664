// The comment queue at /admin/comments: held, reported or all comments of one edition or every
// one, a page at a time; approve and reject one by one, by selection or by keyboard; mute or ban
// the people who wrote them.
import { useEffect, useRef, useState } from 'preact/hooks'
import type { QueueComment } from '../api.ts'
import { Button } from '../components/button.tsx'
import { SelectField } from '../components/field.tsx'
import { Link } from '../components/link.tsx'
import { PageHeader } from '../components/page-header.tsx'
import { Pagination } from '../components/pagination.tsx'
import { StatusMessage } from '../components/status-message.tsx'
import { formatCount } from '../i18n.ts'
import { useEditions } from '../pages/use-editions.ts'
import { navigate, withQuery } from '../router.ts'
import { isTypingTarget } from './moderation-text.ts'
import { QueueItem } from './queue-item.tsx'
import { type ReaderAction, ReaderDialog } from './reader-dialog.tsx'
import { type Decision, QUEUES, type Queue, useModerationQueue } from './use-moderation-queue.ts'
import './comments.css'

interface QueueParams {
  queue: Queue
  edition?: number | undefined
  page: number
}

const positive = (text: string | null) => {
  const value = Number(text)
  return Number.isInteger(value) && value > 0 ? value : undefined
}

export function readQueueParams(query: URLSearchParams): QueueParams {
  const queue = query.get('queue')
  return {
    queue: QUEUES.find((known) => known.id === queue)?.id ?? 'held',
    edition: positive(query.get('edition')),
    page: positive(query.get('page')) ?? 1,
  }
}

const queueHref = (params: QueueParams) =>
  withQuery('/admin/comments', {
    queue: params.queue === 'held' ? undefined : params.queue,
    edition: params.edition,
    page: params.page > 1 ? params.page : undefined,
  })

export function CommentsPage(props: { query: URLSearchParams }) {
  const params = readQueueParams(props.query)
  const { queue, edition, page } = params
  const editions = useEditions()
  const list = useModerationQueue({ queue, editionId: edition, page })
  const { items, result } = list
  const shown = QUEUES.find((known) => known.id === queue) ?? QUEUES[0]!

  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set())
  const [current, setCurrent] = useState<{ id: number; index: number } | null>(null)
  const [dialog, setDialog] = useState<{ action: ReaderAction; comment: QueueComment } | null>(null)
  const elements = useRef(new Map<number, HTMLElement>())
  /** Focus was on a comment that left the list: put it on the one that took its place. */
  const refocus = useRef(false)
  const selectAll = useRef<HTMLInputElement>(null)

  // A different queue, edition or page: nothing chosen, nobody current.
  useEffect(() => {
    setSelected(new Set())
    setCurrent(null)
  }, [queue, edition, page])

  // Past the last page (its comments were all decided elsewhere): to the last one there is.
  useEffect(() => {
    if (!result || result.items.length > 0 || result.total === 0 || page <= 1) return
    const last = Math.max(1, Math.ceil(result.total / Math.max(1, result.pageSize)))
    if (last < page) navigate(queueHref({ ...params, page: last }), { replace: true })
  }, [result])

  /** The current comment's place, or where it was before it left the list. */
  const currentIndex = (() => {
    if (!current || items.length === 0) return -1
    const index = items.findIndex((item) => item.id === current.id)
    return index >= 0 ? index : Math.min(current.index, items.length - 1)
  })()
  const currentItem = currentIndex >= 0 ? items[currentIndex] : undefined

  const focusItem = (index: number) => {
    const item = items[index]
    if (!item) return
    setCurrent({ id: item.id, index })
    elements.current.get(item.id)?.focus()
  }

  useEffect(() => {
    if (!refocus.current) return
    refocus.current = false
    if (currentIndex >= 0) focusItem(currentIndex)
  }, [items])

  const decide = (ids: number[], decision: Decision) => {
    const active = document.activeElement
    const holdsFocus = ids.some((id) => elements.current.get(id)?.contains(active))
    if (queue !== 'all' && holdsFocus) refocus.current = true
    setSelected((old) => new Set([...old].filter((id) => !ids.includes(id))))
    void list.decide(ids, decision)
  }

  // The button that opened a reader dialog is gone after a ban or a mute: focus that comment then.
  const dialogFor = useRef<number | null>(null)
  useEffect(() => {
    if (dialog) {
      dialogFor.current = dialog.comment.id
      return
    }
    const id = dialogFor.current
    dialogFor.current = null
    const active = document.activeElement
    if (id !== null && (!active || active === document.body)) elements.current.get(id)?.focus()
  }, [dialog])

  // j / k move through the comments, a approves and r rejects the current one; never while
  // typing in a field or with a dialog open.
  const keys = useRef<(event: KeyboardEvent) => void>(() => undefined)
  keys.current = (event) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return
    if (isTypingTarget(event.target) || document.querySelector('dialog[open]')) return
    const key = event.key
    if (key === 'j' || key === 'k') {
      event.preventDefault()
      const from = currentIndex < 0 ? (key === 'j' ? -1 : items.length) : currentIndex
      focusItem(Math.max(0, Math.min(items.length - 1, from + (key === 'j' ? 1 : -1))))
    } else if ((key === 'a' || key === 'r') && currentItem && !event.repeat) {
      event.preventDefault()
      if (list.pending.has(currentItem.id)) return
      refocus.current = queue !== 'all'
      decide([currentItem.id], key === 'a' ? 'approve' : 'reject')
      if (queue === 'all') elements.current.get(currentItem.id)?.focus()
    }
  }
  useEffect(() => {
    const listener = (event: KeyboardEvent) => keys.current(event)
    window.addEventListener('keydown', listener)
    return () => window.removeEventListener('keydown', listener)
  }, [])

  const chosen = items.filter((item) => selected.has(item.id)).map((item) => item.id)
  const allChosen = items.length > 0 && chosen.length === items.length
  useEffect(() => {
    if (selectAll.current) selectAll.current.indeterminate = chosen.length > 0 && !allChosen
  })

  const showEdition = !edition && (editions?.length ?? 0) > 1
  const editionName = (id: number) => editions?.find((item) => item.id === id)?.name

  return (
    <>
      <PageHeader title="Comments">
        <Link class="button button-secondary" href="/admin/comments/log">
          Moderation log
        </Link>
      </PageHeader>
      <nav class="tabs" aria-label="Queues">
        <ul>
          {QUEUES.map((known) => (
            <li key={known.id}>
              <Link
                href={queueHref({ queue: known.id, edition, page: 1 })}
                aria-current={known.id === queue ? 'page' : undefined}
              >
                {known.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div class="queue-tools">
        <SelectField
          class="queue-edition"
          label="Edition"
          value={edition ?? ''}
          onValue={(value) => navigate(queueHref({ queue, edition: positive(value), page: 1 }))}
        >
          <option value="">All editions</option>
          {editions?.map((item) => (
            <option key={item.id} value={item.id}>
              {item.name}
            </option>
          ))}
        </SelectField>
        <p class="queue-keys muted small" id="queue-keys">
          Keys: <kbd>j</kbd> / <kbd>k</kbd> next / previous, <kbd>a</kbd> approve, <kbd>r</kbd>{' '}
          reject.
        </p>
      </div>
      <StatusMessage message={list.error} />
      <section class="queue" aria-label={`${shown.label} comments`} aria-busy={list.loading}>
        <p class="list-count" aria-live="polite">
          {result && formatCount(list.total, shown.one, shown.many)}
          {list.loading && <span class="loading"> Loading…</span>}
        </p>
        {items.length > 0 && (
          <div class="queue-bulk">
            <label class="choice">
              <input
                ref={selectAll}
                type="checkbox"
                checked={allChosen}
                onChange={(event) =>
                  setSelected(
                    event.currentTarget.checked ? new Set(items.map((item) => item.id)) : new Set(),
                  )
                }
              />
              Select all on this page
            </label>
            <span class="muted small" aria-live="polite">
              {chosen.length > 0 && `${chosen.length} selected`}
            </span>
            <span class="queue-bulk__actions">
              <Button disabled={chosen.length === 0} onClick={() => decide(chosen, 'approve')}>
                Approve selected
              </Button>
              <Button
                variant="danger"
                disabled={chosen.length === 0}
                onClick={() => decide(chosen, 'reject')}
              >
                Reject selected
              </Button>
            </span>
          </div>
        )}
        {items.length > 0 && (
          <ol class="queue-list" aria-describedby="queue-keys">
            {items.map((comment, index) => (
              <li key={comment.id}>
                <QueueItem
                  comment={comment}
                  editionName={showEdition ? editionName(comment.editionId) : undefined}
                  showStatus={queue === 'all'}
                  selected={selected.has(comment.id)}
                  current={index === currentIndex}
                  busy={list.pending.has(comment.id)}
                  itemRef={(element: HTMLElement | null) => {
                    if (element) elements.current.set(comment.id, element)
                    else elements.current.delete(comment.id)
                  }}
                  onFocus={() => setCurrent({ id: comment.id, index })}
                  onSelect={(on) =>
                    setSelected((old) => {
                      const next = new Set(old)
                      if (on) next.add(comment.id)
                      else next.delete(comment.id)
                      return next
                    })
                  }
                  onDecide={(decision) => decide([comment.id], decision)}
                  onReader={(action) => setDialog({ action, comment })}
                />
              </li>
            ))}
          </ol>
        )}
        {result && items.length === 0 && !list.loading && <p class="empty">{shown.empty}</p>}
        {result && (
          <Pagination
            page={result.page}
            pageSize={result.pageSize}
            total={list.total}
            onPage={(next) => navigate(queueHref({ ...params, page: next }))}
            label="Comment pages"
          />
        )}
      </section>
      {dialog?.comment.author && (
        <ReaderDialog
          action={dialog.action}
          reader={dialog.comment.author}
          onDone={(standing, mutedUntil) =>
            dialog.comment.author &&
            list.setStanding(dialog.comment.author.id, standing, mutedUntil)
          }
          onClose={() => setDialog(null)}
        />
      )}
    </>
  )
}
