// Scheduled stories go public through the jobs table: one job per story, written in the same
// transaction as the schedule, run exactly once at its time by whichever instance takes it.
import type { ArticleService, Schedule } from '../content/article.service.ts'
import type { Clock } from '../platform/clock.ts'
import type { JobHandler } from '../platform/jobs/job-runner.ts'
import { cancel, replace } from '../platform/jobs/jobs.repository.ts'

const KIND = 'story.publish'
const keyOf = (articleId: number) => `publish:${articleId}`

export function createScheduledPublishing(deps: { clock: Clock }) {
  const schedule: Schedule = {
    async set(trx, articleId, at) {
      await replace(trx, {
        kind: KIND,
        key: keyOf(articleId),
        payload: { articleId },
        runAt: at,
        now: deps.clock.now(),
      })
    },
    async clear(trx, articleId) {
      await cancel(trx, KIND, keyOf(articleId))
    },
  }

  return {
    schedule,
    handlers: (articles: ArticleService): Record<string, JobHandler> => ({
      [KIND]: async (trx, payload) => {
        const event = await articles.goLive(trx, Number(payload.articleId))
        if (event) return () => articles.announce(event)
      },
    }),
  }
}
