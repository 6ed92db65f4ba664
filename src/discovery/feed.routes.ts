// Serves the feeds beside the pages they follow: /{edition}/feed.xml, atom.xml and feed.json, and
// the same under a section's, tag's or author's page. Kept in the page cache under the keys of that
// page, so a change to any story they list drops them on every instance.
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { Catalogue } from '../content/catalogue.ts'
import type { Edition } from '../content/content.types.ts'
import { surrogate } from '../live/surrogate-keys.ts'
import type { Clock } from '../platform/clock.ts'
import { PageError, parseSlug } from '../site/params.ts'
import type { Urls } from '../site/urls.ts'
import type { FeedService } from './feed.service.ts'
import { feedDocument } from './feed-document.ts'
import { writers } from './feed-formats.ts'
import { FEED_FILES, FEED_TYPES, type FeedFormat, type FeedScope } from './feed-links.ts'

export interface FeedRoutesDeps {
  feeds: FeedService
  catalogue: Catalogue
  urls: Urls
  clock: Clock
  publicUrl: string
  siteName: string
}

type Params = { edition: string; section?: string; slug?: string }

export async function feedRoutes(app: FastifyInstance, deps: FeedRoutesDeps) {
  const { feeds, catalogue, clock } = deps

  const keysOf = (edition: Edition, scope?: FeedScope): string[] =>
    !scope
      ? [surrogate.home(edition.id)]
      : 'section' in scope
        ? catalogue.sectionFamily(scope.section).map(surrogate.section)
        : 'tag' in scope
          ? [surrogate.tag(scope.tag.id)]
          : [surrogate.author(scope.author.id)]

  const send = async (
    reply: FastifyReply,
    format: FeedFormat,
    edition: Edition,
    scope?: FeedScope,
  ) => {
    const stories = await feeds.latest(edition, scope)
    const now = clock.now()
    const doc = feedDocument(deps, edition, scope, stories, now)
    reply.surrogateKeys = [
      ...keysOf(edition, scope),
      ...stories.map((s) => surrogate.article(s.id)),
    ]
    // The time it was written, not its newest story's: a withdrawn story changes a feed too.
    return reply
      .type(`${FEED_TYPES[format]}; charset=utf-8`)
      .header('last-modified', now.toUTCString())
      .send(writers[format](doc))
  }

  const editionOf = (code: string): Edition => {
    const edition = catalogue.edition(code)
    if (!edition) throw new PageError(404)
    return edition
  }

  const scoped = async (
    edition: Edition,
    kind: 'section' | 'tag' | 'author',
    slug: string | undefined,
  ): Promise<FeedScope> => {
    const scope = await feeds.scope(edition, kind, parseSlug(slug ?? ''))
    if (!scope) throw new PageError(404)
    return scope
  }

  for (const format of Object.keys(FEED_FILES) as FeedFormat[]) {
    const file = FEED_FILES[format]
    app.get<{ Params: Params }>(`/:edition/${file}`, async (request, reply) =>
      send(reply, format, editionOf(request.params.edition)),
    )
    app.get<{ Params: Params }>(`/:edition/:section/${file}`, async (request, reply) => {
      const edition = editionOf(request.params.edition)
      return send(reply, format, edition, await scoped(edition, 'section', request.params.section))
    })
    app.get<{ Params: Params }>(`/:edition/tags/:slug/${file}`, async (request, reply) => {
      const edition = editionOf(request.params.edition)
      return send(reply, format, edition, await scoped(edition, 'tag', request.params.slug))
    })
    app.get<{ Params: Params }>(`/:edition/authors/:slug/${file}`, async (request, reply) => {
      const edition = editionOf(request.params.edition)
      return send(reply, format, edition, await scoped(edition, 'author', request.params.slug))
    })
  }
}
