// The Content API's endpoints: editions, sections, tags, authors, stories (lists and one), search.
import type { Catalogue } from '../content/catalogue.ts'
import type { Edition } from '../content/content.types.ts'
import type { ReadingService } from '../content/reading.service.ts'
import type { TaxonomyRepository } from '../content/taxonomy.repository.ts'
import type { Clock } from '../platform/clock.ts'
import { DomainError, invalidInput } from '../platform/errors.ts'
import type { Urls } from '../site/urls.ts'
import type { Cursors, Position } from './api-cursor.ts'
import {
  articleJson,
  authorJson,
  DETAIL_FIELDS,
  editionJson,
  type JsonContext,
  LIST_FIELDS,
  pick,
  searchJson,
  sectionJson,
  storyJson,
} from './content-api.json.tsx'
import type { ContentApiRepository, StoryFilter } from './content-api.repository.ts'
import { schemas } from './content-api.schemas.ts'
import type { ContentApp } from './content-api.ts'
import type { SearchService } from './search.service.ts'

export type SearchStories = (query: {
  editionId: number
  q: string
  page: number
}) => Promise<unknown>

/** The site's search as the Content API's: hits as JSON, with absolute addresses. */
export function apiSearch(search: Pick<SearchService, 'search'>, ctx: JsonContext): SearchStories {
  return async ({ editionId, q, page }) => {
    const edition = ctx.catalogue.editionById(editionId)
    if (!edition) throw invalidInput('edition', 'There is no such edition')
    return searchJson(await search.search(edition, q, { page }), ctx)
  }
}

const DEFAULT_LIMIT = 20
/** An ISO 8601 day, or a time with its offset from UTC: a time without one names no moment. */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2}))?$/

/** The `fields` parameter as a list that starts with id, or undefined for every field. */
function parseFields(raw: string | undefined, allowed: readonly string[]): string[] | undefined {
  if (raw === undefined) return undefined
  const fields = ['id']
  for (const field of raw.split(',')) {
    if (!allowed.includes(field))
      throw invalidInput(
        'fields',
        `Unknown field "${field.slice(0, 50)}": the fields are ${allowed.join(', ')}`,
      )
    if (!fields.includes(field)) fields.push(field)
  }
  return fields
}

function parseTime(raw: string): string {
  const time = ISO_TIME.test(raw) ? new Date(raw) : undefined
  if (!time || Number.isNaN(time.getTime()))
    throw invalidInput(
      'updatedSince',
      'updatedSince must be an ISO 8601 time with its offset, e.g. 2026-02-14T12:00:00Z',
    )
  return time.toISOString()
}

export function contentApiRoutes(deps: {
  repository: ContentApiRepository
  reading: Pick<ReadingService, 'article'>
  taxonomy: Pick<
    TaxonomyRepository,
    'tagBySlug' | 'authorBySlug' | 'tagsOfEdition' | 'authorsOfEdition'
  >
  catalogue: Catalogue
  urls: Urls
  clock: Clock
  publicUrl: string
  cursors: Cursors
  search?: SearchStories
}) {
  const { repository, reading, taxonomy, catalogue, clock, cursors } = deps
  const ctx = { catalogue, urls: deps.urls, publicUrl: deps.publicUrl }

  const editionOf = (code: string): Edition => {
    const edition = catalogue.edition(code)
    if (!edition) throw invalidInput('edition', `There is no edition "${code}"`)
    return edition
  }

  /** The filter a list's parameters ask for, and a name of that list for its cursors. */
  async function filterOf(query: {
    edition?: string
    section?: string
    tag?: string
    author?: string
    updatedSince?: string
  }): Promise<{ filter: StoryFilter; listing: string }> {
    const filter: StoryFilter = {}
    const edition = query.edition === undefined ? undefined : editionOf(query.edition)
    if (edition) filter.editionId = edition.id
    for (const name of ['section', 'tag', 'author'] as const)
      if (query[name] !== undefined && !edition)
        throw invalidInput(name, `${name} is a slug within an edition: give edition too`)
    if (edition && query.section !== undefined) {
      const section = catalogue.section(edition.id, query.section)
      if (!section)
        throw invalidInput('section', `There is no section "${query.section}" in ${edition.code}`)
      filter.sectionIds = catalogue.sectionFamily(section)
    }
    if (edition && query.tag !== undefined) {
      const tag = await taxonomy.tagBySlug(edition.id, query.tag)
      if (!tag) throw invalidInput('tag', `There is no tag "${query.tag}" in ${edition.code}`)
      filter.tagId = tag.id
    }
    if (edition && query.author !== undefined) {
      const author = await taxonomy.authorBySlug(edition.id, query.author)
      if (!author)
        throw invalidInput('author', `There is no author "${query.author}" in ${edition.code}`)
      filter.authorId = author.id
    }
    if (query.updatedSince !== undefined) filter.updatedSince = parseTime(query.updatedSince)
    const listing = JSON.stringify([
      edition?.code,
      query.section,
      query.tag,
      query.author,
      filter.updatedSince,
    ])
    return { filter, listing }
  }

  const positionOf = (listing: string, cursor: string): Position => {
    const check = cursors.decode(listing, cursor)
    if (check.ok) return check.position
    throw invalidInput(
      'cursor',
      check.reason === 'other_listing'
        ? 'This cursor belongs to another list: use it with the same edition, section, tag, author and updatedSince'
        : 'This cursor is not one the API gave out: use nextCursor of the previous page as it is',
    )
  }

  return async (api: ContentApp) => {
    api.get('/editions', { schema: { tags: ['editions'], ...schemas.editions } }, async () => ({
      items: catalogue.editions().map((edition) => editionJson(edition, ctx)),
    }))

    api.get(
      '/editions/:code/sections',
      { schema: { tags: ['editions'], ...schemas.sections } },
      async (request) => {
        const edition = catalogue.edition(request.params.code)
        if (!edition)
          throw new DomainError('not_found', `There is no edition "${request.params.code}"`)
        return {
          items: catalogue.sections(edition.id).map((s) => sectionJson(edition, s, ctx)),
        }
      },
    )

    api.get('/tags', { schema: { tags: ['taxonomy'], ...schemas.tags } }, async (request) => {
      const edition = editionOf(request.query.edition)
      const tags = await taxonomy.tagsOfEdition(
        edition.id,
        request.query.q ?? '',
        request.query.limit ?? 100,
      )
      return { items: tags.map((t) => ({ id: t.id, slug: t.slug, name: t.name })) }
    })

    api.get('/authors', { schema: { tags: ['taxonomy'], ...schemas.authors } }, async (request) => {
      const edition = editionOf(request.query.edition)
      const authors = await taxonomy.authorsOfEdition(edition.id)
      return { items: authors.map((author) => authorJson(edition, author, ctx)) }
    })

    api.get(
      '/articles',
      { schema: { tags: ['articles'], ...schemas.articles } },
      async (request) => {
        const { query } = request
        const { filter, listing } = await filterOf(query)
        const fields = parseFields(query.fields, LIST_FIELDS)
        const after = query.cursor === undefined ? undefined : positionOf(listing, query.cursor)
        const limit = query.limit ?? DEFAULT_LIMIT
        // One more than asked for says whether another page follows.
        const found = await repository.stories(filter, {
          after,
          limit: limit + 1,
          now: clock.now().toISOString(),
        })
        const stories = found.slice(0, limit)
        const linked = !fields || fields.includes('tags') || fields.includes('authors')
        const links = linked
          ? await repository.links(stories.map((s) => s.id))
          : { tags: new Map(), authors: new Map() }
        const last = stories.at(-1)
        return {
          items: stories.map((story) =>
            pick(
              storyJson(
                story,
                {
                  tags: links.tags.get(story.id) ?? [],
                  authors: links.authors.get(story.id) ?? [],
                },
                ctx,
              ),
              fields,
            ),
          ),
          nextCursor: found.length > limit && last ? cursors.encode(listing, last.position) : null,
        }
      },
    )

    api.get(
      '/articles/:id',
      { schema: { tags: ['articles'], ...schemas.article } },
      async (request) => {
        const fields = parseFields(request.query.fields, DETAIL_FIELDS)
        const found = await reading.article(request.params.id)
        if (found.kind === 'gone')
          throw new DomainError('gone', 'This story was withdrawn: remove your copy of it')
        if (found.kind === 'missing')
          throw new DomainError('not_found', `There is no public story ${request.params.id}`)
        return pick(articleJson(found.article, ctx), fields)
      },
    )

    api.get(
      '/search',
      { schema: { tags: ['search'], ...schemas.search } },
      async (request, reply) => {
        if (!deps.search)
          return reply
            .code(501)
            .header('cache-control', 'no-store')
            .send({
              error: { code: 'not_implemented', message: 'Search is not available on this server' },
            })
        const edition = editionOf(request.query.edition)
        return deps.search({
          editionId: edition.id,
          q: request.query.q,
          page: request.query.page ?? 1,
        })
      },
    )
  }
}
