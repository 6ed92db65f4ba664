// The staff session on the wire: its cookie, the CSRF checks of state-changing requests, and the
// guards routes call to require a signed-in member or a permission.
import type {} from '@fastify/cookie'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { DomainError } from '../platform/errors.ts'
import { randomToken, sameToken } from '../platform/security/tokens.ts'
import { type Action, can } from './permissions.ts'
import type { RequestMeta, StaffService } from './staff.service.ts'
import type { SignedIn, StaffSession } from './staff.types.ts'

export const SESSION_COOKIE = 'dateline_staff'
/** Carries the CSRF token of requests made before signing in (login, setup, invitations). */
export const PRESESSION_COOKIE = 'dateline_csrf'
// Only the newsroom needs the cookies: reader pages stay free of them, and cacheable.
const COOKIE_PATH = '/admin'

declare module 'fastify' {
  interface FastifyRequest {
    staffSession?: StaffSession
  }
  interface FastifyContextConfig {
    /** Reachable signed out (login, setup, invitations): CSRF is then checked against the pre-session cookie. */
    signedOut?: boolean
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

export function createSessionHttp(deps: { staff: StaffService; publicUrl: string }) {
  const secure = deps.publicUrl.startsWith('https:')
  const publicOrigin = new URL(deps.publicUrl).origin

  const cookieOptions = (expires?: Date) => ({
    path: COOKIE_PATH,
    httpOnly: true,
    sameSite: 'lax' as const,
    secure,
    ...(expires && { expires }),
  })

  const sameOrigin = (request: FastifyRequest): boolean => {
    const origin = request.headers.origin
    if (origin === undefined) return true
    if (origin === publicOrigin) return true
    const host = request.headers.host
    return host !== undefined && (origin === `http://${host}` || origin === `https://${host}`)
  }

  return {
    /** onRequest: who is signed in, if anyone. */
    async identify(request: FastifyRequest): Promise<void> {
      const token = request.cookies[SESSION_COOKIE]
      if (token) request.staffSession = await deps.staff.authenticate(token)
    },

    /** Refuses state-changing requests without the right CSRF token or from another site. */
    checkCsrf(request: FastifyRequest): void {
      if (SAFE_METHODS.has(request.method)) return
      if (!sameOrigin(request))
        throw new DomainError('csrf', 'This request came from another site and was refused.')
      const sent = request.headers['x-csrf-token']
      const session = request.staffSession
      const ok =
        typeof sent === 'string' &&
        (session
          ? deps.staff.csrfMatches(session, sent)
          : request.routeOptions.config.signedOut === true &&
            sameToken(request.cookies[PRESESSION_COOKIE] ?? '', sent))
      if (!ok)
        throw new DomainError(
          'csrf',
          'The security token of this page has expired. Reload the page and try again.',
        )
    },

    /** The CSRF token for the page: the session's, or a pre-session one kept in a cookie. */
    csrfTokenFor(request: FastifyRequest, reply: FastifyReply): string {
      if (request.staffSession) return request.staffSession.csrfToken
      let token = request.cookies[PRESESSION_COOKIE]
      if (!token || !/^[A-Za-z0-9_-]{43}$/.test(token)) {
        token = randomToken()
        reply.setCookie(PRESESSION_COOKIE, token, { ...cookieOptions(), sameSite: 'strict' })
      }
      return token
    },

    /** A new session replaces whatever cookie the browser had: the session id rotates at login. */
    signIn(reply: FastifyReply, signedIn: SignedIn): void {
      reply.setCookie(SESSION_COOKIE, signedIn.token, cookieOptions(signedIn.expiresAt))
      reply.clearCookie(PRESESSION_COOKIE, { path: COOKIE_PATH })
    },

    signOut(reply: FastifyReply): void {
      reply.clearCookie(SESSION_COOKIE, { path: COOKIE_PATH })
    },

    meta(request: FastifyRequest): RequestMeta {
      return { ip: request.ip, userAgent: String(request.headers['user-agent'] ?? '') }
    },
  }
}

export type SessionHttp = ReturnType<typeof createSessionHttp>

/** The signed-in session, or a 401. */
export function signedIn(request: FastifyRequest): StaffSession {
  const session = request.staffSession
  if (!session) throw new DomainError('unauthenticated', 'Sign in to continue.')
  return session
}

/** The signed-in member, when their role allows the action; else a 401 or 403. */
export function allowed(request: FastifyRequest, action: Action) {
  const { staff } = signedIn(request)
  if (!can(staff, action))
    throw new DomainError('forbidden', 'Your role does not allow this. Ask an administrator.')
  return staff
}
