// The way on at the end of a story: a plain link to the next one, which the page's script follows
// by itself, appending stories until MAX_DEPTH and leaving the link after that.
import type { ArticleSummary } from '../../content/content.types.ts'
import type { PageContext } from '../page-context.ts'

/** How many stories are appended below the one a reader opened, before only the link is left. */
export const MAX_DEPTH = 10

export function NextStory({
  ctx,
  from,
  next,
  depth,
}: {
  ctx: PageContext
  /** The story this one follows; the fragment is asked for by its id. */
  from: number
  next: ArticleSummary | undefined
  /** Which appended story `next` would be: 1 below the opened story. */
  depth: number
}) {
  if (!next) return null
  const { t, urls, edition } = ctx
  const append = depth <= MAX_DEPTH
  return (
    <nav
      class="next-story"
      aria-label={t('article.nextStory')}
      data-fragment={append ? urls.nextStory(edition, from, depth) : undefined}
      data-depth={append ? depth : undefined}
    >
      <a href={urls.article(next)} rel="next">
        {t('article.next', { headline: next.headline })}
      </a>
    </nav>
  )
}
