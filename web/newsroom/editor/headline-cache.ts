// Headlines of related stories for the body's cards: asked once per story, seeded from what is known.
import { ApiError, api } from '../api.ts'

export interface HeadlineCache {
  headline: (articleId: number) => Promise<string | null>
  remember: (articleId: number, headline: string) => void
}

export function createHeadlineCache(known: { id: number; headline: string }[]): HeadlineCache {
  const headlines = new Map<number, Promise<string | null>>()
  const remember = (articleId: number, headline: string) => {
    headlines.set(articleId, Promise.resolve(headline))
  }
  for (const story of known) remember(story.id, story.headline)
  return {
    remember,
    headline: (articleId) => {
      let answer = headlines.get(articleId)
      if (!answer) {
        answer = api.story(articleId).then(
          (story) => story.headline,
          (error: unknown) => {
            // Not found is an answer; anything else may work next time.
            if (error instanceof ApiError && error.status === 404) return null
            headlines.delete(articleId)
            throw error
          },
        )
        headlines.set(articleId, answer)
      }
      return answer
    },
  }
}
