// One comment in the moderation queue: who wrote it and where, its text with the suspect words
// marked, the reports on it, and the moderator's buttons.
import type { Ref } from 'preact'
import type { QueueComment } from '../api.ts'
import { Button } from '../components/button.tsx'
import { Link } from '../components/link.tsx'
import { Time } from '../components/time.tsx'
import { COMMENT_STATUS_LABELS, formatCount } from '../i18n.ts'
import { groupReports, markWords } from './moderation-text.ts'
import type { ReaderAction } from './reader-dialog.tsx'
import type { Decision } from './use-moderation-queue.ts'

type Author = NonNullable<QueueComment['author']>

export function StandingBadge(props: { author: Author }) {
  const { author } = props
  if (author.standing === 'banned') return <span class="badge badge-banned">Banned</span>
  if (author.standing !== 'muted') return null
  return (
    <span class="badge badge-warning">
      Muted{author.mutedUntil ? ' until ' : ''}
      {author.mutedUntil && <Time value={author.mutedUntil} />}
    </span>
  )
}

export function QueueItem(props: {
  comment: QueueComment
  /** The edition's name, when the list shows several editions. */
  editionName?: string | undefined
  /** The All queue: show the status, and only the decisions that change it. */
  showStatus: boolean
  selected: boolean
  current: boolean
  busy: boolean
  itemRef?: Ref<HTMLElement>
  onSelect: (selected: boolean) => void
  onDecide: (decision: Decision) => void
  onReader: (action: ReaderAction) => void
  onFocus: () => void
}) {
  const { comment, showStatus } = props
  const { author } = comment
  const name = author?.displayName ?? 'Deleted reader'
  const titleId = `comment-${comment.id}-title`
  const reports = groupReports(comment.reports)
  const canApprove = !showStatus || comment.status === 'held' || comment.status === 'rejected'
  const canReject = !showStatus || comment.status === 'held' || comment.status === 'visible'
  const about = <span class="visually-hidden"> the comment by {name}</span>

  return (
    <article
      ref={props.itemRef}
      class={`queue-item${props.current ? ' is-current' : ''}${props.selected ? ' is-selected' : ''}`}
      tabIndex={-1}
      aria-labelledby={titleId}
      aria-busy={props.busy || undefined}
      onFocusIn={props.onFocus}
    >
      <div class="queue-item__select">
        <input
          type="checkbox"
          id={`comment-${comment.id}-select`}
          checked={props.selected}
          onChange={(event) => props.onSelect(event.currentTarget.checked)}
        />
        <label for={`comment-${comment.id}-select`} class="visually-hidden">
          Select the comment by {name}
        </label>
      </div>
      <div class="queue-item__body">
        <header class="queue-item__head">
          <h2 id={titleId} class="queue-item__author">
            <span class="visually-hidden">Comment by </span>
            {name}
          </h2>
          {author && <span class="queue-item__email muted small break">{author.email}</span>}
          {author && <StandingBadge author={author} />}
          {showStatus && (
            <span class={`badge badge-comment-${comment.status}`}>
              {COMMENT_STATUS_LABELS[comment.status]}
            </span>
          )}
        </header>
        <p class="queue-item__where muted small">
          {comment.parentId !== null ? 'Reply on ' : 'On '}
          <Link href={`/admin/stories/${comment.articleId}`}>
            {comment.headline || `story ${comment.articleId}`}
          </Link>
          {props.editionName && <> · {props.editionName}</>} · <Time value={comment.createdAt} />
        </p>
        <p class="comment-text" dir="auto">
          {markWords(comment.text, comment.flags).map((part, index) =>
            part.match ? <mark key={index}>{part.text}</mark> : part.text,
          )}
        </p>
        {comment.flags.length > 0 && (
          <div class="queue-item__facts">
            <span class="queue-item__label">Suspect words:</span>
            <ul class="word-chips" aria-label="Suspect words">
              {comment.flags.map((word) => (
                <li key={word} class="word-chip word-chip--flag">
                  {word}
                </li>
              ))}
            </ul>
          </div>
        )}
        {reports.length > 0 && (
          <div class="queue-item__facts">
            <span class="queue-item__label">
              Reported {formatCount(comment.reports.length, 'time', 'times')}:
            </span>
            <ul class="word-chips" aria-label="Report reasons">
              {reports.map((report) => (
                <li key={report.reason} class="word-chip">
                  {report.reason}
                  {report.count > 1 && <span class="word-chip__count"> ×{report.count}</span>}
                </li>
              ))}
            </ul>
          </div>
        )}
        <div class="queue-item__actions">
          {canApprove && (
            <Button
              variant="primary"
              disabled={props.busy}
              onClick={() => props.onDecide('approve')}
            >
              Approve{about}
            </Button>
          )}
          {canReject && (
            <Button variant="danger" disabled={props.busy} onClick={() => props.onDecide('reject')}>
              Reject{about}
            </Button>
          )}
          {author && author.standing !== 'banned' && (
            <>
              {author.standing === 'active' && (
                <Button onClick={() => props.onReader('mute')}>
                  Mute<span class="visually-hidden"> {name}</span>
                </Button>
              )}
              <Button onClick={() => props.onReader('ban')}>
                Ban author<span class="visually-hidden"> {name}</span>
              </Button>
            </>
          )}
          {author && author.standing !== 'active' && (
            <Button variant="quiet" onClick={() => props.onReader('restore')}>
              Restore author<span class="visually-hidden"> {name}</span>
            </Button>
          )}
        </div>
      </div>
    </article>
  )
}
