// The newsroom's English words for statuses, roles, comment modes and logged actions, and how
// times and sizes read.
import type { CommentMode, QueueComment, Role, Status } from './api.ts'

export const MIN_PASSWORD_LENGTH = 12

export const STATUS_LABELS: Record<Status, string> = {
  draft: 'Draft',
  in_review: 'In review',
  scheduled: 'Scheduled',
  published: 'Published',
  unpublished: 'Unpublished',
}

export const STATUSES = Object.keys(STATUS_LABELS) as Status[]

export const ROLE_LABELS: Record<Role, string> = {
  contributor: 'Contributor',
  author: 'Author',
  editor: 'Editor',
  admin: 'Admin',
}

export const ROLES = Object.keys(ROLE_LABELS) as Role[]

// Phrased to sit between a person's name and a story's headline: "Jane Doe published …".
const ACTION_LABELS: Record<string, string> = {
  'story.created': 'created',
  'story.saved': 'saved',
  'story.submitted': 'submitted for review',
  'story.published': 'published',
  'story.scheduled': 'scheduled',
  'story.unpublished': 'unpublished',
  'story.corrected': 'added a correction to',
  'staff.setup': 'set up the newsroom',
  'staff.login': 'logged in',
  'staff.logout_everywhere': 'logged out everywhere',
  'staff.password_changed': 'changed their password',
  'staff.invited': 'sent an invitation',
  'staff.joined': 'joined the newsroom',
  'staff.updated': 'changed a staff account',
  'api_key.created': 'created a Content API key',
  'api_key.revoked': 'revoked a Content API key',
}

/** A readable name for an audit action; unknown ones are shown as the server names them. */
export const actionLabel = (action: string): string => ACTION_LABELS[action] ?? action

export const COMMENT_MODE_LABELS: Record<CommentMode, string> = {
  open: 'Open',
  closed: 'Closed',
  premoderated: 'Pre-moderated',
  postmoderated: 'Post-moderated',
}

export const COMMENT_MODES = Object.keys(COMMENT_MODE_LABELS) as CommentMode[]

/** One line on what each mode means for readers and moderators. */
export const COMMENT_MODE_HINTS: Record<CommentMode, string> = {
  open: 'Comments appear at once; those with suspect words wait for review.',
  closed: 'Readers cannot post new comments.',
  premoderated: 'Every comment waits in the queue until a moderator approves it.',
  postmoderated: 'Comments appear at once and moderators review them afterwards.',
}

export const COMMENT_STATUS_LABELS: Record<QueueComment['status'], string> = {
  visible: 'Visible',
  held: 'Held',
  rejected: 'Rejected',
  deleted: 'Deleted',
}

// A moderation action, whatever its spelling ("comment.approved", "reader.ban", "mute"), as the
// verb that sits between a staff member's name and what they acted on: "Jane Doe muted reader 7".
const MODERATION_VERBS: Record<string, string> = {
  approve: 'approved',
  reject: 'rejected',
  ban: 'banned',
  mute: 'muted',
  unmute: 'unmuted',
  restore: 'restored',
  unban: 'unbanned',
  delete: 'deleted',
  hold: 'held',
  held: 'held',
  report: 'reported',
  edit: 'edited',
}

export function moderationActionLabel(action: string): string {
  const last = action.split('.').at(-1)?.toLowerCase() ?? ''
  const stem = last.replace(/(ned|ed|d)$/, '')
  const verb = MODERATION_VERBS[last] ?? MODERATION_VERBS[stem] ?? MODERATION_VERBS[`${stem}e`]
  return verb ?? action.replace(/[._]+/g, ' ')
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })
const fullDateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'long' })

/** A stored UTC time in the browser's locale and time zone. */
export function formatTime(iso: string, style: 'short' | 'full' = 'short'): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return (style === 'full' ? fullDateTime : dateTime).format(date)
}

const sizes = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 })

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${sizes.format(bytes / 1024)} KB`
  return `${sizes.format(bytes / 1024 / 1024)} MB`
}

export const formatCount = (count: number, one: string, many: string): string =>
  `${new Intl.NumberFormat().format(count)} ${count === 1 ? one : many}`
