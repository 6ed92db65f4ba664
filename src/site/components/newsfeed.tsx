// The edition's latest headlines beside every page; the live script keeps it up to date.
import type { NewsfeedItem } from '../../content/content.types.ts'
import type { PageContext } from '../page-context.ts'

export function Newsfeed({ ctx }: { ctx: PageContext }) {
  return (
    <aside
      class="newsfeed"
      aria-labelledby="newsfeed-title"
      data-stream={`/${ctx.edition.code}/newsfeed/stream`}
      data-last-event-id={ctx.newsfeed.lastEventId}
    >
      <h2 id="newsfeed-title" class="newsfeed__title">
        <a href={`/${ctx.edition.code}/newsfeed`}>{ctx.t('newsfeed.title')}</a>
      </h2>
      <ol class="newsfeed__list" aria-live="polite">
        {ctx.newsfeed.items.map((item) => (
          <li
            class={item.breaking ? 'newsfeed__item newsfeed__item--breaking' : 'newsfeed__item'}
            data-id={item.id}
          >
            <time datetime={ctx.formats.iso(item.publishedAt)}>
              {ctx.formats.feedTime(item.publishedAt, ctx.now)}
            </time>
            <a href={ctx.urls.article(item)}>{item.headline}</a>
          </li>
        ))}
      </ol>
    </aside>
  )
}

/** The newest breaking story in the newsfeed, as a banner under the masthead; dismissible with JS on. */
export function BreakingBanner({ ctx }: { ctx: PageContext }) {
  const story: NewsfeedItem | undefined = ctx.newsfeed.items.find((item) => item.breaking)
  return (
    <div
      class="breaking-slot"
      data-label={ctx.t('newsfeed.breaking')}
      data-dismiss={ctx.t('newsfeed.dismiss')}
    >
      {story && (
        <div class="breaking-banner" role="alert" data-id={story.id}>
          <span class="badge">{ctx.t('newsfeed.breaking')}</span>{' '}
          <a href={ctx.urls.article(story)}>{story.headline}</a>
        </div>
      )}
    </div>
  )
}
