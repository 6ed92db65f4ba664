// The reader's account pages: register, confirm the address, log in and out, reset a forgotten
// password, rename, download the data, delete. Plain HTML forms, so all of it works with JavaScript
// off; every answer belongs to one reader, so none is cached.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Catalogue } from '../content/catalogue.ts'
import type { Edition, NewsfeedList } from '../content/content.types.ts'
import type { Clock } from '../platform/clock.ts'
import { DomainError, HTTP_STATUS } from '../platform/errors.ts'
import { PASSWORD_MAX } from '../platform/security/password.ts'
import { looksLikeToken } from '../platform/security/tokens.ts'
import type { MessageKey, Translate } from '../site/i18n/messages.ts'
import { translatorFor } from '../site/page-context.ts'
import { statusOf } from '../site/params.ts'
import { type SitePage, sitePages } from '../site/site-pages.ts'
import { safeNext } from './community.routes.ts'
import { communityMessage } from './community-messages.ts'
import { type AccountForms, accountPage } from './pages/account.page.tsx'
import { accountPaths, type FormProblem, withNext } from './pages/account-form.tsx'
import { loginPage } from './pages/login.page.tsx'
import { messagePage } from './pages/message.page.tsx'
import { forgotPage, resetPage } from './pages/password.page.tsx'
import { registerPage } from './pages/register.page.tsx'
import type { MailContext, ReaderService } from './reader.service.ts'
import type { ReaderSignedIn } from './reader.types.ts'
import type { ReaderSessionHttp } from './reader-session.http.ts'

export interface AccountDeps {
  readers: ReaderService
  session: ReaderSessionHttp
  catalogue: Catalogue
  clock: Clock
  /** The newsfeed shown beside every page. */
  reading: { newsfeed(edition: Edition): Promise<NewsfeedList> }
  page: SitePage
  /** The site's address, for the links in the mail: https://news.example.com */
  publicUrl: string
}

type FormName = 'register' | 'login' | 'forgot' | 'reset' | AccountForms
type Fields = Partial<Record<string, string>>
type Params = { edition: string }
type Query = Partial<Record<string, string | string[]>>
type Submission = {
  request: FastifyRequest
  reply: FastifyReply
  edition: Edition
  fields: Fields
  next: string | undefined
}

// A name, an address and two passwords fit many times over; anything bigger is refused unread.
const BODY_LIMIT = 16 * 1024
/** The inputs a service error can name; any other field is shown above the form. */
const INPUTS = new Set(['displayName', 'email', 'password', 'confirm'])
const NOTICES = new Map<string, MessageKey>([
  ['confirmed', 'account.notice.confirmed'],
  ['password', 'account.notice.password'],
  ['name', 'account.notice.name'],
])

/** A problem the routes find themselves, worded from the catalogue. */
class Refusal extends Error {
  constructor(
    readonly key: MessageKey,
    readonly field?: string,
  ) {
    super(key)
  }
}

/** What the reader is told about an error their form caused, and its status; nothing for a bug. */
function refusalOf(
  error: unknown,
  t: Translate,
): { problem: FormProblem; status: number } | undefined {
  if (error instanceof Refusal)
    return { problem: { field: error.field, message: t(error.key) }, status: 400 }
  if (!(error instanceof DomainError)) return undefined
  const field = error.field && INPUTS.has(error.field) ? error.field : undefined
  return {
    problem: { field, message: communityMessage(t, error) },
    status: HTTP_STATUS[error.code],
  }
}

const stringOf = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined

const fieldsOf = (body: unknown): Fields => {
  if (typeof body !== 'object' || body === null) return {}
  return Object.fromEntries(
    Object.entries(body).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  )
}

/** The service refuses short passwords; a long one is caught here to say what is wrong with it. */
const checkPasswordLength = (password: string | undefined) => {
  if (password && password.length > PASSWORD_MAX)
    throw new Refusal('account.password.tooLong', 'password')
}

export async function accountRoutes(app: FastifyInstance, deps: AccountDeps): Promise<void> {
  const { readers, session, catalogue } = deps

  const { editionOf, send } = sitePages(deps)

  const mailContext = (edition: Edition): MailContext => ({
    editionId: edition.id,
    locale: edition.locale,
    accountUrl: `${deps.publicUrl}/${edition.code}/account`,
  })

  const home = (edition: Edition) => deps.page.urls.edition(edition)

  /** Replaces whatever session the browser had with the new one. */
  const signIn = async (request: FastifyRequest, reply: FastifyReply, signedIn: ReaderSignedIn) => {
    if (request.readerSession) await readers.logout(request.readerSession)
    session.signIn(reply, signedIn)
  }

  const linkInvalid = (reply: FastifyReply, edition: Edition, purpose: 'confirm' | 'reset') => {
    const paths = accountPaths(edition.code)
    return send(
      reply,
      edition,
      (ctx) =>
        messagePage({
          ctx,
          heading: ctx.t('account.link.title'),
          text: ctx.t('account.link.text'),
          links: [
            purpose === 'confirm'
              ? { href: paths.login, label: ctx.t('account.link.newConfirm') }
              : { href: paths.forgot, label: ctx.t('account.link.newReset') },
          ],
        }),
      400,
    )
  }

  /** Shows a form: the first time, or again with what the reader typed and what was wrong. */
  const showForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    edition: Edition,
    form: FormName,
    fields: Fields,
    problem?: FormProblem,
    status = 200,
  ) => {
    const paths = accountPaths(edition.code)
    const csrf = session.csrfToken(request, reply)
    const state = {
      csrf,
      next: safeNext(fields.next),
      values: { displayName: fields.displayName ?? '', email: fields.email ?? '' },
      problem,
    }
    if (form === 'register')
      return send(reply, edition, (ctx) => registerPage({ ctx, state }), status)
    if (form === 'login') return send(reply, edition, (ctx) => loginPage({ ctx, state }), status)
    if (form === 'forgot') return send(reply, edition, (ctx) => forgotPage({ ctx, state }), status)
    if (form === 'reset') {
      const token = fields.token
      if (!looksLikeToken(token)) return linkInvalid(reply, edition, 'reset')
      return send(reply, edition, (ctx) => resetPage({ ctx, state, token }), status)
    }
    const reader = request.readerSession?.reader
    if (!reader) return reply.redirect(withNext(paths.login, paths.base), 303)
    return send(
      reply,
      edition,
      (ctx) =>
        accountPage({
          ctx,
          reader,
          csrf,
          problem: problem && { ...problem, form },
          displayName: form === 'name' ? fields.displayName : undefined,
        }),
      status,
    )
  }

  await app.register(async (scope) => {
    // Forms are all these pages take: no JSON, no multipart, nothing a form on another site could
    // send as text/plain.
    scope.removeAllContentTypeParsers()
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: BODY_LIMIT },
      (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
    )

    scope.addHook('onRequest', async (request, reply) => {
      reply.header('cache-control', 'no-store')
      // Reset links carry their token in the address; it must not travel to another site.
      reply.header('referrer-policy', 'same-origin')
      reply.header('x-robots-tag', 'noindex')
      await session.identify(request)
    })

    scope.setErrorHandler(async (error, request, reply) => {
      const status = statusOf(error)
      const code = request.url.split(/[/?]/)[1] ?? ''
      const named = catalogue.edition(code)
      const form = (request.routeOptions.config as { accountForm?: FormName }).accountForm
      // A body too large, of another type or unreadable: the form again, saying so.
      if (named && form && status >= 400 && status < 500) {
        const key = status === 413 ? 'account.form.tooLarge' : 'account.form.invalid'
        const message = translatorFor(named)(key)
        return showForm(request, reply, named, form, {}, { message }, status)
      }
      // The site's error page, from the site's handler.
      throw error
    })

    /** A form's POST: the CSRF check first, then the handler; what it refuses shows on the form. */
    const post = (path: string, form: FormName, handle: (s: Submission) => Promise<unknown>) =>
      scope.post<{ Params: Params }, { accountForm: FormName }>(
        `/:edition/account${path}`,
        { config: { accountForm: form } },
        async (request, reply) => {
          const edition = editionOf(request.params.edition)
          const fields = fieldsOf(request.body)
          try {
            session.checkCsrf(request)
            return await handle({ request, reply, edition, fields, next: safeNext(fields.next) })
          } catch (error) {
            if (form === 'reset' && error instanceof DomainError && error.code === 'invalid_token')
              return linkInvalid(reply, edition, 'reset')
            if (error instanceof DomainError && error.retryAfter)
              reply.header('retry-after', String(error.retryAfter))
            const refused = refusalOf(error, translatorFor(edition))
            if (!refused) throw error
            return showForm(request, reply, edition, form, fields, refused.problem, refused.status)
          }
        },
      )

    /** A form's GET. Signed in, registering or logging in again makes no sense; a reset still does. */
    const get = (path: string, form: FormName) =>
      scope.get<{ Params: Params; Querystring: Query }>(
        `/:edition/account${path}`,
        async (request, reply) => {
          const edition = editionOf(request.params.edition)
          const next = safeNext(stringOf(request.query.next))
          if (request.readerSession && (form === 'register' || form === 'login'))
            return reply.redirect(next ?? accountPaths(edition.code).base, 303)
          const fields = { next, token: stringOf(request.query.token) }
          return showForm(request, reply, edition, form, fields)
        },
      )

    get('/register', 'register')
    post('/register', 'register', async ({ request, reply, edition, fields, next }) => {
      checkPasswordLength(fields.password)
      const input = {
        displayName: fields.displayName,
        email: fields.email,
        password: fields.password,
      }
      await readers.register(input, mailContext(edition), { ip: request.ip })
      return send(reply, edition, (ctx) =>
        messagePage({
          ctx,
          heading: ctx.t('account.register.sentTitle'),
          text: ctx.t('account.register.sent', { email: fields.email?.trim() ?? '' }),
          links: next
            ? [{ href: next, label: ctx.t('account.backToNext') }]
            : [{ href: home(edition), label: ctx.t('account.backHome') }],
        }),
      )
    })

    scope.get<{ Params: Params; Querystring: Query }>(
      '/:edition/account/confirm',
      async (request, reply) => {
        const edition = editionOf(request.params.edition)
        let signedIn: ReaderSignedIn
        try {
          signedIn = await readers.confirm(stringOf(request.query.token))
        } catch (error) {
          if (error instanceof DomainError && error.code === 'invalid_token')
            return linkInvalid(reply, edition, 'confirm')
          throw error
        }
        await signIn(request, reply, signedIn)
        return reply.redirect(`${accountPaths(edition.code).base}?notice=confirmed`, 303)
      },
    )

    get('/login', 'login')
    post('/login', 'login', async ({ request, reply, edition, fields, next }) => {
      const input = { email: fields.email, password: fields.password }
      await signIn(
        request,
        reply,
        await readers.login(input, mailContext(edition), { ip: request.ip }),
      )
      return reply.redirect(next ?? home(edition), 303)
    })

    post('/logout', 'logout', async ({ request, reply, edition, next }) => {
      if (request.readerSession) await readers.logout(request.readerSession)
      session.signOut(reply)
      return reply.redirect(next ?? home(edition), 303)
    })

    get('/forgot', 'forgot')
    post('/forgot', 'forgot', async ({ request, reply, edition, fields }) => {
      await readers.requestReset({ email: fields.email }, mailContext(edition), { ip: request.ip })
      return send(reply, edition, (ctx) =>
        messagePage({
          ctx,
          heading: ctx.t('account.inbox.title'),
          text: ctx.t('account.forgot.sent', { email: fields.email?.trim() ?? '' }),
          links: [{ href: accountPaths(edition.code).login, label: ctx.t('account.login.title') }],
        }),
      )
    })

    get('/reset', 'reset')
    post('/reset', 'reset', async ({ request, reply, edition, fields }) => {
      if ((fields.password ?? '') !== (fields.confirm ?? ''))
        throw new Refusal('account.reset.mismatch', 'confirm')
      checkPasswordLength(fields.password)
      const input = { token: fields.token, password: fields.password }
      await signIn(request, reply, await readers.resetPassword(input))
      return reply.redirect(`${accountPaths(edition.code).base}?notice=password`, 303)
    })

    scope.get<{ Params: Params; Querystring: Query }>(
      '/:edition/account',
      async (request, reply) => {
        const edition = editionOf(request.params.edition)
        const paths = accountPaths(edition.code)
        const current = request.readerSession
        if (!current) return reply.redirect(withNext(paths.login, paths.base), 303)
        const notice = NOTICES.get(stringOf(request.query.notice) ?? '')
        const csrf = session.csrfToken(request, reply)
        return send(reply, edition, (ctx) =>
          accountPage({ ctx, reader: current.reader, csrf, notice: notice && ctx.t(notice) }),
        )
      },
    )

    post('/name', 'name', async ({ request, reply, edition, fields }) => {
      const paths = accountPaths(edition.code)
      const current = request.readerSession
      if (!current) return reply.redirect(withNext(paths.login, paths.base), 303)
      await readers.rename(current, fields.displayName)
      return reply.redirect(`${paths.base}?notice=name`, 303)
    })

    scope.get<{ Params: Params }>('/:edition/account/data.json', async (request, reply) => {
      const edition = editionOf(request.params.edition)
      const paths = accountPaths(edition.code)
      const current = request.readerSession
      if (!current) return reply.redirect(withNext(paths.login, paths.data), 303)
      const data = await readers.exportData(current)
      return reply
        .header('content-disposition', 'attachment; filename="dateline-data.json"')
        .header('x-content-type-options', 'nosniff')
        .type('application/json; charset=utf-8')
        .send(JSON.stringify(data, null, 2))
    })

    post('/delete', 'delete', async ({ request, reply, edition, fields }) => {
      const paths = accountPaths(edition.code)
      const current = request.readerSession
      if (!current) return reply.redirect(withNext(paths.login, paths.base), 303)
      await readers.deleteAccount(current, fields.password)
      session.signOut(reply)
      return send(reply, edition, (ctx) =>
        messagePage({
          ctx,
          heading: ctx.t('account.deleted.title'),
          text: ctx.t('account.deleted.text'),
          links: [{ href: home(edition), label: ctx.t('account.backHome') }],
        }),
      )
    })
  })
}
