// What the newsroom knows of a staff member and their signed-in session.
import type { StaffRole } from '../platform/db/schema.ts'

export interface StaffMember {
  id: number
  email: string
  name: string
  role: StaffRole
  owner: boolean
  disabled: boolean
  createdAt: Date
}

export interface StaffSession {
  /** The stored hash of the cookie's token. */
  id: string
  staff: StaffMember
  csrfToken: string
  lastSeenAt: Date
  expiresAt: Date
}

/** A new session: the cookie's token goes to the browser once and is kept only as a hash. */
export interface SignedIn {
  staff: StaffMember
  token: string
  csrfToken: string
  expiresAt: Date
}
