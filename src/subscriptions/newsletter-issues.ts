// Newsletter issues: one row per edition, list and day (the digest) or story (the breaking alert),
// unique, so however many instances and restarts there are, each is made once. Making one is a
// chain of jobs: the digest's scheduler (one per edition, re-enqueued for the next local send
// time) or a breaking story's outbox writes the issue; its preparation fixes the stories and
// queues one sending job per batch of subscribers.
import type { Catalogue } from '../content/catalogue.ts'
import type { Edition, NewsfeedItem } from '../content/content.types.ts'
import type { StoryEvent } from '../live/events.ts'
import type { Clock } from '../platform/clock.ts'
import type { Db } from '../platform/db/database.ts'
import type { JobHandler, JobLog } from '../platform/jobs/job-runner.ts'
import { enqueue, replace } from '../platform/jobs/jobs.repository.ts'
import { translator } from '../site/i18n/messages.ts'
import type { NewsletterRepository } from './newsletter.repository.ts'
import type { IssueContent, IssueStory } from './newsletter.types.ts'
import {
  createIssueRepository,
  type Issue,
  type IssueRepository,
  type StoryRow,
} from './newsletter-issues.repository.ts'
import { DEFAULT_DIGEST_TIME, nextDigest, zonedInstant } from './newsletter-schedule.ts'

export const DIGEST_JOB = 'newsletter.digest'
export const ISSUE_JOB = 'newsletter.issue'
export const BATCH_JOB = 'newsletter.batch'

const HOUR = 60 * 60_000
/** The stories of a digest: those of the day before its send time, at most this many. */
const DIGEST_STORIES = 10
const DIGEST_WINDOW_MS = 24 * HOUR
/** A digest whose time passed this long ago while no instance ran is skipped, not sent late. */
const DIGEST_STALE_MS = 6 * HOUR

const digestKey = (editionId: number) => `digest:${editionId}`

/** Records a breaking story's alert in the publish's transaction: once per story, ever. */
export function createNewsletterOutbox(deps: { db: Db; clock: Clock }) {
  const issues = createIssueRepository(deps.db)
  return {
    outbox: {
      async storyChanged(trx: Db, event: StoryEvent): Promise<void> {
        if (!event.breaking || (event.kind !== 'published' && event.kind !== 'breaking')) return
        const now = deps.clock.now()
        const id = await issues.insert(trx, {
          editionId: event.editionId,
          list: 'breaking',
          key: `story:${event.articleId}`,
          articleId: event.articleId,
          at: now.toISOString(),
        })
        if (id !== undefined)
          await enqueue(trx, {
            kind: ISSUE_JOB,
            key: `issue:${id}`,
            payload: { issueId: id },
            runAt: now,
            now,
          })
      },
    },
  }
}

export function createNewsletterIssues(deps: {
  db: Db
  clock: Clock
  log: JobLog
  catalogue: Pick<Catalogue, 'editionById'>
  subscribers: NewsletterRepository
  siteName: string
  batchSize: number
  /** The story's public address, absolute. */
  articleUrl: (story: NewsfeedItem) => string
  /** A photo's rendition for mail, absolute. */
  photoUrl: (mediaId: number) => string
}) {
  const { clock, catalogue, subscribers } = deps
  const issues: IssueRepository = createIssueRepository(deps.db)
  const dayFormats = new Map<string, Intl.DateTimeFormat>()

  const dayOf = (edition: Edition, day: string) => {
    const key = `${edition.locale}|${edition.timeZone}`
    let format = dayFormats.get(key)
    if (!format) {
      format = new Intl.DateTimeFormat(edition.locale, {
        timeZone: edition.timeZone,
        dateStyle: 'long',
      })
      dayFormats.set(key, format)
    }
    return format.format(zonedInstant(day, '12:00', edition.timeZone))
  }

  const scheduleDigest = (trx: Db, edition: Edition, time: string) => {
    const next = nextDigest(clock.now(), edition.timeZone, time)
    return replace(trx, {
      kind: DIGEST_JOB,
      key: digestKey(edition.id),
      payload: { editionId: edition.id, day: next.day },
      runAt: next.at,
      now: clock.now(),
    })
  }

  const storyOf = (row: StoryRow): IssueStory => ({
    id: row.id,
    headline: row.headline,
    dek: row.dek,
    url: deps.articleUrl(row),
    breaking: row.breaking,
    image: row.media && {
      src: deps.photoUrl(row.media.id),
      alt: row.media.alt,
      width: row.media.width,
      height: row.media.height,
    },
  })

  /** What the issue says; undefined when there is nothing to send. */
  const contentOf = async (
    trx: Db,
    issue: Issue,
    edition: Edition,
  ): Promise<IssueContent | undefined> => {
    const t = translator(edition.locale)
    const now = clock.now()
    if (issue.list === 'breaking') {
      if (issue.articleId === null) return undefined
      const story = await issues.publicStory(trx, issue.articleId, now.toISOString())
      if (!story) return undefined
      return {
        subject: t('newsletter.breaking.subject', { headline: story.headline }),
        day: '',
        stories: [storyOf(story)],
      }
    }
    const since = new Date(now.getTime() - DIGEST_WINDOW_MS).toISOString()
    const rows = await issues.storiesBetween(
      trx,
      edition.id,
      since,
      now.toISOString(),
      DIGEST_STORIES,
    )
    if (rows.length === 0) return undefined
    const day = dayOf(edition, issue.key)
    return {
      subject: t('newsletter.digest.subject', { site: deps.siteName, day }),
      day,
      stories: rows.map(storyOf),
    }
  }

  /** The digest's scheduler: writes today's issue, then waits for the next local send time. */
  const digest: JobHandler = async (trx, payload, job) => {
    const edition = catalogue.editionById(Number(payload.editionId))
    if (!edition) return
    const time = (await subscribers.digestTime(trx, edition.id)) ?? DEFAULT_DIGEST_TIME
    const day = String(payload.day)
    const late = clock.now().getTime() - job.runAt.getTime()
    if (late > DIGEST_STALE_MS)
      deps.log.warn({ editionId: edition.id, day }, 'digest time long past; this digest is skipped')
    else {
      const id = await issues.insert(trx, {
        editionId: edition.id,
        list: 'digest',
        key: day,
        articleId: null,
        at: clock.now().toISOString(),
      })
      if (id !== undefined) await prepare(trx, { issueId: id }, job)
    }
    // This job's own row is among those replaced: it ends with the transaction either way.
    await scheduleDigest(trx, edition, time)
  }

  /** Fixes the issue's stories and queues a sending job for each batch of its subscribers. */
  const prepare: JobHandler = async (trx, payload) => {
    const issue = await issues.byId(trx, Number(payload.issueId))
    if (issue?.status !== 'preparing') return
    const edition = catalogue.editionById(issue.editionId)
    const content = edition && (await contentOf(trx, issue, edition))
    if (!content) return issues.update(trx, issue.id, { status: 'skipped' })
    const ids = await issues.recipientIds(trx, issue.editionId, issue.list)
    if (ids.length === 0) return issues.update(trx, issue.id, { status: 'empty', content })
    const now = clock.now()
    // Ranges of ids that meet end to end: whoever confirms between two batches' first ids while
    // the issue goes out still falls in one of them.
    for (let start = 0; start < ids.length; start += deps.batchSize) {
      const after = ids[start + deps.batchSize]
      await enqueue(trx, {
        kind: BATCH_JOB,
        payload: {
          issueId: issue.id,
          fromId: ids[start],
          toId: after === undefined ? ids.at(-1) : after - 1,
          attempt: 1,
        },
        runAt: now,
        now,
      })
    }
    await issues.update(trx, issue.id, { status: 'sending', content })
  }

  return {
    handlers: { [DIGEST_JOB]: digest, [ISSUE_JOB]: prepare } as Record<string, JobHandler>,

    /**
     * Gives the edition its settings row and its digest scheduler, unless it has them. Only the
     * transaction that writes the row enqueues the job, so there is one scheduler per edition.
     */
    async ensureSchedule(trx: Db, edition: Edition): Promise<void> {
      if (await subscribers.ensureSettings(trx, edition.id, DEFAULT_DIGEST_TIME))
        await scheduleDigest(trx, edition, DEFAULT_DIGEST_TIME)
    },

    /** A new digest time: the scheduler's job moves to its next occurrence. */
    async reschedule(trx: Db, edition: Edition, time: string): Promise<void> {
      await subscribers.ensureSettings(trx, edition.id, time)
      await subscribers.setDigestTime(trx, edition.id, time)
      await scheduleDigest(trx, edition, time)
    },

    nextDigestAt: (edition: Edition, time: string) =>
      nextDigest(clock.now(), edition.timeZone, time).at,
  }
}

export type NewsletterIssues = ReturnType<typeof createNewsletterIssues>
