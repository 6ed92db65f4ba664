// Tags and byline for the side panel: searched in the story's edition, tags created when permitted.
import { useCallback, useMemo, useRef, useState } from 'preact/hooks'
import { api, type Named } from '../api.ts'
import { MultiSelect } from './multi-select.tsx'

const pairs = (items: Named[]) => items.map((item) => [item.id, item.name] as const)

/**
 * Names for the chosen ids: the story's own as last saved (the server's, kept in step by every
 * save), and those picked or created here since.
 */
function useNames(known: Named[]) {
  const [picked, setPicked] = useState<ReadonlyMap<number, string>>(new Map())
  const remember = useCallback((item: Named | undefined) => {
    if (item) setPicked((old) => new Map([...old, [item.id, item.name]]))
  }, [])
  const names = useMemo(() => new Map([...picked, ...pairs(known)]), [picked, known])
  return { names, remember }
}

export function TagsField(props: {
  editionId: number
  selected: number[]
  known: Named[]
  canCreate: boolean
  error?: string | undefined
  onChange: (ids: number[]) => void
}) {
  const { editionId } = props
  const { names, remember } = useNames(props.known)
  const search = useCallback(async (q: string) => (await api.tags(editionId, q)).items, [editionId])
  const create = props.canCreate ? (name: string) => api.createTag({ editionId, name }) : undefined
  return (
    <MultiSelect
      label="Tags"
      noun="tag"
      selected={props.selected}
      names={names}
      search={search}
      onCreate={create}
      error={props.error}
      onChange={(ids, added) => {
        remember(added)
        props.onChange(ids)
      }}
    />
  )
}

export function BylineField(props: {
  editionId: number
  selected: number[]
  known: Named[]
  error?: string | undefined
  onChange: (ids: number[]) => void
}) {
  const { editionId } = props
  const { names, remember } = useNames(props.known)
  const all = useRef<Promise<Named[]> | null>(null)
  // The API lists an edition's authors in one answer (asked once, on the first search), so
  // matching happens here.
  const search = useCallback(
    async (q: string) => {
      all.current ??= api.authors(editionId).then(
        (page) => page.items,
        (error: unknown) => {
          all.current = null
          throw error
        },
      )
      const words = q.toLowerCase()
      return (await all.current).filter((author) => author.name.toLowerCase().includes(words))
    },
    [editionId],
  )
  return (
    <MultiSelect
      label="Byline"
      noun="author"
      selected={props.selected}
      names={names}
      search={search}
      error={props.error}
      onChange={(ids, added) => {
        remember(added)
        props.onChange(ids)
      }}
    />
  )
}
