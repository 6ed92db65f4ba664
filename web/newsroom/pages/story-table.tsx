// The rows of the story list: headline to the editor, status, edition and section, times, people,
// comments.
import type { Edition, StorySummary } from '../api.ts'
import { Link } from '../components/link.tsx'
import { BreakingBadge, StatusBadge } from '../components/status-badge.tsx'
import { Time } from '../components/time.tsx'
import { formatCount } from '../i18n.ts'
import { placeOf } from './use-editions.ts'

/** The comment count, when the list carries one (StorySummary does not promise it). */
const commentCount = (story: StorySummary): number | undefined => {
  const count = (story as StorySummary & { commentCount?: unknown }).commentCount
  return typeof count === 'number' ? count : undefined
}

const countText = (count: number | undefined) =>
  count === undefined ? '—' : formatCount(count, 'comment', 'comments')

export function StoryTable(props: { stories: StorySummary[]; editions: Edition[] | null }) {
  const withComments = props.stories.some((story) => commentCount(story) !== undefined)
  return (
    <table class="table story-table">
      <thead>
        <tr>
          <th scope="col">Headline</th>
          <th scope="col">Status</th>
          <th scope="col">Edition · section</th>
          <th scope="col">Updated</th>
          <th scope="col">Created by</th>
          {withComments && <th scope="col">Comments</th>}
          <th scope="col">
            <span class="visually-hidden">Public page</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {props.stories.map((story) => {
          const { edition, section } = placeOf(props.editions, story.editionId, story.sectionId)
          return (
            <tr key={story.id}>
              <td class="story-headline">
                <Link href={`/admin/stories/${story.id}`}>{story.headline || 'Untitled'}</Link>
                {story.breaking && <BreakingBadge />}
              </td>
              <td>
                <StatusBadge status={story.status} />
              </td>
              <td class="muted">
                {edition?.name ?? '…'} · {section?.name ?? '…'}
              </td>
              <td class="muted nowrap">
                <Time value={story.updatedAt} />
              </td>
              <td class="muted">{story.createdBy?.name ?? '—'}</td>
              {withComments && <td class="muted nowrap">{countText(commentCount(story))}</td>}
              <td>
                {story.url && (
                  <a href={story.url} target="_blank" rel="noopener">
                    View<span class="visually-hidden"> “{story.headline}” on the site</span>
                  </a>
                )}
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
