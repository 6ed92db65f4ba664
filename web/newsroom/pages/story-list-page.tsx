// The story list: filters kept in the address, a page of stories, and "New story".
import { useCallback, useEffect, useRef, useState } from 'preact/hooks'
import { api, type Named, type Page, type StorySummary } from '../api.ts'
import { useApp } from '../app-context.ts'
import { Button } from '../components/button.tsx'
import { PageHeader } from '../components/page-header.tsx'
import { Pagination } from '../components/pagination.tsx'
import { StatusMessage } from '../components/status-message.tsx'
import { formatCount } from '../i18n.ts'
import { navigate, withQuery } from '../router.ts'
import { NewStoryDialog } from './new-story-dialog.tsx'
import { readFilters, type StoryFilters, StoryFiltersForm } from './story-filters.tsx'
import { StoryTable } from './story-table.tsx'
import { useEditions } from './use-editions.ts'

export function StoryListPage(props: { query: URLSearchParams }) {
  const { can, handleError } = useApp()
  const editions = useEditions()
  const key = props.query.toString()
  const filters = readFilters(props.query)
  const [result, setResult] = useState<Page<StorySummary> | null>(null)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState('')
  const [authors, setAuthors] = useState<Named[]>([])
  const [creating, setCreating] = useState(false)

  useEffect(() => {
    let current = true
    const { edition, section, status, author, q, page } = filters
    setLoading(true)
    api
      .stories({ editionId: edition, sectionId: section, status, authorId: author, q, page })
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
  }, [key, handleError])

  useEffect(() => {
    if (!filters.edition) return setAuthors([])
    let current = true
    api.authors(filters.edition).then(
      (answer) => current && setAuthors(answer.items),
      (failure: unknown) => current && setError(handleError(failure)),
    )
    return () => {
      current = false
    }
  }, [filters.edition, handleError])

  const latest = useRef(filters)
  latest.current = filters
  const update = useCallback(
    (changes: Partial<StoryFilters>, options: { replace?: boolean } = {}) => {
      const next = { ...latest.current, page: 1, ...changes }
      const query = { ...next, page: next.page > 1 ? next.page : undefined }
      navigate(withQuery('/admin/stories', query), options)
    },
    [],
  )

  return (
    <>
      <PageHeader title="Stories">
        {can('story.create') && (
          <Button variant="primary" disabled={!editions?.length} onClick={() => setCreating(true)}>
            New story
          </Button>
        )}
      </PageHeader>
      <StoryFiltersForm filters={filters} editions={editions} authors={authors} onChange={update} />
      <StatusMessage message={error} />
      <section class="list" aria-busy={loading} aria-label="Stories">
        <p class="list-count" aria-live="polite">
          {result && formatCount(result.total, 'story', 'stories')}
          {loading && <span class="loading"> Loading…</span>}
        </p>
        {result && result.items.length > 0 && (
          <StoryTable stories={result.items} editions={editions} />
        )}
        {result && result.items.length === 0 && !loading && (
          <p class="empty">No stories match these filters.</p>
        )}
        {result && (
          <Pagination
            page={result.page}
            pageSize={result.pageSize}
            total={result.total}
            onPage={(page) => update({ page })}
            label="Story pages"
          />
        )}
      </section>
      {creating && editions && (
        <NewStoryDialog
          editions={editions}
          editionId={filters.edition}
          sectionId={filters.section}
          onClose={() => setCreating(false)}
        />
      )}
    </>
  )
}
