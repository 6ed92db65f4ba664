// Subscribing to an edition's newsletters: double opt-in by a mailed link (or straight away for a
// signed-in reader's own confirmed address), one-click unsubscribing, and bounces and complaints
// that stop all mail to an address. Nothing here tells whether an address is known.
import type { Reader } from '../community/reader.types.ts'
import type { Edition } from '../content/content.types.ts'
import { normaliseEmail } from '../newsroom/staff.service.ts'
import type { Clock } from '../platform/clock.ts'
import type { Db } from '../platform/db/database.ts'
import { DomainError, invalidInput } from '../platform/errors.ts'
import type { MailQueue } from '../platform/mail/mail-queue.ts'
import type { Limit, RateLimiter } from '../platform/security/rate-limit.ts'
import { looksLikeToken, randomToken, tokenHash } from '../platform/security/tokens.ts'
import type { NewsletterRepository } from './newsletter.repository.ts'
import { NEWSLETTER_LISTS, type NewsletterList } from './newsletter.table.ts'
import type { Subscriber } from './newsletter.types.ts'
import type { NewsletterIssues } from './newsletter-issues.ts'
import type { NewsletterLinks, UnsubscribeToken } from './newsletter-links.ts'
import { confirmMail } from './newsletter-mail.tsx'
import { DEFAULT_DIGEST_TIME } from './newsletter-schedule.ts'

const HOUR = 60 * 60_000
const CONFIRM_MS = 48 * HOUR
const BOUNCES_MAX = 1000

export const NEWSLETTER_LIMITS: Record<'address' | 'email', Limit> = {
  /** Subscriptions asked from one network address. */
  address: { max: 10, windowMs: HOUR },
  /** Confirmation mails to one address: enough to retry, too few to flood an inbox. */
  email: { max: 3, windowMs: HOUR },
}

export type BounceKind = 'bounce' | 'complaint'

/** The lists asked for, in their usual order; none is a mistake the form shows. */
export function checkLists(value: unknown): NewsletterList[] {
  const asked = Array.isArray(value) ? value : [value]
  const lists = NEWSLETTER_LISTS.filter((list) => asked.includes(list))
  if (lists.length === 0) throw invalidInput('lists', 'choose at least one list')
  return lists
}

const union = (a: readonly NewsletterList[], b: readonly NewsletterList[]) =>
  NEWSLETTER_LISTS.filter((list) => a.includes(list) || b.includes(list))

const invalidToken = () => new DomainError('invalid_token', 'token.invalid', 'token')

export function createNewsletterService(deps: {
  db: Db
  repository: NewsletterRepository
  issues: Pick<NewsletterIssues, 'ensureSchedule'>
  links: NewsletterLinks
  limits: RateLimiter
  mail: Pick<MailQueue, 'enqueue'>
  clock: Clock
  siteName: string
  publicUrl: string
}) {
  const { db, repository, limits, clock, links } = deps
  const iso = () => clock.now().toISOString()

  const sendConfirmation = async (
    trx: Db,
    edition: Edition,
    subscriber: Subscriber,
    lists: NewsletterList[],
  ) => {
    const token = randomToken()
    const now = clock.now()
    await repository.insertToken(trx, {
      tokenHash: tokenHash(token),
      subscriberId: subscriber.id,
      lists,
      at: now.toISOString(),
      expiresAt: new Date(now.getTime() + CONFIRM_MS).toISOString(),
    })
    const mail = confirmMail({
      edition,
      lists,
      link: `${deps.publicUrl}/${edition.code}/subscribe/confirm?token=${token}`,
      siteName: deps.siteName,
      siteUrl: `${deps.publicUrl}/${edition.code}`,
    })
    await deps.mail.enqueue(trx, { to: subscriber.email, ...mail })
  }

  /** A signed-in reader's own confirmed address needs no mailed link. */
  const subscribeReader = async (
    trx: Db,
    edition: Edition,
    reader: Reader,
    lists: NewsletterList[],
  ) => {
    const known = await repository.byEmail(trx, edition.id, reader.email)
    const at = iso()
    if (!known)
      await repository.insert(trx, {
        editionId: edition.id,
        email: reader.email,
        readerId: reader.id,
        lists,
        status: 'confirmed',
        source: 'account',
        consentAt: at,
        at,
      })
    else
      await repository.update(trx, known.id, {
        lists: known.status === 'confirmed' ? union(known.lists, lists) : lists,
        status: 'confirmed',
        readerId: reader.id,
        consentAt: at,
        unsubscribedAt: null,
        at,
      })
    await deps.issues.ensureSchedule(trx, edition)
  }

  /** The subscriber and list an unsubscribe link names, while that subscription stands. */
  const subscriptionOf = async (trx: Db, named: UnsubscribeToken | undefined) => {
    if (!named) throw invalidToken()
    const subscriber = await repository.byId(named.subscriberId, trx)
    // Already off that list (the link was used) or gone: the link no longer does anything.
    if (subscriber?.status !== 'confirmed' || !subscriber.lists.includes(named.list))
      throw invalidToken()
    return { subscriber, list: named.list }
  }

  return {
    /** The edition's digest time, "07:00". */
    digestTime: async (editionId: number): Promise<string> =>
      (await repository.digestTime(db, editionId)) ?? DEFAULT_DIGEST_TIME,

    /**
     * Mails a confirmation link for `lists`, or subscribes at once when the signed-in reader gives
     * their own confirmed address. An address that bounced or complained is mailed nothing, and
     * the answer is the same, so it does not tell.
     */
    async subscribe(input: {
      edition: Edition
      email: unknown
      lists: unknown
      reader?: Reader
      ip: string
    }): Promise<{ email: string; lists: NewsletterList[]; confirmed: boolean }> {
      const email = normaliseEmail(input.email)
      const lists = checkLists(input.lists)
      const checks = [
        [`newsletter:address:${input.ip}`, NEWSLETTER_LIMITS.address],
        [`newsletter:email:${email}`, NEWSLETTER_LIMITS.email],
      ] as const
      const wait = await limits.refusal(checks)
      if (wait !== undefined) throw new DomainError('rate_limited', 'rateLimited', undefined, wait)
      await limits.hitAll(checks)
      const { edition, reader } = input
      const direct = reader?.confirmedAt != null && reader.email === email
      await db.transaction().execute(async (trx) => {
        if (await repository.suppressed(trx, email)) return
        if (direct) return subscribeReader(trx, edition, reader, lists)
        let subscriber = await repository.byEmail(trx, edition.id, email)
        if (!subscriber)
          subscriber = await repository.insert(trx, {
            editionId: edition.id,
            email,
            readerId: null,
            lists,
            status: 'pending',
            source: 'form',
            consentAt: null,
            at: iso(),
          })
        else if (subscriber.status === 'pending' || subscriber.status === 'unsubscribed')
          // What they asked for, to count; nothing is mailed until a link is followed.
          await repository.update(trx, subscriber.id, {
            lists: subscriber.status === 'pending' ? union(subscriber.lists, lists) : lists,
            status: 'pending',
            at: iso(),
          })
        await sendConfirmation(trx, edition, subscriber, lists)
      })
      return { email, lists, confirmed: direct }
    },

    /** Follows a confirmation link once: the lists it asked for are on from now. */
    async confirm(
      token: unknown,
      editions: (id: number) => Edition | undefined,
    ): Promise<{ email: string; lists: NewsletterList[] }> {
      if (!looksLikeToken(token)) throw invalidToken()
      return db.transaction().execute(async (trx) => {
        const taken = await repository.takeToken(trx, tokenHash(token), iso())
        const subscriber = taken && (await repository.byId(taken.subscriberId, trx))
        const edition = subscriber && editions(subscriber.editionId)
        if (!taken || !subscriber || !edition || subscriber.status === 'bounced')
          throw invalidToken()
        const at = iso()
        await repository.update(trx, subscriber.id, {
          lists:
            subscriber.status === 'confirmed' ? union(subscriber.lists, taken.lists) : taken.lists,
          status: 'confirmed',
          consentAt: at,
          unsubscribedAt: null,
          at,
        })
        await deps.issues.ensureSchedule(trx, edition)
        return { email: subscriber.email, lists: taken.lists }
      })
    },

    /** What an unsubscribe link would do, for the page that asks to confirm it. */
    async unsubscribing(token: unknown): Promise<{ email: string; list: NewsletterList }> {
      const { subscriber, list } = await subscriptionOf(db, await links.check(token))
      return { email: subscriber.email, list }
    },

    /** Takes the subscriber off the link's list; off every list, they are unsubscribed. */
    async unsubscribe(token: unknown): Promise<{ email: string; list: NewsletterList }> {
      // The link is checked first: on SQLite nothing may wait on the outer handle inside a transaction.
      const named = await links.check(token)
      return db.transaction().execute(async (trx) => {
        const { subscriber, list } = await subscriptionOf(trx, named)
        const lists = subscriber.lists.filter((l) => l !== list)
        const at = iso()
        await repository.update(trx, subscriber.id, {
          lists,
          ...(lists.length === 0 && { status: 'unsubscribed', unsubscribedAt: at }),
          at,
        })
        return { email: subscriber.email, list }
      })
    },

    /** Records bounces and complaints; their addresses are never mailed again. */
    async recordBounces(
      events: readonly { email?: unknown; type?: unknown; detail?: unknown }[],
    ): Promise<{ recorded: number }> {
      if (events.length > BOUNCES_MAX)
        throw invalidInput('events', `at most ${BOUNCES_MAX} events at a time`)
      const checked = events.map((event, index) => {
        const email = typeof event.email === 'string' ? event.email.trim().toLowerCase() : ''
        if (email.length === 0 || email.length > 254 || !email.includes('@'))
          throw invalidInput(`events.${index}.email`, 'email must be an e-mail address')
        if (event.type !== 'bounce' && event.type !== 'complaint')
          throw invalidInput(`events.${index}.type`, 'type must be bounce or complaint')
        const detail = typeof event.detail === 'string' ? event.detail.slice(0, 1000) : ''
        return { email, reason: event.type as BounceKind, detail }
      })
      await db.transaction().execute(async (trx) => {
        for (const event of checked) await repository.suppress(trx, { ...event, at: iso() })
      })
      return { recorded: checked.length }
    },
  }
}

export type NewsletterService = ReturnType<typeof createNewsletterService>
