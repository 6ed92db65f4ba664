// One page of the media library with its search, kept current as photos are uploaded or edited.
import { useEffect, useState } from 'preact/hooks'
import { api, type Media, type Page } from '../api.ts'
import { useApp } from '../app-context.ts'

export type MediaList = ReturnType<typeof useMediaList>

export function useMediaList() {
  const { handleError } = useApp()
  const [q, setQ] = useState('')
  const [page, setPage] = useState(1)
  const [result, setResult] = useState<Page<Media> | null>(null)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState('')

  useEffect(() => {
    let current = true
    setLoading(true)
    api
      .media({ q, page })
      .then(
        (answer) => {
          if (!current) return
          setResult(answer)
          setError('')
        },
        (failure: unknown) => {
          if (current) setError(handleError(failure))
        },
      )
      .finally(() => {
        if (current) setLoading(false)
      })
    return () => {
      current = false
    }
  }, [q, page, handleError])

  return {
    q,
    page,
    result,
    loading,
    error,
    search: (text: string) => {
      setQ(text)
      setPage(1)
    },
    setPage,
    /** A new upload joins the top of the unfiltered first page, where the newest are. */
    added: (media: Media) =>
      setResult((old) => {
        if (!old || q || page !== 1 || old.items.some((item) => item.id === media.id)) return old
        const items = [media, ...old.items].slice(0, old.pageSize)
        return { ...old, items, total: old.total + 1 }
      }),
    updated: (media: Media) =>
      setResult(
        (old) =>
          old && {
            ...old,
            items: old.items.map((item) => (item.id === media.id ? media : item)),
          },
      ),
  }
}
