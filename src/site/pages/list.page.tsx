// A paged list of stories: the section, tag and author pages.
import type { ComponentChildren } from 'preact'
import type { ArticleSummary, Page } from '../../content/content.types.ts'
import type { FeedScope } from '../../discovery/feed-links.ts'
import { Pagination } from '../components/pagination.tsx'
import { StoryCard } from '../components/story-card.tsx'
import type { PageContext } from '../page-context.ts'
import type { Alternate, PageView } from '../page-view.ts'

export function listPage(props: {
  ctx: PageContext
  /** The document title of page 1. */
  title: string
  heading: string
  /** A small label above the heading, e.g. "Topic". */
  kicker?: string
  description?: string
  /** Path of page 1. */
  base: string
  list: Page<ArticleSummary>
  sectionId?: number
  /** The same list in other editions, such as a section of the same address. */
  alternates?: Alternate[]
  intro?: ComponentChildren
  /** The section, tag or author whose feeds the head announces. */
  feed?: FeedScope
}): PageView {
  const { ctx, list } = props
  const title =
    list.page === 1
      ? props.title
      : ctx.t('list.pageTitle', { title: props.title, page: ctx.formats.number(list.page) })
  return {
    ctx,
    title,
    description: props.description,
    canonical: list.page === 1 ? props.base : `${props.base}?page=${list.page}`,
    sectionId: props.sectionId,
    alternates: props.alternates,
    feed: props.feed,
    main: (
      <>
        <header class="list-header">
          {props.kicker && <span class="kicker">{props.kicker}</span>}
          <h1>{props.heading}</h1>
          {props.description && <p class="list-header__description">{props.description}</p>}
          {props.intro}
        </header>
        {list.items.length === 0 ? (
          <p class="empty">{ctx.t('section.empty')}</p>
        ) : (
          <div class="story-list">
            {list.items.map((story, i) => (
              <StoryCard ctx={ctx} story={story} eager={i === 0} />
            ))}
          </div>
        )}
        <Pagination ctx={ctx} base={props.base} page={list.page} hasNext={list.hasNext} />
      </>
    ),
  }
}
