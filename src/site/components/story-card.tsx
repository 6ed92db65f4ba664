// A story in a list: headline, dek, time and, when it has one, its photo.
import type { ArticleSummary } from '../../content/content.types.ts'
import type { PageContext } from '../page-context.ts'
import { Picture } from './picture.tsx'

type Variant = 'lead' | 'standard' | 'compact'

const SIZES: Record<Variant, string> = {
  lead: '(min-width: 1100px) 720px, (min-width: 700px) 66vw, 100vw',
  standard: '(min-width: 700px) 240px, 100vw',
  compact: '120px',
}

export function StoryCard(props: {
  ctx: PageContext
  story: ArticleSummary
  variant?: Variant
  eager?: boolean
}) {
  const { ctx, story } = props
  const variant = props.variant ?? 'standard'
  const url = ctx.urls.article(story)
  const section = ctx.catalogue.sectionById(story.sectionId)
  return (
    <article class={`story-card story-card--${variant}`}>
      {story.lead && variant !== 'compact' && (
        <div class="story-card__media">
          <Picture media={story.lead} urls={ctx.urls} sizes={SIZES[variant]} eager={props.eager} />
        </div>
      )}
      <div class="story-card__text">
        {section && variant !== 'compact' && <span class="kicker">{section.name}</span>}
        <h3 class="story-card__headline">
          {story.breaking && <span class="badge">{ctx.t('newsfeed.breaking')}</span>}
          <a href={url}>{story.headline}</a>
        </h3>
        {variant !== 'compact' && story.dek && <p class="story-card__dek">{story.dek}</p>}
        <time datetime={ctx.formats.iso(story.publishedAt)}>
          {ctx.formats.dateTime(story.publishedAt)}
        </time>
      </div>
    </article>
  )
}
