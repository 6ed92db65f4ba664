// Kysely table types for web push, added to the shared database type where push queries run.
import type { Generated } from 'kysely'
import type { Db } from '../platform/db/database.ts'
import type { Timestamp } from '../platform/db/schema.ts'

/** Who an alert went to: every subscription of the edition, or those following the story's topics. */
export type PushAudience = 'breaking' | 'topics'

export type PushSubscriptionTable = {
  id: Generated<number>
  edition_id: number
  endpoint: string
  p256dh: string
  auth: string
  created_at: Timestamp
  updated_at: Timestamp
}

export type PushSubscriptionTopicTable = {
  subscription_id: number
  /** "section:{id}" or "tag:{id}". */
  topic: string
}

export type PushAlertTable = {
  article_id: number
  audience: PushAudience
  created_at: Timestamp
}

export type PushTables = {
  push_subscriptions: PushSubscriptionTable
  push_subscription_topics: PushSubscriptionTopicTable
  push_alerts: PushAlertTable
}

/** The handle (or transaction) with the push tables known to its types. */
export const withPush = (db: Db) => db.withTables<PushTables>()
