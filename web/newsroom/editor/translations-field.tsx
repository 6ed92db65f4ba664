// The story's translations in other editions, linked, and the translation group that ties them.
import { useId } from 'preact/hooks'
import type { Edition, Story } from '../api.ts'
import { TextField } from '../components/field.tsx'

export function TranslationsField(props: {
  translations: Story['translations']
  editions: Edition[]
  group: string
  error?: string | undefined
  onGroup: (group: string) => void
  navigate: (path: string) => void
}) {
  const titleId = useId()
  const editionName = (id: number) =>
    props.editions.find((edition) => edition.id === id)?.name ?? `Edition ${id}`
  return (
    <section class="side-section" aria-labelledby={titleId}>
      <h3 id={titleId} class="side-section__title">
        Translations
      </h3>
      {props.translations.length > 0 ? (
        <ul class="side-list">
          {props.translations.map((translation) => {
            const href = `/admin/stories/${translation.id}`
            return (
              <li key={translation.id} class="side-list__item">
                <a
                  href={href}
                  onClick={(event) => {
                    event.preventDefault()
                    props.navigate(href)
                  }}
                >
                  <span class="muted">{editionName(translation.editionId)}:</span>{' '}
                  {translation.headline}
                </a>
              </li>
            )
          })}
        </ul>
      ) : (
        <p class="muted small">No translations yet.</p>
      )}
      <TextField
        label="Translation group"
        dir="ltr"
        value={props.group}
        hint="Stories in other editions with the same group are linked as translations."
        error={props.error}
        onValue={props.onGroup}
      />
    </section>
  )
}
