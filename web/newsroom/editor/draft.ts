// The story as being edited in the side panel and top bar, and how its fields are saved.
import type { BodyDoc, CommentMode, Media, Story, StoryFields } from '../api.ts'
import type { FieldName } from './autosave.ts'

export interface Draft {
  headline: string
  sectionId: number
  slug: string
  dek: string
  datelinePlace: string
  source: string
  lead: Media | null
  leadMediaId: number | null
  breaking: boolean
  translationGroup: string
  tagIds: number[]
  authorIds: number[]
  related: { id: number; headline: string }[]
  /** null: the edition's setting. */
  commentMode: CommentMode | null
}

export function draftOf(story: Story): Draft {
  return {
    headline: story.headline,
    sectionId: story.sectionId,
    slug: story.slug,
    dek: story.dek,
    datelinePlace: story.datelinePlace,
    source: story.source,
    lead: story.lead,
    leadMediaId: story.leadMediaId,
    breaking: story.breaking,
    translationGroup: story.translationGroup ?? '',
    tagIds: story.tagIds,
    authorIds: story.authorIds,
    related: story.related,
    commentMode: story.commentMode ?? null,
  }
}

/** The API field each draft field is saved as. */
export const SAVED_AS: Readonly<Record<keyof Draft, FieldName>> = {
  headline: 'headline',
  sectionId: 'sectionId',
  slug: 'slug',
  dek: 'dek',
  datelinePlace: 'datelinePlace',
  source: 'source',
  lead: 'leadMediaId',
  leadMediaId: 'leadMediaId',
  breaking: 'breaking',
  translationGroup: 'translationGroup',
  tagIds: 'tagIds',
  authorIds: 'authorIds',
  related: 'relatedIds',
  commentMode: 'commentMode',
}

/** The named API fields, read from the draft and the editor's body (undefined: leave it out). */
export function storyFields(
  draft: Draft,
  body: () => BodyDoc | undefined,
  names: ReadonlySet<FieldName>,
): StoryFields {
  const all: Required<Omit<StoryFields, 'body'>> = {
    headline: draft.headline,
    sectionId: draft.sectionId,
    slug: draft.slug,
    dek: draft.dek,
    datelinePlace: draft.datelinePlace,
    source: draft.source,
    leadMediaId: draft.leadMediaId,
    breaking: draft.breaking,
    translationGroup: draft.translationGroup.trim() || null,
    tagIds: draft.tagIds,
    authorIds: draft.authorIds,
    relatedIds: draft.related.map((story) => story.id),
    commentMode: draft.commentMode,
  }
  const fields: StoryFields = {}
  for (const name of names) {
    if (name !== 'body') Object.assign(fields, { [name]: all[name] })
    else {
      const value = body()
      if (value) fields.body = value
    }
  }
  return fields
}

/**
 * After a save, takes the server's values (a normalised slug, say) for the fields not changed
 * again meanwhile, so what is shown is what was stored.
 */
export function mergeSaved(draft: Draft, story: Story, pending: ReadonlySet<FieldName>): Draft {
  const saved = draftOf(story)
  const next = { ...draft }
  for (const key of Object.keys(saved) as (keyof Draft)[]) {
    if (!pending.has(SAVED_AS[key])) Object.assign(next, { [key]: saved[key] })
  }
  return next
}

export const FIELD_LABELS: Readonly<Record<FieldName, string>> = {
  headline: 'Headline',
  sectionId: 'Section',
  slug: 'Slug',
  dek: 'Dek',
  datelinePlace: 'Dateline',
  source: 'Source',
  body: 'Body',
  leadMediaId: 'Lead photo',
  breaking: 'Breaking',
  translationGroup: 'Translation group',
  tagIds: 'Tags',
  authorIds: 'Byline',
  relatedIds: 'Related stories',
  commentMode: 'Comments',
}

/** "Slug" for "slug", "Body (at content[3])" for "body.content[3]"; the path as is otherwise. */
export function fieldLabel(path: string): string {
  const [head = '', ...rest] = path.split('.')
  const label = Object.hasOwn(FIELD_LABELS, head) ? FIELD_LABELS[head as FieldName] : path
  return rest.length > 0 && label !== path ? `${label} (at ${rest.join('.')})` : label
}

/** Whether an error's field path points into this API field. */
export function isFieldPath(path: string | undefined, field: FieldName): boolean {
  return (
    path !== undefined &&
    (path === field || path.startsWith(`${field}.`) || path.startsWith(`${field}[`))
  )
}
