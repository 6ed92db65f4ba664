// An edition's front page: the top story, the latest stories, a block per section.
import type { ArticleSummary, Section } from '../../content/content.types.ts'
import { homeHead } from '../../discovery/structured-data.ts'
import { StoryCard } from '../components/story-card.tsx'
import type { PageContext } from '../page-context.ts'
import type { PageView } from '../page-view.ts'

export function homePage(props: {
  ctx: PageContext
  top: ArticleSummary | null
  latest: ArticleSummary[]
  blocks: { section: Section; items: ArticleSummary[] }[]
}): PageView {
  const { ctx, top } = props
  const { t, edition } = ctx
  const title = t('home.title', { site: ctx.siteName })
  const description = t('home.description', { site: ctx.siteName })
  const others = ctx.catalogue.editions().filter((e) => e.id !== edition.id)
  return {
    ctx,
    title,
    description,
    canonical: ctx.urls.edition(edition),
    alternates: others.map((e) => ({ edition: e, href: ctx.urls.edition(e) })),
    // The site's root sends each reader to the edition of their language.
    xDefault: '/',
    ...homeHead({
      site: { name: ctx.siteName, origin: ctx.publicUrl },
      urls: ctx.urls,
      edition,
      others,
      title,
      description,
    }),
    main: (
      <>
        <h1 class="visually-hidden">{title}</h1>
        {top && (
          <section class="top-story" aria-label={t('home.topStory')}>
            <StoryCard ctx={ctx} story={top} variant="lead" eager />
          </section>
        )}
        {props.latest.length > 0 && (
          <section class="home-latest">
            <h2 class="block-title">{t('home.latest')}</h2>
            <div class="story-grid">
              {props.latest.map((story) => (
                <StoryCard ctx={ctx} story={story} />
              ))}
            </div>
          </section>
        )}
        {props.blocks.map(({ section, items }) => (
          <section class="section-block">
            <h2 class="block-title">
              <a href={ctx.urls.section(edition, section)}>{section.name}</a>
            </h2>
            <div class="story-grid story-grid--compact">
              {items.map((story, i) => (
                <StoryCard ctx={ctx} story={story} variant={i === 0 ? 'standard' : 'compact'} />
              ))}
            </div>
            <a class="more-link" href={ctx.urls.section(edition, section)}>
              {t('home.more', { section: section.name })}
            </a>
          </section>
        ))}
      </>
    ),
  }
}
