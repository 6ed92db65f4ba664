// The reader's session on the wire: its cookie, the CSRF token of forms and the comment island,
// and the Origin check of every state-changing request.
import type {} from '@fastify/cookie'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { DomainError } from '../platform/errors.ts'
import { looksLikeToken, randomToken, sameToken } from '../platform/security/tokens.ts'
import type { ReaderService } from './reader.service.ts'
import type { ReaderSession, ReaderSignedIn } from './reader.types.ts'

export const READER_COOKIE = 'dateline_reader'
/** The CSRF token of forms sent signed out: login, registration, password reset. */
export const READER_CSRF_COOKIE = 'dateline_reader_csrf'

declare module 'fastify' {
  interface FastifyRequest {
    readerSession?: ReaderSession
  }
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS'])

export function createReaderSessionHttp(deps: { readers: ReaderService; publicUrl: string }) {
  const secure = deps.publicUrl.startsWith('https:')
  const publicOrigin = new URL(deps.publicUrl).origin
  const options = (expires?: Date) => ({
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure,
    ...(expires && { expires }),
  })

  return {
    async identify(request: FastifyRequest): Promise<ReaderSession | undefined> {
      const token = request.cookies[READER_COOKIE]
      if (token) request.readerSession = await deps.readers.authenticate(token)
      return request.readerSession
    },

    /** The token a page or the island sends back: the session's, or a pre-session cookie's. */
    csrfToken(request: FastifyRequest, reply: FastifyReply): string {
      if (request.readerSession) return request.readerSession.csrfToken
      let token = request.cookies[READER_CSRF_COOKIE]
      if (!looksLikeToken(token)) {
        token = randomToken()
        reply.setCookie(READER_CSRF_COOKIE, token, { ...options(), sameSite: 'strict' })
      }
      return token
    },

    /** Refuses a state-changing request from another site or without the right token. */
    checkCsrf(request: FastifyRequest): void {
      if (SAFE.has(request.method)) return
      const origin = request.headers.origin
      const host = request.headers.host
      if (
        origin !== undefined &&
        origin !== publicOrigin &&
        origin !== `http://${host}` &&
        origin !== `https://${host}`
      )
        throw new DomainError('csrf', 'csrf')
      const header = request.headers['x-csrf-token']
      const field = (request.body as { _csrf?: unknown } | undefined)?._csrf
      const sent = typeof header === 'string' ? header : typeof field === 'string' ? field : ''
      const expected = request.readerSession?.csrfToken ?? request.cookies[READER_CSRF_COOKIE] ?? ''
      if (!expected || !sameToken(expected, sent)) throw new DomainError('csrf', 'csrf')
    },

    signIn(reply: FastifyReply, signedIn: ReaderSignedIn): void {
      reply.setCookie(READER_COOKIE, signedIn.token, options(signedIn.expiresAt))
      reply.clearCookie(READER_CSRF_COOKIE, { path: '/' })
    },

    signOut(reply: FastifyReply): void {
      reply.clearCookie(READER_COOKIE, { path: '/' })
    },
  }
}

export type ReaderSessionHttp = ReturnType<typeof createReaderSessionHttp>
