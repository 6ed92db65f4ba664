// The edition's latest headlines beside every page.
import type { PageContext } from '../page-context.ts'

export function Newsfeed({ ctx }: { ctx: PageContext }) {
  return (
    <aside class="newsfeed" aria-labelledby="newsfeed-title">
      <h2 id="newsfeed-title" class="newsfeed__title">
        {ctx.t('newsfeed.title')}
      </h2>
      <ol class="newsfeed__list">
        {ctx.newsfeed.map((item) => (
          <li class={item.breaking ? 'newsfeed__item newsfeed__item--breaking' : 'newsfeed__item'}>
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
