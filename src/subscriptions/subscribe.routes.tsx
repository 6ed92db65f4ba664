// The reader's subscribe pages: the form at /{edition}/subscribe, the confirmation link, and the
// unsubscribe link (a page with a button on GET; the one-click POST of RFC 8058, authorised by its
// token alone). Every answer belongs to one reader, so none is cached.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { messagePage } from '../community/pages/message.page.tsx'
import type { ReaderSessionHttp } from '../community/reader-session.http.ts'
import type { Catalogue } from '../content/catalogue.ts'
import type { Edition, NewsfeedList } from '../content/content.types.ts'
import type { Clock } from '../platform/clock.ts'
import { DomainError, HTTP_STATUS } from '../platform/errors.ts'
import type { Translate } from '../site/i18n/messages.ts'
import { translatorFor } from '../site/page-context.ts'
import { statusOf } from '../site/params.ts'
import { type SitePage, sitePages } from '../site/site-pages.ts'
import type { NewsletterService } from './newsletter.service.ts'
import { NEWSLETTER_LISTS, type NewsletterList } from './newsletter.table.ts'
import { listName, listNames } from './newsletter-mail.tsx'
import {
  type SubscribeFormState,
  subscribePage,
  subscribePaths,
  unsubscribePage,
} from './subscribe.page.tsx'

export interface SubscribeDeps {
  newsletters: NewsletterService
  session: ReaderSessionHttp
  catalogue: Catalogue
  clock: Clock
  reading: { newsfeed(edition: Edition): Promise<NewsfeedList> }
  page: SitePage
  /** The edition's digest time, "07:00", for the form's hint. */
  digestTime: (editionId: number) => Promise<string>
  /** The VAPID public key the push section subscribes with, and push.js's address. */
  push: { publicKey: string; script?: string }
}

type Params = { edition: string }
type Query = Partial<Record<string, string | string[]>>
type Fields = Partial<Record<string, string>>

// An address and two checkboxes fit many times over; anything bigger is refused unread.
const BODY_LIMIT = 16 * 1024

const stringOf = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined

const fieldsOf = (body: unknown): Fields =>
  typeof body === 'object' && body !== null
    ? Object.fromEntries(
        Object.entries(body).filter((e): e is [string, string] => typeof e[1] === 'string'),
      )
    : {}

const listsOf = (fields: Fields): NewsletterList[] =>
  NEWSLETTER_LISTS.filter((list) => fields[list] !== undefined)

/** The form's problem in the reader's words, and its status; undefined for a bug. */
function problemOf(
  error: unknown,
  t: Translate,
): { problem: NonNullable<SubscribeFormState['problem']>; status: number } | undefined {
  if (!(error instanceof DomainError)) return undefined
  const status = HTTP_STATUS[error.code]
  if (error.code === 'rate_limited')
    return { problem: { message: t('subscribe.rateLimited') }, status }
  if (error.code === 'csrf') return { problem: { message: t('community.csrf') }, status }
  if (error.field === 'email')
    return { problem: { field: 'email', message: t('subscribe.email.invalid') }, status }
  if (error.field === 'lists')
    return { problem: { field: 'lists', message: t('subscribe.lists.none') }, status }
  return { problem: { message: t('account.form.invalid') }, status }
}

export async function subscribeRoutes(app: FastifyInstance, deps: SubscribeDeps): Promise<void> {
  const { newsletters, session, catalogue } = deps

  const { editionOf, send } = sitePages(deps)

  const showForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    edition: Edition,
    form: {
      email: string
      lists: readonly NewsletterList[]
      problem?: SubscribeFormState['problem']
    },
    status = 200,
  ) => {
    const state = { csrf: session.csrfToken(request, reply), ...form }
    const digestTime = await deps.digestTime(edition.id)
    return send(
      reply,
      edition,
      (ctx) => subscribePage({ ctx, state, digestTime, push: deps.push }),
      status,
    )
  }

  const linkInvalid = (reply: FastifyReply, edition: Edition) =>
    send(
      reply,
      edition,
      (ctx) =>
        messagePage({
          ctx,
          heading: ctx.t('subscribe.link.title'),
          text: ctx.t('subscribe.link.text'),
          links: [
            { href: subscribePaths(edition.code).base, label: ctx.t('subscribe.link.again') },
          ],
        }),
      400,
    )

  /** Runs `work`; a link that is not (or no longer) valid gets the 400 page that says so. */
  const withToken = async (reply: FastifyReply, edition: Edition, work: () => Promise<unknown>) => {
    try {
      return await work()
    } catch (error) {
      if (error instanceof DomainError && error.code === 'invalid_token')
        return linkInvalid(reply, edition)
      throw error
    }
  }

  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers()
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: BODY_LIMIT },
      (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
    )
    // A mail app's one-click unsubscribe may post multipart/form-data; its token is in the
    // address, so any other body is read (bounded) and ignored. The form's CSRF check refuses it.
    scope.addContentTypeParser(
      '*',
      { parseAs: 'string', bodyLimit: BODY_LIMIT },
      (_request, _body, done) => done(null, {}),
    )

    scope.addHook('onRequest', async (request, reply) => {
      reply.header('cache-control', 'no-store')
      // Confirmation and unsubscribe links carry their token in the address; only the form is
      // a page worth finding.
      reply.header('referrer-policy', 'same-origin')
      if (request.url.split('?')[0]?.split('/').length !== 3)
        reply.header('x-robots-tag', 'noindex')
      await session.identify(request)
    })

    scope.setErrorHandler(async (error, request, reply) => {
      const status = statusOf(error)
      const code = request.url.split(/[/?]/)[1] ?? ''
      const named = catalogue.edition(code)
      const isForm = request.method === 'POST' && request.url.split('?')[0] === `/${code}/subscribe`
      // A body too large or unreadable: the form again, saying so.
      if (named && isForm && status >= 400 && status < 500) {
        const t = translatorFor(named)
        const message = t(status === 413 ? 'account.form.tooLarge' : 'account.form.invalid')
        return showForm(
          request,
          reply,
          named,
          { email: '', lists: NEWSLETTER_LISTS, problem: { message } },
          status,
        )
      }
      // The site's error page, from the site's handler.
      throw error
    })

    scope.get<{ Params: Params }>('/:edition/subscribe', async (request, reply) => {
      const edition = editionOf(request.params.edition)
      const email = request.readerSession?.reader.email ?? ''
      return showForm(request, reply, edition, { email, lists: NEWSLETTER_LISTS })
    })

    scope.post<{ Params: Params }>('/:edition/subscribe', async (request, reply) => {
      const edition = editionOf(request.params.edition)
      const fields = fieldsOf(request.body)
      const form = { email: fields.email?.trim().slice(0, 254) ?? '', lists: listsOf(fields) }
      try {
        session.checkCsrf(request)
        const done = await newsletters.subscribe({
          edition,
          email: fields.email,
          lists: form.lists,
          reader: request.readerSession?.reader,
          ip: request.ip,
        })
        return send(reply, edition, (ctx) =>
          done.confirmed
            ? messagePage({
                ctx,
                heading: ctx.t('subscribe.done.title'),
                text: ctx.t('subscribe.done.text', {
                  lists: listNames(ctx.t, done.lists),
                  email: done.email,
                }),
                links: [{ href: ctx.urls.edition(edition), label: ctx.t('account.backHome') }],
              })
            : messagePage({
                ctx,
                heading: ctx.t('subscribe.sent.title'),
                text: ctx.t('subscribe.sent.text', { email: done.email }),
                links: [{ href: ctx.urls.edition(edition), label: ctx.t('account.backHome') }],
              }),
        )
      } catch (error) {
        const refused = problemOf(error, translatorFor(edition))
        if (!refused) throw error
        if (error instanceof DomainError && error.retryAfter)
          reply.header('retry-after', String(error.retryAfter))
        return showForm(
          request,
          reply,
          edition,
          { ...form, problem: refused.problem },
          refused.status,
        )
      }
    })

    scope.get<{ Params: Params; Querystring: Query }>(
      '/:edition/subscribe/confirm',
      async (request, reply) => {
        const edition = editionOf(request.params.edition)
        return withToken(reply, edition, async () => {
          const done = await newsletters.confirm(
            stringOf(request.query.token),
            catalogue.editionById,
          )
          return send(reply, edition, (ctx) =>
            messagePage({
              ctx,
              heading: ctx.t('subscribe.confirmed.title'),
              text: ctx.t('subscribe.confirmed.text', {
                lists: listNames(ctx.t, done.lists),
                email: done.email,
              }),
              links: [{ href: ctx.urls.edition(edition), label: ctx.t('account.backHome') }],
            }),
          )
        })
      },
    )

    scope.get<{ Params: Params; Querystring: Query }>(
      '/:edition/subscribe/unsubscribe',
      async (request, reply) => {
        const edition = editionOf(request.params.edition)
        const token = stringOf(request.query.token) ?? ''
        return withToken(reply, edition, async () => {
          const { email, list } = await newsletters.unsubscribing(token)
          return send(reply, edition, (ctx) => unsubscribePage({ ctx, token, email, list }))
        })
      },
    )

    scope.post<{ Params: Params; Querystring: Query }>(
      '/:edition/subscribe/unsubscribe',
      async (request, reply) => {
        const edition = editionOf(request.params.edition)
        const token = stringOf(request.query.token) ?? fieldsOf(request.body).token
        return withToken(reply, edition, async () => {
          const { email, list } = await newsletters.unsubscribe(token)
          return send(reply, edition, (ctx) =>
            messagePage({
              ctx,
              heading: ctx.t('subscribe.unsubscribed.title'),
              text: ctx.t('subscribe.unsubscribed.text', {
                list: ctx.t('newsletter.quoted', { name: listName(ctx.t, list) }),
                email,
              }),
              links: [{ href: ctx.urls.edition(edition), label: ctx.t('account.backHome') }],
            }),
          )
        })
      },
    )
  })
}
