// Names for what a page shows, so a change to a story can find every page that shows it.
import type { StoryEvent } from './events.ts'

export const surrogate = {
  home: (editionId: number) => `home-${editionId}`,
  newsfeed: (editionId: number) => `newsfeed-${editionId}`,
  section: (sectionId: number) => `section-${sectionId}`,
  tag: (tagId: number) => `tag-${tagId}`,
  author: (authorId: number) => `author-${authorId}`,
  article: (articleId: number) => `article-${articleId}`,
  /** The story's own page, which shows its comment count. */
  comments: (articleId: number) => `comments-${articleId}`,
}

/** Every page a change to this story can alter: its own, and each list it is (or now belongs) in. */
export function keysOf(event: StoryEvent): string[] {
  return [
    surrogate.article(event.articleId),
    surrogate.section(event.sectionId),
    surrogate.home(event.editionId),
    surrogate.newsfeed(event.editionId),
    ...event.tagIds.map(surrogate.tag),
    ...event.authorIds.map(surrogate.author),
  ]
}
