// One story's page: the story, the stories related to it, and the way on to the next one.

import { type ChatLink, ChatLinks } from '../../chat/pages/chat-links.tsx'
import type { Article, Section } from '../../content/content.types.ts'
import { storyHead } from '../../discovery/structured-data.ts'
import { ArticleStory, storyTitle, translationsOf } from '../components/article-story.tsx'
import { CommentsSection } from '../components/comments-section.tsx'
import { NextStory } from '../components/next-story.tsx'
import { StoryCard } from '../components/story-card.tsx'
import type { PageContext } from '../page-context.ts'
import type { PageView } from '../page-view.ts'

export function articlePage({
  ctx,
  article,
  chatLinks = [],
}: {
  ctx: PageContext
  article: Article
  /** Topic rooms linked to the story's section or tags. */
  chatLinks?: ChatLink[]
}): PageView {
  const section = ctx.catalogue.sectionById(article.sectionId)
  const parent = section?.parentId ? ctx.catalogue.sectionById(section.parentId) : undefined
  const alternates = translationsOf(ctx, article)
  const head = storyHead({
    site: { name: ctx.siteName, origin: ctx.publicUrl },
    urls: ctx.urls,
    edition: ctx.edition,
    article,
    sections: [parent, section].filter((s): s is Section => s !== undefined),
    translations: alternates.map((a) => a.edition),
  })
  return {
    ctx,
    title: storyTitle(ctx, article),
    description: article.dek,
    canonical: ctx.urls.article(article),
    alternates: alternates.length > 0 ? alternates : undefined,
    ...head,
    sectionId: section?.parentId ?? section?.id,
    main: (
      <>
        <ArticleStory ctx={ctx} article={article} eager />
        <ChatLinks ctx={ctx} links={chatLinks} />
        <CommentsSection ctx={ctx} article={article} />
        {article.related.length > 0 && (
          <section class="related">
            <h2 class="block-title">{ctx.t('article.related')}</h2>
            <div class="story-grid">
              {article.related.map((story) => (
                <StoryCard ctx={ctx} story={story} />
              ))}
            </div>
          </section>
        )}
        <NextStory ctx={ctx} from={article.id} next={article.next} depth={1} />
      </>
    ),
  }
}
