// The reader's search: the page /{edition}/search?q=&section=&from=&to=&page= in the site's layout,
// never cached, and /{edition}/search/suggest?q= with headlines for the search box as the reader types.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Catalogue } from '../content/catalogue.ts'
import type { Edition, NewsfeedList } from '../content/content.types.ts'
import type { Clock } from '../platform/clock.ts'
import { pageContext } from '../site/page-context.ts'
import { PageError, parsePage } from '../site/params.ts'
import { sendPage } from '../site/render.ts'
import type { Urls } from '../site/urls.ts'
import { type SearchForm, searchPage } from './search.page.tsx'
import type { SearchService } from './search.service.ts'
import { MAX_QUERY_LENGTH } from './search-query.ts'

export interface SearchRouteDeps {
  search: SearchService
  catalogue: Catalogue
  urls: Urls
  clock: Clock
  newsfeed: (edition: Edition) => Promise<NewsfeedList>
  siteName: string
  publicUrl: string
  stylesheet: string
  script: string
}

type EditionParams = { edition: string }
type SearchQuery = Partial<Record<'q' | 'section' | 'from' | 'to' | 'page', string | string[]>>

/** Suggestions change as stories are published; a minute old is fresh enough for a search box. */
const SUGGEST_CACHE = 'public, max-age=60'
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/

/** A repeated parameter counts once: the first. */
const single = (raw: unknown): string => {
  const value = Array.isArray(raw) ? raw[0] : raw
  return typeof value === 'string' ? value : ''
}

function parseQueryText(raw: unknown): string {
  const text = single(raw).trim()
  if (text.length > MAX_QUERY_LENGTH) throw new PageError(400, 'reason.query')
  return text
}

/** A YYYY-MM-DD day as typed in a date field, checked to be a real day. */
function parseDay(raw: string): { year: number; month: number; day: number } | undefined {
  if (raw === '') return undefined
  const match = DAY.exec(raw)
  const [year, month, day] = match ? match.slice(1).map(Number) : []
  if (year === undefined || month === undefined || day === undefined || year < 1900)
    throw new PageError(400, 'reason.date')
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    throw new PageError(400, 'reason.date')
  return { year, month, day }
}

// How far the zone is ahead of UTC at an instant, in milliseconds.
function zoneOffset(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(instant))
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value)
  const wall = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  )
  return wall - Math.floor(instant / 1000) * 1000
}

/** Midnight starting a day in the edition's time zone, `plus` days later. */
export function startOfDay(
  day: { year: number; month: number; day: number },
  timeZone: string,
  plus = 0,
): Date {
  const wall = Date.UTC(day.year, day.month - 1, day.day + plus)
  const first = wall - zoneOffset(wall, timeZone)
  // Once more from the first guess, in case a clock change falls between it and midnight.
  return new Date(wall - zoneOffset(first, timeZone))
}

export async function searchRoutes(app: FastifyInstance, deps: SearchRouteDeps) {
  const { search, catalogue, clock } = deps

  const editionOf = (code: string): Edition => {
    const edition = catalogue.edition(code)
    if (!edition) throw new PageError(404)
    return edition
  }

  app.get<{ Params: EditionParams; Querystring: SearchQuery }>(
    '/:edition/search',
    async (request, reply) => {
      const edition = editionOf(request.params.edition)
      const query = request.query
      const form: SearchForm = {
        q: parseQueryText(query.q),
        section: single(query.section),
        from: single(query.from),
        to: single(query.to),
      }
      const page = parsePage(query.page)
      const section = form.section ? catalogue.section(edition.id, form.section) : undefined
      if (form.section && !section) throw new PageError(400, 'reason.section')
      const from = parseDay(form.from)
      const to = parseDay(form.to)
      const [newsfeed, results] = await Promise.all([
        deps.newsfeed(edition),
        search.search(edition, form.q, {
          page,
          sectionIds: section && catalogue.sectionFamily(section),
          from: from && startOfDay(from, edition.timeZone),
          until: to && startOfDay(to, edition.timeZone, 1),
        }),
      ])
      const ctx = pageContext(deps, edition, clock.now(), newsfeed)
      // Every search is different: kept by no cache, and left out of search engines.
      reply.header('cache-control', 'no-store').header('x-robots-tag', 'noindex')
      return sendPage(
        reply,
        searchPage({
          ctx,
          base: `${deps.urls.edition(edition)}/search`,
          form,
          results,
          sections: [...catalogue.topSections(edition.id)],
        }),
      )
    },
  )

  app.get<{ Params: EditionParams; Querystring: SearchQuery }>(
    '/:edition/search/suggest',
    { errorHandler: jsonError },
    async (request, reply) => {
      const edition = editionOf(request.params.edition)
      const text = parseQueryText(request.query.q)
      const items = await search.suggest(edition, text)
      return reply.header('cache-control', SUGGEST_CACHE).send({
        suggestions: items.map((item) => ({
          id: item.id,
          headline: item.headline,
          url: deps.urls.article(item),
        })),
      })
    },
  )
}

// The search box's script reads these; a status, a code and a sentence are all it needs.
function jsonError(error: Error, request: FastifyRequest, reply: FastifyReply) {
  const status =
    error instanceof PageError
      ? error.status
      : ((error as { statusCode?: number }).statusCode ?? 500)
  if (status >= 500) request.log.error({ err: error }, 'search suggestions failed')
  const code = status === 404 ? 'not_found' : status < 500 ? 'invalid_input' : 'server_error'
  const message =
    status === 404
      ? 'There is no such edition.'
      : error instanceof PageError && error.reason === 'reason.query'
        ? `The search must be at most ${MAX_QUERY_LENGTH} characters.`
        : status < 500
          ? 'The request was not valid.'
          : 'Something went wrong.'
  return reply.code(status).header('cache-control', 'no-store').send({ error: { code, message } })
}
