// What the site knows of a reader (an account separate from the staff) and their session.

export interface Reader {
  id: number
  email: string
  displayName: string
  editionId: number | null
  createdAt: Date
  confirmedAt: Date | null
  trustedAt: Date | null
  mutedUntil: Date | null
  bannedAt: Date | null
  standingReason: string
}

export interface ReaderSession {
  id: string
  reader: Reader
  csrfToken: string
  lastSeenAt: Date
  expiresAt: Date
}

export interface ReaderSignedIn {
  reader: Reader
  token: string
  csrfToken: string
  expiresAt: Date
}

/** How mail leaves: queued in the caller's transaction, sent after it commits. */
export interface MailQueue {
  enqueue(
    trx: import('../platform/db/database.ts').Db,
    mail: { to: string; subject: string; text: string; html?: string },
  ): Promise<void>
}
