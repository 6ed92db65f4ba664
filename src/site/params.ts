// Reading reader URLs: anything malformed becomes a PageError with the reason the page shows.
import { DomainError, HTTP_STATUS } from '../platform/errors.ts'
import type { MessageKey } from './i18n/messages.ts'

export class PageError extends Error {
  constructor(
    readonly status: 400 | 404 | 410,
    readonly reason?: MessageKey,
  ) {
    super(reason ?? String(status))
  }
}

/** The HTTP status an error thrown while answering a page stands for. */
export function statusOf(error: unknown): number {
  if (error instanceof PageError) return error.status
  if (error instanceof DomainError) return HTTP_STATUS[error.code]
  return (error as { statusCode?: number }).statusCode ?? 500
}

export const MAX_PAGE = 10_000
/** Story ids are 32-bit integers in both databases. */
const MAX_ID = 2_147_483_647
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
const SLUG_AND_ID = /^(?:([a-z0-9-]{1,120})-)?(\d{1,10})$/

export function parsePage(raw: unknown): number {
  if (raw === undefined) return 1
  const text = Array.isArray(raw) ? raw[0] : raw
  if (typeof text !== 'string' || !/^\d{1,6}$/.test(text)) throw new PageError(400, 'reason.page')
  const page = Number(text)
  if (page < 1 || page > MAX_PAGE) throw new PageError(400, 'reason.page')
  return page
}

/** A section, tag or author slug; anything else cannot name one, so the page is not there. */
export function parseSlug(raw: string): string {
  if (raw.length > 120 || !SLUG.test(raw)) throw new PageError(404)
  return raw
}

export function parseArticleRef(
  date: string,
  slugAndId: string,
): { date: string; slug: string; id: number } {
  if (!/^\d{8}$/.test(date)) throw new PageError(404)
  const match = SLUG_AND_ID.exec(slugAndId)
  if (!match) throw new PageError(404)
  const id = Number(match[2])
  if (!Number.isSafeInteger(id) || id < 1 || id > MAX_ID) throw new PageError(404)
  return { date, slug: match[1] ?? '', id }
}

/** A bare story number, as the addresses of page fragments carry it. */
export function parseStoryId(raw: string): number {
  if (!/^\d{1,10}$/.test(raw)) throw new PageError(400, 'reason.id')
  const id = Number(raw)
  if (id < 1 || id > MAX_ID) throw new PageError(400, 'reason.id')
  return id
}

/** The edition whose language the reader prefers, from an Accept-Language header. */
export function preferredEdition(
  header: string | undefined,
  editions: readonly { code: string; locale: string }[],
): string | undefined {
  if (!header) return undefined
  const ranked = header
    .slice(0, 500)
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';')
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
      return { lang: tag.toLowerCase().split('-')[0]!, q: q ? Number(q.slice(2)) || 0 : 1, index }
    })
    .filter((r) => r.lang && r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
  for (const { lang } of ranked) {
    const edition = editions.find(
      (e) => e.code === lang || e.locale.toLowerCase().split('-')[0] === lang,
    )
    if (edition) return edition.code
  }
  return undefined
}
