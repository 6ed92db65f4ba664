// Kysely table types of the newsletters (migration 20261128_0011_newsletters).
import type { ColumnType, Generated } from 'kysely'
import type { Timestamp } from '../platform/db/schema.ts'

type Later<T> = ColumnType<T | null, T | null | undefined, T | null>
type Defaulted<T> = ColumnType<T, T | undefined, T>
/** A flag with a default: boolean on PostgreSQL, 0/1 on SQLite, written as 0/1. */
type OptionalFlag = ColumnType<boolean | number, number | undefined, number>

/** The e-mail lists of an edition. */
export type NewsletterList = 'digest' | 'breaking'
export const NEWSLETTER_LISTS: readonly NewsletterList[] = ['digest', 'breaking']

/**
 * pending: asked, not confirmed; confirmed: mailed; unsubscribed: left every list; bounced: the
 * address bounced or complained, and is never mailed again.
 */
export type SubscriberStatus = 'pending' | 'confirmed' | 'unsubscribed' | 'bounced'
/** How the subscription came: the subscribe form, a signed-in reader's own address, an import. */
export type SubscriberSource = 'form' | 'account' | 'import'

export interface NewsletterSubscriberTable {
  id: Generated<number>
  edition_id: number
  email: string
  reader_id: Later<number>
  digest: OptionalFlag
  breaking: OptionalFlag
  status: SubscriberStatus
  source: SubscriberSource
  consent_at: Later<Date | string>
  created_at: Timestamp
  updated_at: Timestamp
  unsubscribed_at: Later<Date | string>
}

export interface NewsletterTokenTable {
  token_hash: string
  subscriber_id: number
  lists: string
  created_at: Timestamp
  expires_at: Timestamp
  used_at: Later<Date | string>
}

export interface NewsletterSuppressionTable {
  email: string
  reason: 'bounce' | 'complaint'
  detail: Defaulted<string>
  created_at: Timestamp
}

export interface NewsletterSettingsTable {
  edition_id: number
  digest_time: string
}

/** preparing: waits for its stories; sending: batches queued; empty/skipped: nothing to send. */
export type IssueStatus = 'preparing' | 'sending' | 'empty' | 'skipped'

export interface NewsletterIssueTable {
  id: Generated<number>
  edition_id: number
  list: NewsletterList
  issue_key: string
  article_id: Later<number>
  status: IssueStatus
  subject: Defaulted<string>
  content: ColumnType<unknown, string | null | undefined, string | null>
  created_at: Timestamp
}

/** sending: claimed before the mail leaves; sent: the server took it; failed: refused for good. */
export type SendStatus = 'sending' | 'sent' | 'failed'

export interface NewsletterSendTable {
  issue_id: number
  subscriber_id: number
  status: SendStatus
  error: Later<string>
  created_at: Timestamp
  sent_at: Later<Date | string>
}

export interface NewsletterTables {
  newsletter_subscribers: NewsletterSubscriberTable
  newsletter_tokens: NewsletterTokenTable
  newsletter_suppressions: NewsletterSuppressionTable
  newsletter_settings: NewsletterSettingsTable
  newsletter_issues: NewsletterIssueTable
  newsletter_sends: NewsletterSendTable
}
