// Finds a story of the edition by words in its headline, for related-story cards and lists.
import { useEffect, useState } from 'preact/hooks'
import { api, type Edition, type StorySummary } from '../api.ts'
import { Dialog } from '../components/dialog.tsx'
import { TextField } from '../components/field.tsx'
import { STATUS_LABELS } from '../i18n.ts'
import { formatDateTime } from './edition-time.ts'

export function StorySearchDialog(props: {
  title: string
  edition: Edition
  /** Stories not to offer: this one, and those already chosen. */
  exclude: number[]
  onPick: (story: StorySummary) => void
  onClose: () => void
}) {
  const [q, setQ] = useState('')
  const [found, setFound] = useState<StorySummary[] | null>(null)
  const [problem, setProblem] = useState('')
  const editionId = props.edition.id

  useEffect(() => {
    let current = true
    const timer = setTimeout(() => {
      api.stories({ q: q.trim(), editionId }).then(
        (page) => {
          if (!current) return
          setFound(page.items)
          setProblem('')
        },
        (error: Error) => {
          if (current) setProblem(error.message)
        },
      )
    }, 250)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [q, editionId])

  const offered = (found ?? []).filter((story) => !props.exclude.includes(story.id))
  const count = `${offered.length} ${offered.length === 1 ? 'story' : 'stories'}`

  return (
    <Dialog title={props.title} onClose={props.onClose}>
      <div class="form">
        <TextField
          label="Search headlines"
          type="search"
          autoFocus
          value={q}
          onValue={setQ}
          hint={`In the ${props.edition.name} edition.`}
        />
        <p class="field-hint" role="status">
          {problem || (found === null ? 'Searching…' : count)}
        </p>
        <ul class="story-search">
          {offered.map((story) => (
            <li key={story.id}>
              <button
                type="button"
                class="story-search__result"
                onClick={() => props.onPick(story)}
              >
                <span class="story-search__headline">{story.headline}</span>
                <span class="story-search__meta">
                  {STATUS_LABELS[story.status]} ·{' '}
                  {formatDateTime(story.publishedAt ?? story.updatedAt, props.edition)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </div>
    </Dialog>
  )
}
