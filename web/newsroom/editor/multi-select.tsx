// Chooses several named things (tags, byline authors) by searching; the chosen show as removable chips.
import { useEffect, useId, useState } from 'preact/hooks'
import type { Named } from '../api.ts'

const SHOWN = 8

export function MultiSelect(props: {
  label: string
  /** One of them, for buttons: "tag", "author". */
  noun: string
  selected: number[]
  names: ReadonlyMap<number, string>
  search: (q: string) => Promise<Named[]>
  onChange: (ids: number[], added?: Named) => void
  /** When given, a name that matches nothing can be created. */
  onCreate?: ((name: string) => Promise<Named>) | undefined
  error?: string | undefined
}) {
  const { selected, names, search, noun } = props
  const id = useId()
  const [q, setQ] = useState('')
  const [open, setOpen] = useState(false)
  const [found, setFound] = useState<Named[]>([])
  const [problem, setProblem] = useState('')

  useEffect(() => {
    if (!open) return
    let current = true
    const timer = setTimeout(() => {
      search(q.trim()).then(
        (items) => {
          if (current) setFound(items)
        },
        (error: Error) => {
          if (current) setProblem(error.message)
        },
      )
    }, 200)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [q, open, search])

  const offered = found.filter((item) => !selected.includes(item.id)).slice(0, SHOWN)
  const wanted = q.trim()
  const exists = found.some((item) => item.name.toLowerCase() === wanted.toLowerCase())
  const add = (item: Named) => {
    props.onChange([...selected, item.id], item)
    setQ('')
  }
  const create = async () => {
    if (!props.onCreate) return
    try {
      add(await props.onCreate(wanted))
    } catch (error) {
      setProblem((error as Error).message)
    }
  }

  return (
    <fieldset
      class="side-field multi-select"
      onFocusOut={(event) => {
        const next = event.relatedTarget
        if (!(next instanceof Node && event.currentTarget.contains(next))) setOpen(false)
      }}
    >
      <legend class="side-field__label">{props.label}</legend>
      {selected.length > 0 ? (
        <ul class="multi-select__chosen" aria-label={`Chosen: ${props.label.toLowerCase()}`}>
          {selected.map((itemId) => {
            const name = names.get(itemId) ?? `#${itemId}`
            return (
              <li key={itemId} class="chip">
                <span>{name}</span>
                <button
                  type="button"
                  class="chip__remove"
                  aria-label={`Remove ${noun} ${name}`}
                  onClick={() => props.onChange(selected.filter((other) => other !== itemId))}
                >
                  ×
                </button>
              </li>
            )
          })}
        </ul>
      ) : null}
      <label for={`${id}-q`} class="visually-hidden">
        Find a {noun} to add
      </label>
      <input
        id={`${id}-q`}
        type="search"
        placeholder={`Add ${noun}…`}
        value={q}
        aria-controls={`${id}-found`}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? `${id}-error` : undefined}
        onFocus={() => setOpen(true)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && open) {
            event.preventDefault()
            setOpen(false)
          }
        }}
        onInput={(event) => {
          setQ(event.currentTarget.value)
          setProblem('')
          setOpen(true)
        }}
      />
      {open ? (
        <ul id={`${id}-found`} class="multi-select__found" aria-label={`Matching ${noun}s`}>
          {offered.map((item) => (
            <li key={item.id}>
              <button type="button" class="multi-select__option" onClick={() => add(item)}>
                {item.name}
              </button>
            </li>
          ))}
          {props.onCreate && wanted && !exists ? (
            <li>
              <button type="button" class="multi-select__option" onClick={create}>
                Create {noun} “{wanted}”
              </button>
            </li>
          ) : null}
        </ul>
      ) : null}
      {problem || props.error ? (
        <p id={`${id}-error`} class="side-field__error">
          {problem || props.error}
        </p>
      ) : null}
    </fieldset>
  )
}
