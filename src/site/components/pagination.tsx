// Newer / older links under a list; page 1 has no number in its address.
import type { PageContext } from '../page-context.ts'

export function Pagination(props: {
  ctx: PageContext
  base: string
  page: number
  hasNext: boolean
}) {
  const { ctx, base, page, hasNext } = props
  if (page === 1 && !hasNext) return null
  const href = (n: number) => (n === 1 ? base : `${base}?page=${n}`)
  return (
    <nav class="pagination" aria-label={ctx.t('list.pagination')}>
      {page > 1 && (
        <a rel="prev" href={href(page - 1)}>
          {ctx.t('list.newer')}
        </a>
      )}
      {hasNext && (
        <a rel="next" href={href(page + 1)}>
          {ctx.t('list.older')}
        </a>
      )}
    </nav>
  )
}
