// Who may do what: one table of roles and actions, consulted by every Admin API route.
import type { ArticleStatus, StaffRole } from '../platform/db/schema.ts'

export const ROLES: readonly StaffRole[] = ['contributor', 'author', 'editor', 'admin']

export const ACTIONS = [
  'story.create',
  /** Edit a story of one's own while it is not public (draft, in review, unpublished). */
  'story.edit.own-unpublished',
  'story.edit.own',
  'story.edit.any',
  'story.submit.own',
  /** Publish, schedule and unpublish. */
  'story.publish.own',
  'story.publish.any',
  'story.correct',
  'media.upload',
  'media.edit',
  'taxonomy.manage',
  /** The comment queue: approve, reject, mute and ban readers. */
  'comments.moderate',
  /** Chat rooms: create, configure and archive them, their moderators, writers, mutes and bans. */
  'chat.manage',
  /** Each edition's comment settings: mode, word lists, limits. */
  'settings.manage',
  /** Mail kept in the outbox when no SMTP server is configured. */
  'outbox.read',
  /** Webhooks: their receivers, secrets, delivery logs and the private-address setting. */
  'webhooks.manage',
  'staff.manage',
  'audit.read',
  /** Content API keys: make, list and revoke them. */
  'api.manage',
  /** Newsletter subscribers: counts, search, unsubscribe and delete, CSV export and import, digest time. */
  'subscribers.manage',
] as const

export type Action = (typeof ACTIONS)[number]

const contributor: Action[] = [
  'story.create',
  'story.edit.own-unpublished',
  'story.submit.own',
  'media.upload',
  'media.edit',
]
const author: Action[] = [...contributor, 'story.edit.own', 'story.publish.own']
const editor: Action[] = [
  ...author,
  'story.edit.any',
  'story.publish.any',
  'story.correct',
  'taxonomy.manage',
  'comments.moderate',
  'chat.manage',
  'subscribers.manage',
]
const admin: Action[] = [...ACTIONS]

export const PERMISSIONS: Readonly<Record<StaffRole, ReadonlySet<Action>>> = {
  contributor: new Set(contributor),
  author: new Set(author),
  editor: new Set(editor),
  admin: new Set(admin),
}

export interface Actor {
  id: number
  role: StaffRole
}

export interface StoryOwnership {
  createdBy: number | null
  status: ArticleStatus
}

export const can = (actor: Actor, action: Action): boolean => PERMISSIONS[actor.role].has(action)

const PUBLIC: ReadonlySet<ArticleStatus> = new Set(['published', 'scheduled'])

/** Whether the actor may edit this story: any story, or their own, or their own while unpublished. */
export function canEditStory(actor: Actor, story: StoryOwnership): boolean {
  if (can(actor, 'story.edit.any')) return true
  if (story.createdBy !== actor.id) return false
  return (
    can(actor, 'story.edit.own') ||
    (!PUBLIC.has(story.status) && can(actor, 'story.edit.own-unpublished'))
  )
}

/** Publish, schedule or unpublish this story. */
export function canPublishStory(actor: Actor, story: StoryOwnership): boolean {
  return (
    can(actor, 'story.publish.any') ||
    (story.createdBy === actor.id && can(actor, 'story.publish.own'))
  )
}

export function canSubmitStory(actor: Actor, story: StoryOwnership): boolean {
  return story.createdBy === actor.id
    ? can(actor, 'story.submit.own')
    : can(actor, 'story.edit.any')
}
