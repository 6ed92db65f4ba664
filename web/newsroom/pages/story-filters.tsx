// The story list's filters, read from and written to the address so reload and back keep them.
import { useEffect, useRef, useState } from 'preact/hooks'
import type { Edition, Named, Status } from '../api.ts'
import { SelectField, TextField } from '../components/field.tsx'
import { STATUS_LABELS, STATUSES } from '../i18n.ts'

export interface StoryFilters {
  edition?: number | undefined
  section?: number | undefined
  status?: Status | undefined
  author?: number | undefined
  q: string
  page: number
}

const id = (text: string | null) => {
  const value = Number(text)
  return Number.isInteger(value) && value > 0 ? value : undefined
}

export function readFilters(query: URLSearchParams): StoryFilters {
  const status = query.get('status')
  return {
    edition: id(query.get('edition')),
    section: id(query.get('section')),
    status: STATUSES.find((known) => known === status),
    author: id(query.get('author')),
    q: query.get('q') ?? '',
    page: id(query.get('page')) ?? 1,
  }
}

export function StoryFiltersForm(props: {
  filters: StoryFilters
  editions: Edition[] | null
  authors: Named[]
  onChange: (changes: Partial<StoryFilters>, options?: { replace?: boolean }) => void
}) {
  const { filters, onChange } = props
  const edition = props.editions?.find((item) => item.id === filters.edition)
  const [text, setText] = useState(filters.q)
  const typed = useRef(false)

  // Back and forward change q under us: show what the address says.
  useEffect(() => {
    typed.current = false
    setText(filters.q)
  }, [filters.q])

  // Search as the reporter types, without a history entry per keystroke.
  useEffect(() => {
    if (!typed.current) return
    const timer = setTimeout(() => onChange({ q: text.trim() }, { replace: true }), 350)
    return () => clearTimeout(timer)
  }, [text, onChange])

  const number = (value: string) => (value ? Number(value) : undefined)
  return (
    <search aria-label="Filter stories">
      <form
        class="filters"
        onSubmit={(event) => {
          event.preventDefault()
          onChange({ q: text.trim() })
        }}
      >
        <TextField
          class="filters-search"
          label="Search"
          type="search"
          placeholder="Words of the headline"
          value={text}
          onValue={(value) => {
            typed.current = true
            setText(value)
          }}
        />
        <SelectField
          label="Edition"
          value={filters.edition ?? ''}
          onValue={(value) =>
            onChange({ edition: number(value), section: undefined, author: undefined })
          }
        >
          <option value="">All editions</option>
          {props.editions?.map((item) => (
            <option key={item.id} value={item.id}>
              {item.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Section"
          value={filters.section ?? ''}
          disabled={!edition}
          title={edition ? undefined : 'Choose an edition first'}
          onValue={(value) => onChange({ section: number(value) })}
        >
          <option value="">All sections</option>
          {edition?.sections.map((section) => (
            <option key={section.id} value={section.id}>
              {section.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Status"
          value={filters.status ?? ''}
          onValue={(value) => onChange({ status: STATUSES.find((known) => known === value) })}
        >
          <option value="">Any status</option>
          {STATUSES.map((status) => (
            <option key={status} value={status}>
              {STATUS_LABELS[status]}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Byline"
          value={filters.author ?? ''}
          disabled={!edition}
          title={edition ? undefined : 'Choose an edition first'}
          onValue={(value) => onChange({ author: number(value) })}
        >
          <option value="">Any author</option>
          {props.authors.map((author) => (
            <option key={author.id} value={author.id}>
              {author.name}
            </option>
          ))}
        </SelectField>
      </form>
    </search>
  )
}
