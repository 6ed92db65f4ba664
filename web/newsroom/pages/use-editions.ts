// The editions with their sections, fetched once per visit: they change rarely and many views need them.
import { useEffect, useState } from 'preact/hooks'
import { api, type Edition } from '../api.ts'
import { useApp } from '../app-context.ts'

let editions: Promise<Edition[]> | null = null

export function useEditions(): Edition[] | null {
  const { handleError, notify } = useApp()
  const [list, setList] = useState<Edition[] | null>(null)
  useEffect(() => {
    let current = true
    editions ??= api.editions().then((answer) => answer.items)
    editions.then(
      (items) => current && setList(items),
      (error: unknown) => {
        editions = null
        if (current) notify(handleError(error))
      },
    )
    return () => {
      current = false
    }
  }, [handleError, notify])
  return list
}

/** Finds an edition and a section in it by their ids, for names in lists. */
export function placeOf(list: Edition[] | null, editionId: number, sectionId: number) {
  const edition = list?.find((item) => item.id === editionId)
  const section = edition?.sections.find((item) => item.id === sectionId)
  return { edition, section }
}
