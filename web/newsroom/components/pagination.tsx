// Previous / next buttons under a paged list, with where the reader is ("Page 2 of 9").
import { Button } from './button.tsx'

export function Pagination(props: {
  page: number
  pageSize: number
  total: number
  onPage: (page: number) => void
  label?: string
}) {
  const pages = Math.max(1, Math.ceil(props.total / Math.max(1, props.pageSize)))
  if (pages <= 1 && props.page <= 1) return null
  return (
    <nav class="pagination" aria-label={props.label ?? 'Pages'}>
      <Button disabled={props.page <= 1} onClick={() => props.onPage(props.page - 1)}>
        ← Previous
      </Button>
      <span class="pagination-where">
        Page {props.page} of {pages}
      </span>
      <Button disabled={props.page >= pages} onClick={() => props.onPage(props.page + 1)}>
        Next →
      </Button>
    </nav>
  )
}
