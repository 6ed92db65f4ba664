// What the signed-in member may do with this story: the server's answer, plus creating tags.
import type { Session, Story } from '../api.ts'

export type StoryPermissions = Story['can'] & { manageTags: boolean }

/** `story.can` comes from the server's permission table, so it is never worked out here. */
export function storyPermissions(session: Session, story: Story): StoryPermissions {
  return { ...story.can, manageTags: session.permissions.includes('taxonomy.manage') }
}
