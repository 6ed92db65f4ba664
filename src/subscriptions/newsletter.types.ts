// What the rest of Dateline sees of newsletter subscribers, issues and their stories.
import type { NewsletterList, SubscriberSource, SubscriberStatus } from './newsletter.table.ts'

export type { NewsletterList, SubscriberSource, SubscriberStatus }

export interface Subscriber {
  id: number
  editionId: number
  email: string
  readerId: number | null
  lists: NewsletterList[]
  status: SubscriberStatus
  source: SubscriberSource
  consentAt: Date | null
  createdAt: Date
  unsubscribedAt: Date | null
}

/** One story of an issue, as the mail shows it: every address absolute. */
export interface IssueStory {
  id: number
  headline: string
  dek: string
  url: string
  breaking: boolean
  image: { src: string; alt: string; width: number; height: number } | null
}

/** What an issue says, fixed when it is prepared so every batch sends the same mail. */
export interface IssueContent {
  subject: string
  /** The digest's day as the edition writes it ("14 February 2026"); empty for an alert. */
  day: string
  stories: IssueStory[]
}
