// For domains that render their own pages in the site's layout (reader accounts, subscribing): the
// edition an address names, and a view sent with that edition's page context and newsfeed.
import type { FastifyReply } from 'fastify'
import type { Catalogue } from '../content/catalogue.ts'
import type { Edition, NewsfeedList } from '../content/content.types.ts'
import type { Clock } from '../platform/clock.ts'
import { type PageContext, pageContext } from './page-context.ts'
import type { PageView } from './page-view.ts'
import { PageError } from './params.ts'
import { sendPage } from './render.ts'
import type { Urls } from './urls.ts'

const EMPTY_FEED: NewsfeedList = { items: [], lastEventId: 0 }

export interface SitePage {
  siteName: string
  publicUrl: string
  stylesheet: string
  script?: string
  urls: Urls
}

export function sitePages(deps: {
  page: SitePage
  catalogue: Catalogue
  clock: Clock
  reading: { newsfeed(edition: Edition): Promise<NewsfeedList> }
}) {
  const { catalogue, clock } = deps
  return {
    /** The edition of the address's first segment; an unknown one is the site's 404 page. */
    editionOf(code: string): Edition {
      const edition = catalogue.edition(code)
      if (!edition) throw new PageError(404)
      return edition
    },

    /** The page still answers when the newsfeed beside it cannot be read. */
    async send(
      reply: FastifyReply,
      edition: Edition,
      view: (ctx: PageContext) => PageView,
      status = 200,
    ) {
      const newsfeed = await deps.reading.newsfeed(edition).catch(() => EMPTY_FEED)
      const ctx = pageContext({ ...deps.page, catalogue }, edition, clock.now(), newsfeed)
      return sendPage(reply, view(ctx), status)
    },
  }
}
