// The draft's comment mode: read from the story, saved as commentMode like the other fields.
import { describe, expect, test } from 'vitest'
import type { Story } from '../api.ts'
import { draftOf, fieldLabel, mergeSaved, SAVED_AS, storyFields } from './draft.ts'

const story = (changes: Partial<Story> = {}) =>
  ({
    headline: 'Talks resume',
    sectionId: 1,
    slug: 'talks-resume',
    dek: '',
    datelinePlace: '',
    source: '',
    lead: null,
    leadMediaId: null,
    breaking: false,
    translationGroup: null,
    tagIds: [],
    authorIds: [],
    related: [],
    commentMode: null,
    commentCount: 0,
    ...changes,
  }) as unknown as Story

describe('the comment mode in the draft', () => {
  test('is the story’s own mode, or null for the edition’s', () => {
    expect(draftOf(story()).commentMode).toBeNull()
    expect(draftOf(story({ commentMode: 'premoderated' })).commentMode).toBe('premoderated')
  })

  test('is sent as commentMode, null included, when it changed', () => {
    expect(SAVED_AS.commentMode).toBe('commentMode')
    const draft = { ...draftOf(story()), commentMode: 'closed' as const }
    expect(storyFields(draft, () => undefined, new Set(['commentMode']))).toEqual({
      commentMode: 'closed',
    })
    const back = { ...draft, commentMode: null }
    expect(storyFields(back, () => undefined, new Set(['commentMode']))).toEqual({
      commentMode: null,
    })
    expect(fieldLabel('commentMode')).toBe('Comments')
  })

  test('takes the saved mode unless it was changed again meanwhile', () => {
    const draft = { ...draftOf(story()), commentMode: 'open' as const }
    const saved = story({ commentMode: 'closed' })
    expect(mergeSaved(draft, saved, new Set()).commentMode).toBe('closed')
    expect(mergeSaved(draft, saved, new Set(['commentMode'])).commentMode).toBe('open')
  })
})
