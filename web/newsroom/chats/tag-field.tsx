// Picks the tag a room is linked to: a search over the edition's tags, then a choice among them.
import { useEffect, useState } from 'preact/hooks'
import { api, type Named } from '../api.ts'
import { useApp } from '../app-context.ts'
import { SelectField, TextField } from '../components/field.tsx'

export function TagField(props: {
  editionId: number
  /** The tag's id as text; '' for none. */
  value: string
  error?: string | undefined
  onValue: (value: string) => void
}) {
  const { handleError, notify } = useApp()
  const [query, setQuery] = useState('')
  const [tags, setTags] = useState<Named[]>([])
  const [known, setKnown] = useState<Map<string, string>>(new Map())

  useEffect(() => {
    let current = true
    const timer = setTimeout(() => {
      api.tags(props.editionId, query.trim()).then(
        (answer) => {
          if (!current) return
          setTags(answer.items)
          setKnown(
            (names) =>
              new Map([...names, ...answer.items.map((t) => [String(t.id), t.name] as const)]),
          )
        },
        (error: unknown) => current && notify(handleError(error)),
      )
    }, 250)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [props.editionId, query, handleError, notify])

  const shown = tags.some((tag) => String(tag.id) === props.value)
  return (
    <div class="chat-tag-field">
      <TextField label="Find a tag" type="search" value={query} onValue={setQuery} />
      <SelectField
        label="Linked tag"
        hint="Stories with this tag link to the room."
        value={props.value}
        error={props.error}
        onValue={props.onValue}
      >
        <option value="">No tag</option>
        {props.value && !shown && (
          <option value={props.value}>{known.get(props.value) ?? `Tag ${props.value}`}</option>
        )}
        {tags.map((tag) => (
          <option key={tag.id} value={String(tag.id)}>
            {tag.name}
          </option>
        ))}
      </SelectField>
    </div>
  )
}
