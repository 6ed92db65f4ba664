// Reader accounts: registration confirmed by e-mail, login, password reset, display name, deletion
// and the reader's data. Nothing here tells whether an address has an account.
import { cleanLine } from '../content/text.ts'
import { normaliseEmail } from '../newsroom/staff.service.ts'
import type { Clock } from '../platform/clock.ts'
import type { Db } from '../platform/db/database.ts'
import { DomainError, invalidInput, notFound } from '../platform/errors.ts'
import {
  checkNewPassword,
  decoyHash,
  hashPassword,
  verifyPassword,
} from '../platform/security/password.ts'
import type { Limit, RateLimiter } from '../platform/security/rate-limit.ts'
import { looksLikeToken, randomToken, sameToken, tokenHash } from '../platform/security/tokens.ts'
import type { ReaderRepository } from './reader.repository.ts'
import type { MailQueue, Reader, ReaderSession, ReaderSignedIn } from './reader.types.ts'
import type { ReaderMails } from './reader-mail.ts'

const HOUR = 60 * 60_000
const DAY = 24 * HOUR
const SESSION_IDLE_MS = 30 * DAY
const TOUCH_EVERY_MS = 5 * 60_000
const CONFIRM_MS = 2 * DAY
const RESET_MS = HOUR
const NAME_MAX = 50
// Bidirectional overrides and isolates could flip how a name reads next to others.
const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g

export const READER_LIMITS: Record<string, Limit> = {
  registerAddress: { max: 10, windowMs: HOUR },
  registerAccount: { max: 3, windowMs: HOUR },
  loginAccount: { max: 5, windowMs: 15 * 60_000 },
  loginAddress: { max: 30, windowMs: 15 * 60_000 },
  resetAddress: { max: 10, windowMs: HOUR },
  resetAccount: { max: 3, windowMs: HOUR },
}

export function checkDisplayName(value: unknown): string {
  const name = cleanLine(typeof value === 'string' ? value : '')
    .replace(BIDI, '')
    .trim()
  // A name of nothing but invisible characters is no name.
  if (name.replace(/[\p{Cf}\p{Z}\p{M}]/gu, '').length === 0)
    throw invalidInput('displayName', 'displayName.required')
  if ([...name].length > NAME_MAX) throw invalidInput('displayName', 'displayName.tooLong')
  return name
}

export interface ReaderMeta {
  ip: string
}

/** Where the links in a reader's mail point, in the edition they came from. */
export interface MailContext {
  editionId: number
  locale: string
  /** The edition's account pages, e.g. https://news.example.com/en/account */
  accountUrl: string
}

export function createReaderService(deps: {
  db: Db
  readers: ReaderRepository
  limits: RateLimiter
  mail: MailQueue
  mails: ReaderMails
  clock: Clock
  /** What deleting an account does to its comments, in the deletion's transaction. */
  forget: (trx: Db, reader: Reader) => Promise<void>
  /** What other domains keep of a reader (chat messages), added to their data download. */
  exports?: Array<(readerId: number) => Promise<Record<string, unknown>>>
}) {
  const { db, readers, limits, clock } = deps
  const exports = deps.exports ?? []
  const iso = () => clock.now().toISOString()

  const refuseIfUsedUp = async (checks: readonly (readonly [string, Limit])[]) => {
    const wait = await limits.refusal(checks)
    if (wait !== undefined) throw new DomainError('rate_limited', 'rateLimited', undefined, wait)
  }

  /** Refuses when a limit is used up; otherwise counts this attempt against each. */
  const limited = async (checks: [string, Limit][]) => {
    await refuseIfUsedUp(checks)
    await limits.hitAll(checks)
  }

  const openSession = async (trx: Db, reader: Reader): Promise<ReaderSignedIn> => {
    const token = randomToken()
    const csrfToken = randomToken()
    const now = clock.now()
    const expiresAt = new Date(now.getTime() + SESSION_IDLE_MS)
    await readers.insertSession(trx, {
      id: tokenHash(token),
      readerId: reader.id,
      csrfToken,
      at: now.toISOString(),
      expiresAt: expiresAt.toISOString(),
    })
    return { reader, token, csrfToken, expiresAt }
  }

  const sendToken = async (
    trx: Db,
    reader: Reader,
    purpose: 'confirm' | 'reset',
    context: MailContext,
  ) => {
    const token = randomToken()
    const now = clock.now()
    await readers.insertToken(trx, {
      tokenHash: tokenHash(token),
      readerId: reader.id,
      purpose,
      at: now.toISOString(),
      expiresAt: new Date(
        now.getTime() + (purpose === 'confirm' ? CONFIRM_MS : RESET_MS),
      ).toISOString(),
    })
    const link = `${context.accountUrl}/${purpose === 'confirm' ? 'confirm' : 'reset'}?token=${token}`
    await deps.mail.enqueue(trx, deps.mails[purpose](context.locale, reader, link))
  }

  const invalidToken = () => new DomainError('invalid_token', 'token.invalid', 'token')

  return {
    /** Creates an unconfirmed account and mails the link; an address already known gets a note instead. */
    async register(
      input: { email: unknown; displayName: unknown; password: unknown },
      context: MailContext,
      meta: ReaderMeta,
    ): Promise<void> {
      const email = normaliseEmail(input.email)
      const displayName = checkDisplayName(input.displayName)
      const password = checkNewPassword(input.password)
      await limited([
        [`register:address:${meta.ip}`, READER_LIMITS.registerAddress!],
        [`register:account:${email}`, READER_LIMITS.registerAccount!],
      ])
      const passwordHash = await hashPassword(password)
      await db.transaction().execute(async (trx) => {
        const known = await readers.byEmail(email, trx)
        if (known) {
          await deps.mail.enqueue(trx, deps.mails.known(context.locale, known, context.accountUrl))
          return
        }
        const reader = await readers.insert(trx, {
          email,
          displayName,
          passwordHash,
          editionId: context.editionId,
          at: iso(),
        })
        await sendToken(trx, reader, 'confirm', context)
      })
    },

    async confirm(token: unknown): Promise<ReaderSignedIn> {
      if (!looksLikeToken(token)) throw invalidToken()
      return db.transaction().execute(async (trx) => {
        const readerId = await readers.takeToken(trx, tokenHash(token), 'confirm', iso())
        const reader = readerId === undefined ? undefined : await readers.byId(readerId, trx)
        if (!reader) throw invalidToken()
        if (!reader.confirmedAt) await readers.update(trx, reader.id, { confirmed_at: iso() })
        const { passwordHash: _, ...profile } = reader
        return openSession(trx, { ...profile, confirmedAt: profile.confirmedAt ?? clock.now() })
      })
    },

    async login(
      input: { email: unknown; password: unknown },
      context: MailContext,
      meta: ReaderMeta,
    ): Promise<ReaderSignedIn> {
      const email =
        typeof input.email === 'string' ? input.email.trim().toLowerCase().slice(0, 254) : ''
      const password = typeof input.password === 'string' ? input.password.slice(0, 1024) : ''
      const accountKey = `reader-login:account:${email}`
      const attempts = [
        [accountKey, READER_LIMITS.loginAccount!],
        [`reader-login:address:${meta.ip}`, READER_LIMITS.loginAddress!],
      ] as const
      await refuseIfUsedUp(attempts)
      const reader = await readers.byEmail(email)
      const ok = await verifyPassword(reader?.passwordHash ?? (await decoyHash()), password)
      if (!reader || !ok) {
        await limits.hitAll(attempts)
        throw new DomainError('invalid_credentials', 'login.failed')
      }
      await limits.reset(accountKey)
      const { passwordHash: _, ...profile } = reader
      if (!profile.confirmedAt) {
        // Only someone who knows the password learns the account waits for confirmation.
        await db.transaction().execute((trx) => sendToken(trx, profile, 'confirm', context))
        throw new DomainError('forbidden', 'login.unconfirmed')
      }
      return db.transaction().execute((trx) => openSession(trx, profile))
    },

    async authenticate(token: unknown): Promise<ReaderSession | undefined> {
      if (!looksLikeToken(token)) return undefined
      const session = await readers.session(tokenHash(token))
      const now = clock.now()
      if (!session || session.expiresAt <= now) return undefined
      if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS)
        await readers.touchSession(
          session.id,
          now.toISOString(),
          new Date(now.getTime() + SESSION_IDLE_MS).toISOString(),
        )
      return session
    },

    csrfMatches: (session: ReaderSession, sent: unknown): boolean =>
      typeof sent === 'string' && sameToken(session.csrfToken, sent),

    logout: (session: ReaderSession) => readers.deleteSession(session.id),

    /** Mails a reset link when the address has an account; says nothing either way. */
    async requestReset(
      input: { email: unknown },
      context: MailContext,
      meta: ReaderMeta,
    ): Promise<void> {
      const email = normaliseEmail(input.email)
      await limited([
        [`reset:address:${meta.ip}`, READER_LIMITS.resetAddress!],
        [`reset:account:${email}`, READER_LIMITS.resetAccount!],
      ])
      await db.transaction().execute(async (trx) => {
        const reader = await readers.byEmail(email, trx)
        if (reader) await sendToken(trx, reader, 'reset', context)
      })
    },

    /** Sets a new password through a reset link, ends every other session, and signs in. */
    async resetPassword(input: { token: unknown; password: unknown }): Promise<ReaderSignedIn> {
      if (!looksLikeToken(input.token)) throw invalidToken()
      const passwordHash = await hashPassword(checkNewPassword(input.password))
      const token = input.token
      return db.transaction().execute(async (trx) => {
        const readerId = await readers.takeToken(trx, tokenHash(token), 'reset', iso())
        const reader = readerId === undefined ? undefined : await readers.byId(readerId, trx)
        if (!reader) throw invalidToken()
        // Following the mailed link proves the address too.
        await readers.update(trx, reader.id, {
          password_hash: passwordHash,
          ...(reader.confirmedAt ? {} : { confirmed_at: iso() }),
        })
        await readers.deleteSessionsOf(trx, reader.id)
        const { passwordHash: _, ...profile } = reader
        return openSession(trx, profile)
      })
    },

    async rename(session: ReaderSession, displayName: unknown): Promise<Reader> {
      const name = checkDisplayName(displayName)
      await readers.update(db, session.reader.id, { display_name: name })
      return { ...session.reader, displayName: name }
    },

    /** Deletes the account after checking the password; its comments go as the edition says. */
    async deleteAccount(session: ReaderSession, password: unknown): Promise<void> {
      const reader = await readers.byId(session.reader.id)
      if (!reader) throw notFound('reader')
      if (
        !(await verifyPassword(reader.passwordHash, typeof password === 'string' ? password : ''))
      )
        throw invalidInput('password', 'password.wrong')
      await db.transaction().execute(async (trx) => {
        await deps.forget(trx, session.reader)
        await readers.delete(trx, reader.id)
      })
    },

    async exportData(session: ReaderSession) {
      const { reader } = session
      return {
        account: {
          email: reader.email,
          displayName: reader.displayName,
          createdAt: reader.createdAt.toISOString(),
          confirmedAt: reader.confirmedAt?.toISOString() ?? null,
        },
        ...(await readers.export(reader.id)),
        ...Object.assign({}, ...(await Promise.all(exports.map((part) => part(reader.id))))),
      }
    },
  }
}

export type ReaderService = ReturnType<typeof createReaderService>
