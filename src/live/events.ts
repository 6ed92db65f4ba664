// The events Dateline announces on the bus: what changed, so every instance can react.
import { type ChatEvent, parseChatEvent } from '../chat/chat-event.ts'

export type { ChatEvent }

export const STORY_EVENT_KINDS = ['published', 'updated', 'unpublished', 'breaking'] as const
export type StoryEventKind = (typeof STORY_EVENT_KINDS)[number]

/** A change to a story, recorded in the same transaction as the change itself. */
export interface StoryEvent {
  type: 'story'
  /** The row in story_events: increasing, so a reader's stream can resume after it. */
  id: number
  kind: StoryEventKind
  articleId: number
  editionId: number
  sectionId: number
  tagIds: number[]
  authorIds: number[]
  breaking: boolean
}

/** Editions or sections changed: every instance reloads them (navigation is on every page). */
export interface CatalogueEvent {
  type: 'catalogue'
}

/** A comment posted, edited or removed, or its likes changed; `count` is the story's comment count (the likes for `likes`). */
export interface CommentEvent {
  type: 'comment'
  kind: 'posted' | 'edited' | 'removed' | 'likes'
  articleId: number
  commentId: number
  count: number
}

export type DatelineEvent = StoryEvent | CatalogueEvent | CommentEvent | ChatEvent

export const BUS_CHANNEL = 'dateline:events'

/** Parses a message from another instance; anything malformed is dropped. */
export function parseEvent(text: string): DatelineEvent | undefined {
  try {
    const event = JSON.parse(text) as
      | Partial<StoryEvent>
      | Partial<CatalogueEvent>
      | Partial<CommentEvent>
    if (event.type === 'catalogue') return { type: 'catalogue' }
    if ((event as { type?: unknown }).type === 'chat') return parseChatEvent(event)
    if (event.type === 'comment') {
      const c = event
      return Number.isSafeInteger(c.articleId) &&
        Number.isSafeInteger(c.commentId) &&
        Number.isSafeInteger(c.count) &&
        ['posted', 'edited', 'removed', 'likes'].includes(c.kind as string)
        ? (c as CommentEvent)
        : undefined
    }
    if (
      event.type === 'story' &&
      Number.isSafeInteger(event.id) &&
      Number.isSafeInteger(event.articleId) &&
      Number.isSafeInteger(event.editionId) &&
      Number.isSafeInteger(event.sectionId) &&
      typeof event.breaking === 'boolean' &&
      ids(event.tagIds) &&
      ids(event.authorIds) &&
      (STORY_EVENT_KINDS as readonly unknown[]).includes(event.kind)
    )
      return event as StoryEvent
  } catch {}
  return undefined
}

function ids(value: unknown): boolean {
  return Array.isArray(value) && value.every((v) => Number.isSafeInteger(v))
}
