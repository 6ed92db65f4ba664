// The newsroom's side of the newsletters: counts, search, removal, CSV export and import with the
// consent date, and each edition's digest time.
import type { Catalogue } from '../content/catalogue.ts'
import type { Edition } from '../content/content.types.ts'
import type { Clock } from '../platform/clock.ts'
import type { Db } from '../platform/db/database.ts'
import { invalidInput, notFound } from '../platform/errors.ts'
import type { CountRow, NewsletterRepository } from './newsletter.repository.ts'
import { NEWSLETTER_LISTS, type NewsletterList, type SubscriberStatus } from './newsletter.table.ts'
import type { Subscriber } from './newsletter.types.ts'
import { type ImportProblem, readImport, subscribersCsv } from './newsletter-csv.ts'
import type { NewsletterIssues } from './newsletter-issues.ts'
import { DEFAULT_DIGEST_TIME, parseDigestTime } from './newsletter-schedule.ts'

export const SUBSCRIBERS_PAGE = 50
/** Problems an import reports line by line; past this many, only their number. */
const PROBLEMS_SHOWN = 1000

export interface SubscriberJson {
  id: number
  editionId: number
  email: string
  lists: NewsletterList[]
  status: SubscriberStatus
  source: string
  consentAt: string | null
  createdAt: string
  unsubscribedAt: string | null
}

export interface ImportReport {
  /** New subscribers. */
  added: number
  /** Subscribers already here, their lists joined with the file's. */
  merged: number
  /** Read, but not taken: the address bounced, or unsubscribed after the consent date. */
  skipped: ImportProblem[]
  /** Lines that could not be read. */
  problems: ImportProblem[]
  /** How many problems and skipped lines there were in all, shown or not. */
  problemCount: number
  skippedCount: number
}

const json = (s: Subscriber): SubscriberJson => ({
  id: s.id,
  editionId: s.editionId,
  email: s.email,
  lists: s.lists,
  status: s.status,
  source: s.source,
  consentAt: s.consentAt?.toISOString() ?? null,
  createdAt: s.createdAt.toISOString(),
  unsubscribedAt: s.unsubscribedAt?.toISOString() ?? null,
})

export function createNewsletterAdmin(deps: {
  db: Db
  repository: NewsletterRepository
  issues: Pick<NewsletterIssues, 'reschedule' | 'ensureSchedule' | 'nextDigestAt'>
  catalogue: Pick<Catalogue, 'editionById'>
  clock: Clock
}) {
  const { db, repository, clock } = deps

  const editionOf = (id: number): Edition => {
    const edition = deps.catalogue.editionById(id)
    if (!edition) throw notFound('edition')
    return edition
  }

  const settings = async (editionId: number) => {
    const edition = editionOf(editionId)
    const digestTime = (await repository.digestTime(db, editionId)) ?? DEFAULT_DIGEST_TIME
    return {
      digestTime,
      timeZone: edition.timeZone,
      nextDigestAt: deps.issues.nextDigestAt(edition, digestTime).toISOString(),
    }
  }

  return {
    async counts(): Promise<{ items: CountRow[] }> {
      return { items: await repository.counts() }
    },

    async search(filter: {
      editionId?: number
      q?: string
      status?: SubscriberStatus
      list?: NewsletterList
      page: number
    }) {
      const { items, total } = await repository.search({
        ...filter,
        q: filter.q?.trim().toLowerCase() || undefined,
        limit: SUBSCRIBERS_PAGE,
        offset: (filter.page - 1) * SUBSCRIBERS_PAGE,
      })
      return {
        items: items.map(json),
        page: filter.page,
        total,
        hasNext: filter.page * SUBSCRIBERS_PAGE < total,
      }
    },

    /** Forgets the subscriber and what was sent to them. */
    async remove(id: number): Promise<void> {
      if (!(await repository.remove(id))) throw notFound('subscriber')
    },

    /** Takes the subscriber off every list, as their own link would. */
    async unsubscribe(id: number): Promise<SubscriberJson> {
      return db.transaction().execute(async (trx) => {
        const subscriber = await repository.byId(id, trx)
        if (!subscriber) throw notFound('subscriber')
        const at = clock.now().toISOString()
        if (subscriber.status !== 'bounced')
          await repository.update(trx, id, {
            lists: [],
            status: 'unsubscribed',
            unsubscribedAt: subscriber.unsubscribedAt?.toISOString() ?? at,
            at,
          })
        const updated = await repository.byId(id, trx)
        return json(updated ?? subscriber)
      })
    },

    async exportCsv(editionId: number): Promise<string> {
      editionOf(editionId)
      return subscribersCsv(await repository.ofEdition(editionId))
    },

    /**
     * Adds the file's subscribers as confirmed, with the consent date it gives. Addresses known
     * already are merged; those that bounced, or unsubscribed after that date, are left as they are.
     */
    async importCsv(editionId: number, text: string): Promise<ImportReport> {
      const edition = editionOf(editionId)
      const { rows, problems } = readImport(text, clock.now())
      const skipped: ImportProblem[] = []
      let added = 0
      let merged = 0
      await db.transaction().execute(async (trx) => {
        const emails = rows.map((row) => row.email)
        const known = await repository.byEmails(trx, editionId, emails)
        const suppressed = await repository.suppressedAmong(trx, emails)
        const at = clock.now().toISOString()
        const fresh = []
        for (const row of rows) {
          const subscriber = known.get(row.email)
          if (suppressed.has(row.email) || subscriber?.status === 'bounced') {
            skipped.push({ line: row.line, message: `${row.email} bounced or complained` })
            continue
          }
          if (!subscriber) {
            fresh.push({ ...row, consentAt: row.consentAt.toISOString() })
            continue
          }
          if (subscriber.status === 'unsubscribed' && subscriber.unsubscribedAt! > row.consentAt) {
            skipped.push({
              line: row.line,
              message: `${row.email} unsubscribed after the consent date`,
            })
            continue
          }
          const confirmed = subscriber.status === 'confirmed'
          await repository.update(trx, subscriber.id, {
            lists: confirmed
              ? NEWSLETTER_LISTS.filter(
                  (l) => subscriber.lists.includes(l) || row.lists.includes(l),
                )
              : row.lists,
            status: 'confirmed',
            ...(!confirmed && { consentAt: row.consentAt.toISOString(), unsubscribedAt: null }),
            at,
          })
          merged++
        }
        await repository.insertMany(trx, editionId, fresh, at)
        added = fresh.length
        if (added + merged > 0) await deps.issues.ensureSchedule(trx, edition)
      })
      return {
        added,
        merged,
        skipped: skipped.slice(0, PROBLEMS_SHOWN),
        problems: problems.slice(0, PROBLEMS_SHOWN),
        skippedCount: skipped.length,
        problemCount: problems.length,
      }
    },

    settings,

    async saveSettings(editionId: number, input: { digestTime: unknown }) {
      const edition = editionOf(editionId)
      const digestTime = parseDigestTime(input.digestTime)
      if (!digestTime)
        throw invalidInput('digestTime', 'digestTime must be a time of day such as 07:00')
      await db.transaction().execute((trx) => deps.issues.reschedule(trx, edition, digestTime))
      return settings(editionId)
    },
  }
}

export type NewsletterAdmin = ReturnType<typeof createNewsletterAdmin>
