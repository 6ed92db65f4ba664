// Staff accounts: the owner's one-time setup, invitations, signing in and out, passwords, roles.
import { cleanLine } from '../content/text.ts'
import type { Clock } from '../platform/clock.ts'
import type { Db } from '../platform/db/database.ts'
import type { StaffRole } from '../platform/db/schema.ts'
import { DomainError, invalidInput, notFound } from '../platform/errors.ts'
import {
  checkNewPassword,
  decoyHash,
  hashPassword,
  verifyPassword,
} from '../platform/security/password.ts'
import type { RateLimiter } from '../platform/security/rate-limit.ts'
import { looksLikeToken, randomToken, sameToken, tokenHash } from '../platform/security/tokens.ts'
import type { AuditRepository } from './audit.repository.ts'
import { type Actor, ROLES } from './permissions.ts'
import type { StaffRepository } from './staff.repository.ts'
import type { SignedIn, StaffMember, StaffSession } from './staff.types.ts'

const DAY = 24 * 60 * 60_000
const SESSION_IDLE_MS = 14 * DAY
/** A session's expiry moves on with use, at most this often, to spare a write per request. */
const TOUCH_EVERY_MS = 5 * 60_000
const INVITATION_MS = 7 * DAY
const SETUP_TOKEN_KEY = 'setup_token_hash'

/** Failed logins allowed per account and per address in a quarter of an hour. */
export const LOGIN_LIMITS = {
  account: { max: 5, windowMs: 15 * 60_000 },
  address: { max: 30, windowMs: 15 * 60_000 },
}

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,253}\.[^\s@]{2,63}$/

export function normaliseEmail(value: unknown, field = 'email'): string {
  const email = typeof value === 'string' ? value.trim().toLowerCase() : ''
  if (email.length > 254 || !EMAIL.test(email))
    throw invalidInput(field, 'enter an e-mail address such as name@example.com')
  return email
}

function checkName(value: unknown): string {
  const name = cleanLine(typeof value === 'string' ? value : '')
  if (name.length === 0) throw invalidInput('name', 'name is required')
  if (name.length > 100) throw invalidInput('name', 'name is longer than 100 characters')
  return name
}

function checkRole(value: unknown): StaffRole {
  if (!ROLES.includes(value as StaffRole))
    throw invalidInput('role', `role must be one of ${ROLES.join(', ')}`)
  return value as StaffRole
}

export interface RequestMeta {
  ip: string
  userAgent: string
}

export function createStaffService(deps: {
  db: Db
  staff: StaffRepository
  audit: AuditRepository
  limits: RateLimiter
  clock: Clock
  publicUrl: string
}) {
  const { db, staff, audit, limits, clock } = deps
  const iso = () => clock.now().toISOString()

  const openSession = async (
    trx: Db,
    member: StaffMember,
    meta: RequestMeta,
  ): Promise<SignedIn> => {
    const token = randomToken()
    const csrfToken = randomToken()
    const now = clock.now()
    const expiresAt = new Date(now.getTime() + SESSION_IDLE_MS)
    await staff.insertSession(trx, {
      id: tokenHash(token),
      staffId: member.id,
      csrfToken,
      userAgent: meta.userAgent.slice(0, 300),
      at: now.toISOString(),
      expiresAt: expiresAt.toISOString(),
    })
    return { staff: member, token, csrfToken, expiresAt }
  }

  const tooMany = (retryAfter: number) =>
    new DomainError(
      'rate_limited',
      `Too many failed attempts. Try again in ${Math.ceil(retryAfter / 60)} minute${retryAfter > 60 ? 's' : ''}.`,
      undefined,
      retryAfter,
    )

  return {
    /**
     * While nobody has an account, makes a new one-time setup link (replacing any earlier one) and
     * returns its path; afterwards returns undefined.
     */
    async setupLink(): Promise<string | undefined> {
      if ((await staff.count()) > 0) return undefined
      const token = randomToken()
      await staff.putSetting(SETUP_TOKEN_KEY, tokenHash(token))
      return `/admin/setup?token=${token}`
    },

    async setupRequired(): Promise<boolean> {
      return (await staff.count()) === 0
    },

    /** Creates the owner through the setup link, and signs them in. */
    async setup(
      input: { token: unknown; email: unknown; name: unknown; password: unknown },
      meta: RequestMeta,
    ): Promise<SignedIn> {
      const email = normaliseEmail(input.email)
      const name = checkName(input.name)
      const password = checkNewPassword(input.password)
      const invalid = new DomainError(
        'invalid_token',
        'This setup link is not valid any more.',
        'token',
      )
      if (!looksLikeToken(input.token)) throw invalid
      const passwordHash = await hashPassword(password)
      return db.transaction().execute(async (trx) => {
        if (!(await staff.takeSetting(trx, SETUP_TOKEN_KEY, tokenHash(input.token as string))))
          throw invalid
        if ((await staff.count(trx)) > 0) throw invalid
        const at = iso()
        const owner = await staff.insert(trx, {
          email,
          name,
          role: 'admin',
          passwordHash,
          owner: true,
          at,
        })
        await audit.record(trx, { staffId: owner.id, action: 'staff.setup', detail: { email }, at })
        return openSession(trx, owner, meta)
      })
    },

    async login(
      input: { email: unknown; password: unknown },
      meta: RequestMeta,
    ): Promise<SignedIn> {
      const email =
        typeof input.email === 'string' ? input.email.trim().toLowerCase().slice(0, 254) : ''
      const password = typeof input.password === 'string' ? input.password.slice(0, 1024) : ''
      const accountKey = `login:account:${email}`
      const attempts = [
        [accountKey, LOGIN_LIMITS.account],
        [`login:address:${meta.ip}`, LOGIN_LIMITS.address],
      ] as const
      const wait = await limits.refusal(attempts)
      if (wait !== undefined) throw tooMany(wait)
      const member = await staff.byEmail(email)
      // The same work whether or not the account exists, so timing does not tell.
      const ok = await verifyPassword(member?.passwordHash ?? (await decoyHash()), password)
      if (!member || !ok) {
        await limits.hitAll(attempts)
        throw new DomainError('invalid_credentials', 'The e-mail address or password is not right.')
      }
      if (member.disabled)
        throw new DomainError('forbidden', 'This account is disabled. Ask an administrator.')
      await limits.reset(accountKey)
      const { passwordHash: _, ...profile } = member
      return db.transaction().execute(async (trx) => {
        await audit.record(trx, {
          staffId: member.id,
          action: 'staff.login',
          detail: { ip: meta.ip },
          at: iso(),
        })
        return openSession(trx, profile, meta)
      })
    },

    /** The session of a cookie's token, while it is valid and its staff member is enabled. */
    async authenticate(token: unknown): Promise<StaffSession | undefined> {
      if (!looksLikeToken(token)) return undefined
      const session = await staff.session(tokenHash(token))
      const now = clock.now()
      if (!session || session.expiresAt <= now || session.staff.disabled) return undefined
      if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS)
        await staff.touchSession(
          session.id,
          now.toISOString(),
          new Date(now.getTime() + SESSION_IDLE_MS).toISOString(),
        )
      return session
    },

    csrfMatches: (session: StaffSession, sent: unknown): boolean =>
      typeof sent === 'string' && sameToken(session.csrfToken, sent),

    async logout(session: StaffSession): Promise<void> {
      await staff.deleteSession(session.id)
    },

    async logoutEverywhere(actor: Actor): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await staff.deleteSessionsOf(trx, actor.id)
        await audit.record(trx, { staffId: actor.id, action: 'staff.logout_everywhere', at: iso() })
      })
    },

    /** Changes the password and ends the member's other sessions. */
    async changePassword(
      session: StaffSession,
      input: { currentPassword: unknown; newPassword: unknown },
    ): Promise<void> {
      const member = await staff.byId(session.staff.id)
      if (!member) throw notFound('staff member')
      const current = typeof input.currentPassword === 'string' ? input.currentPassword : ''
      if (!(await verifyPassword(member.passwordHash, current)))
        throw invalidInput('currentPassword', 'the current password is not right')
      const passwordHash = await hashPassword(checkNewPassword(input.newPassword, 'newPassword'))
      await db.transaction().execute(async (trx) => {
        const at = iso()
        await staff.setPassword(trx, member.id, passwordHash, at)
        await staff.deleteSessionsOf(trx, member.id, session.id)
        await audit.record(trx, { staffId: member.id, action: 'staff.password_changed', at })
      })
    },

    async invite(actor: Actor, input: { email: unknown; role: unknown }) {
      const email = normaliseEmail(input.email)
      const role = checkRole(input.role)
      if (await staff.byEmail(email))
        throw new DomainError(
          'conflict',
          'Someone on the staff already has this e-mail address.',
          'email',
        )
      const token = randomToken()
      const now = clock.now()
      const expiresAt = new Date(now.getTime() + INVITATION_MS)
      await staff.insertInvitation({
        tokenHash: tokenHash(token),
        email,
        role,
        invitedBy: actor.id,
        at: now.toISOString(),
        expiresAt: expiresAt.toISOString(),
      })
      await audit.record(db, {
        staffId: actor.id,
        action: 'staff.invited',
        detail: { email, role },
        at: now.toISOString(),
      })
      return { url: `${deps.publicUrl}/admin/invite?token=${token}`, expiresAt }
    },

    async invitation(token: unknown) {
      const found = looksLikeToken(token) ? await staff.invitation(tokenHash(token)) : undefined
      if (!found || found.acceptedAt || found.expiresAt <= clock.now())
        throw new DomainError(
          'invalid_token',
          'This invitation is not valid any more: ask for a new one.',
          'token',
        )
      return found
    },

    async acceptInvitation(
      input: { token: unknown; name: unknown; password: unknown },
      meta: RequestMeta,
    ): Promise<SignedIn> {
      const invitation = await this.invitation(input.token)
      const name = checkName(input.name)
      const passwordHash = await hashPassword(checkNewPassword(input.password))
      return db.transaction().execute(async (trx) => {
        const at = iso()
        if (!(await staff.acceptInvitation(trx, invitation.id, at)))
          throw new DomainError('invalid_token', 'This invitation has been used already.', 'token')
        if (await staff.byEmail(invitation.email, trx))
          throw new DomainError(
            'conflict',
            'Someone on the staff already has this e-mail address.',
            'email',
          )
        const member = await staff.insert(trx, {
          email: invitation.email,
          name,
          role: invitation.role,
          passwordHash,
          owner: false,
          at,
        })
        await audit.record(trx, {
          staffId: member.id,
          action: 'staff.joined',
          detail: { role: member.role },
          at,
        })
        return openSession(trx, member, meta)
      })
    },

    list: () => staff.list(),

    async update(
      actor: Actor,
      id: number,
      input: { role?: unknown; disabled?: unknown },
    ): Promise<StaffMember> {
      const member = await staff.byId(id)
      if (!member) throw notFound('staff member')
      const role = input.role === undefined ? undefined : checkRole(input.role)
      const disabled = input.disabled === undefined ? undefined : input.disabled === true
      if (member.owner && ((role !== undefined && role !== 'admin') || disabled))
        throw new DomainError('forbidden', 'The owner stays an enabled administrator.')
      if (member.id === actor.id && (disabled || (role !== undefined && role !== 'admin')))
        throw new DomainError('forbidden', 'You cannot demote or disable yourself.')
      await db.transaction().execute(async (trx) => {
        await staff.update(trx, id, { role, disabled })
        if (disabled) await staff.deleteSessionsOf(trx, id)
        await audit.record(trx, {
          staffId: actor.id,
          action: 'staff.updated',
          detail: {
            staffId: id,
            ...(role && { role }),
            ...(disabled !== undefined && { disabled }),
          },
          at: iso(),
        })
      })
      const updated = await staff.byId(id)
      if (!updated) throw notFound('staff member')
      const { passwordHash: _, ...profile } = updated
      return profile
    },
  }
}

export type StaffService = ReturnType<typeof createStaffService>
