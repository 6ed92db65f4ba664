// The story's related stories in the side panel: an ordered list, added by search, removed one by one.
import { useState } from 'preact/hooks'
import type { Edition } from '../api.ts'
import { Button } from '../components/button.tsx'
import { StorySearchDialog } from './story-search-dialog.tsx'

type Related = { id: number; headline: string }

export function RelatedStoriesField(props: {
  storyId: number
  related: Related[]
  edition: Edition
  error?: string | undefined
  onChange: (related: Related[]) => void
}) {
  const { related } = props
  const [searching, setSearching] = useState(false)

  return (
    <fieldset class="field side-group side-related">
      <legend class="side-label">Related stories</legend>
      {related.length > 0 ? (
        <ol class="side-list">
          {related.map((story) => (
            <li key={story.id} class="side-list__item">
              <span class="break">{story.headline}</span>
              <Button
                variant="quiet"
                aria-label={`Remove related story: ${story.headline}`}
                onClick={() => props.onChange(related.filter((other) => other.id !== story.id))}
              >
                Remove
              </Button>
            </li>
          ))}
        </ol>
      ) : (
        <p class="muted small">None yet.</p>
      )}
      <div class="side-actions">
        <Button onClick={() => setSearching(true)}>Add related story</Button>
      </div>
      {props.error ? <p class="field-error">{props.error}</p> : null}
      {searching ? (
        <StorySearchDialog
          title="Add a related story"
          edition={props.edition}
          exclude={[props.storyId, ...related.map((story) => story.id)]}
          onPick={(story) => {
            setSearching(false)
            props.onChange([...related, { id: story.id, headline: story.headline }])
          }}
          onClose={() => setSearching(false)}
        />
      ) : null}
    </fieldset>
  )
}
