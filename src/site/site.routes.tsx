// The reader site's routes: edition homes, sections, tags, authors, stories, and their error pages.
import type { Duplex } from 'node:stream'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { CHAT_ROOMS_KEY, type ChatLinksFor } from '../chat/pages/chat-links.tsx'
import type { Catalogue } from '../content/catalogue.ts'
import type { Edition } from '../content/content.types.ts'
import type { ReadingService } from '../content/reading.service.ts'
import { surrogate } from '../live/surrogate-keys.ts'
import type { Clock } from '../platform/clock.ts'
import { renderDocument } from './document.tsx'
import { type PageContext, pageContext } from './page-context.ts'
import type { PageView } from './page-view.ts'
import { articlePage } from './pages/article.page.tsx'
import { type ErrorKind, errorPage as errorView } from './pages/error.page.tsx'
import { homePage } from './pages/home.page.tsx'
import { listPage } from './pages/list.page.tsx'
import {
  PageError,
  parseArticleRef,
  parsePage,
  parseSlug,
  preferredEdition,
  statusOf,
} from './params.ts'
import { sendPage } from './render.ts'
import type { Urls } from './urls.ts'

export interface SiteDeps {
  reading: ReadingService
  catalogue: Catalogue
  urls: Urls
  clock: Clock
  siteName: string
  publicUrl: string
  stylesheet: string
  script: string
  commentsScript: string
  defaultEdition: string
  /** Topic chat rooms a story's page links to. */
  chatLinks?: ChatLinksFor
}

type EditionParams = { edition: string }

type PageQuery = { page?: string }

export async function siteRoutes(app: FastifyInstance, deps: SiteDeps) {
  const { reading, catalogue, urls, clock } = deps

  const defaultEdition = () => catalogue.edition(deps.defaultEdition) ?? catalogue.editions()[0]

  const contextFor = async (edition: Edition): Promise<PageContext> =>
    pageContext(deps, edition, clock.now(), await reading.newsfeed(edition))

  const editionOf = (code: string): Edition => {
    const edition = catalogue.edition(code)
    if (!edition) throw new PageError(404)
    return edition
  }

  /** A page the same for every reader: kept in the page cache under the keys of what it shows. */
  const sendPublic = (
    reply: FastifyReply,
    page: PageView,
    keys: string[],
    stories: { id: number }[],
  ) => {
    reply.surrogateKeys = [...keys, ...stories.map((story) => surrogate.article(story.id))]
    return sendPage(reply, page)
  }

  app.get('/', async (request, reply) => {
    const code =
      preferredEdition(request.headers['accept-language'], catalogue.editions()) ??
      defaultEdition()?.code
    if (!code) throw new PageError(404)
    return reply.header('vary', 'Accept-Language').redirect(`/${code}`, 302)
  })

  app.get<{ Params: EditionParams }>('/:edition', async (request, reply) => {
    const edition = editionOf(request.params.edition)
    const [ctx, home] = await Promise.all([contextFor(edition), reading.home(edition)])
    const shown = [
      ...(home.top ? [home.top] : []),
      ...home.latest,
      ...home.blocks.flatMap((b) => b.items),
    ]
    return sendPublic(reply, homePage({ ctx, ...home }), [surrogate.home(edition.id)], shown)
  })

  app.get<{ Params: EditionParams; Querystring: PageQuery }>(
    '/:edition/newsfeed',
    async (request, reply) => {
      const edition = editionOf(request.params.edition)
      const page = parsePage(request.query.page)
      const [ctx, list] = await Promise.all([contextFor(edition), reading.latest(edition, page)])
      if (page > 1 && list.items.length === 0) throw new PageError(404)
      return sendPublic(
        reply,
        listPage({
          ctx,
          title: `${ctx.t('newsfeed.title')} · ${ctx.siteName}`,
          heading: ctx.t('newsfeed.title'),
          description: ctx.t('newsfeed.description', { site: ctx.siteName }),
          base: `/${edition.code}/newsfeed`,
          list,
        }),
        [surrogate.newsfeed(edition.id)],
        list.items,
      )
    },
  )

  app.get<{ Params: EditionParams & { section: string }; Querystring: PageQuery }>(
    '/:edition/:section',
    async (request, reply) => {
      const edition = editionOf(request.params.edition)
      const page = parsePage(request.query.page)
      const section = catalogue.section(edition.id, parseSlug(request.params.section))
      if (!section) throw new PageError(404)
      const [ctx, list] = await Promise.all([contextFor(edition), reading.section(section, page)])
      if (page > 1 && list.items.length === 0) throw new PageError(404)
      return sendPublic(
        reply,
        listPage({
          ctx,
          title: ctx.t('section.title', { section: section.name }),
          heading: section.name,
          description: section.description,
          base: urls.section(edition, section),
          list,
          sectionId: section.parentId ?? section.id,
          feed: { section },
          alternates: catalogue.editions().flatMap((other) => {
            const same = other.id !== edition.id && catalogue.section(other.id, section.slug)
            return same ? [{ edition: other, href: urls.section(other, same) }] : []
          }),
        }),
        catalogue.sectionFamily(section).map(surrogate.section),
        list.items,
      )
    },
  )

  app.get<{ Params: EditionParams & { slug: string }; Querystring: PageQuery }>(
    '/:edition/tags/:slug',
    async (request, reply) => {
      const edition = editionOf(request.params.edition)
      const page = parsePage(request.query.page)
      const [ctx, found] = await Promise.all([
        contextFor(edition),
        reading.tag(edition, parseSlug(request.params.slug), page),
      ])
      if (!found || (page > 1 && found.list.items.length === 0)) throw new PageError(404)
      return sendPublic(
        reply,
        listPage({
          ctx,
          title: ctx.t('tag.title', { tag: found.tag.name }),
          heading: found.tag.name,
          kicker: ctx.t('tag.heading'),
          base: urls.tag(edition, found.tag),
          list: found.list,
          feed: { tag: found.tag },
        }),
        [surrogate.tag(found.tag.id)],
        found.list.items,
      )
    },
  )

  app.get<{ Params: EditionParams & { slug: string }; Querystring: PageQuery }>(
    '/:edition/authors/:slug',
    async (request, reply) => {
      const edition = editionOf(request.params.edition)
      const page = parsePage(request.query.page)
      const [ctx, found] = await Promise.all([
        contextFor(edition),
        reading.author(edition, parseSlug(request.params.slug), page),
      ])
      if (!found || (page > 1 && found.list.items.length === 0)) throw new PageError(404)
      return sendPublic(
        reply,
        listPage({
          ctx,
          title: ctx.t('author.title', { author: found.author.name }),
          heading: found.author.name,
          kicker: ctx.t('author.heading'),
          description: found.author.bio,
          base: urls.author(edition, found.author),
          list: found.list,
          feed: { author: found.author },
        }),
        [surrogate.author(found.author.id)],
        found.list.items,
      )
    },
  )

  app.get<{ Params: EditionParams & { section: string; date: string; slugId: string } }>(
    '/:edition/:section/:date/:slugId',
    async (request, reply) => {
      const edition = editionOf(request.params.edition)
      const ref = parseArticleRef(request.params.date, request.params.slugId)
      const found = await reading.article(ref.id)
      if (found.kind === 'missing') throw new PageError(404)
      if (found.kind === 'gone') {
        if (found.record.editionId !== edition.id) throw new PageError(404)
        throw new PageError(410)
      }
      const { article } = found
      const canonical = urls.article(article)
      // Any other spelling of the address (old slug, moved section, wrong date) answers with the current one.
      const [path, query] = request.url.split('?')
      if (canonical !== path)
        return reply.redirect(query ? `${canonical}?${query}` : canonical, 301)
      const [ctx, chatLinks] = await Promise.all([
        contextFor(edition),
        deps.chatLinks?.(article) ?? [],
      ])
      const linked = [
        ...article.related,
        ...article.bodyArticles.values(),
        ...article.translations,
        ...(article.next ? [article.next] : []),
      ]
      return sendPublic(
        reply,
        articlePage({ ctx, article, chatLinks }),
        [surrogate.article(article.id), surrogate.comments(article.id), CHAT_ROOMS_KEY],
        linked,
      )
    },
  )

  // Error pages keep the layout of the edition named in the address, or of the default one.
  const errorPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    error?: PageError,
  ) => {
    const code = request.url.split(/[/?]/)[1] ?? ''
    const edition = catalogue.edition(code) ?? defaultEdition()
    const kind: ErrorKind =
      status === 404 ? 'notFound' : status === 410 ? 'gone' : status < 500 ? 'badRequest' : 'server'
    if (!edition) return reply.code(status).type('text/plain; charset=utf-8').send(kind)
    const newsfeed = await reading.newsfeed(edition).catch(() => ({ items: [], lastEventId: 0 }))
    const ctx = pageContext(deps, edition, clock.now(), newsfeed)
    reply.header('cache-control', 'no-store')
    return sendPage(reply, errorView({ ctx, kind, reason: error?.reason }), status)
  }

  app.setNotFoundHandler((request, reply) => errorPage(request, reply, 404))

  // Also the last word of the account and subscribe pages, whose own handlers only show forms again.
  app.setErrorHandler(async (error, request, reply) => {
    const status = statusOf(error)
    if (status >= 400 && status < 500)
      return errorPage(request, reply, status, error instanceof PageError ? error : undefined)
    request.log.error({ err: error }, 'page failed')
    return errorPage(request, reply, 500)
  })

  return {
    /** A story's page as readers would see it now, whatever its status: the newsroom's preview. */
    async preview(id: number): Promise<string | undefined> {
      const article = await reading.preview(id)
      const edition = article && catalogue.editionById(article.editionId)
      if (!article || !edition) return undefined
      const ctx = await contextFor(edition)
      return renderDocument({ ...articlePage({ ctx, article }), preview: ctx.t('preview.notice') })
    },

    /**
     * Requests Node cannot parse, such as an address longer than the 16 KB header limit: answered
     * with the error page of the default edition, without a newsfeed since nothing async can run here.
     */
    clientError(error: Error & { code?: string }, socket: Duplex) {
      const edition = defaultEdition()
      if (!socket.writable || !error.code?.startsWith('HPE_') || !edition)
        return socket.destroy(error)
      const reason = error.code === 'HPE_HEADER_OVERFLOW' ? 'reason.tooLong' : 'reason.slug'
      const ctx = pageContext(deps, edition, clock.now(), { items: [], lastEventId: 0 })
      const body = renderDocument(errorView({ ctx, kind: 'badRequest', reason }))
      socket.end(
        `HTTP/1.1 400 Bad Request\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      )
    },

    /** Errors fastify meets before routing, such as a malformed percent-encoding in the address. */
    frameworkError(error: { statusCode?: number }, request: FastifyRequest, reply: FastifyReply) {
      void errorPage(request, reply, error.statusCode && error.statusCode < 500 ? 400 : 500)
    },
  }
}
