// Walks the whole permission table: every role against every action, allowed and refused.
import { describe, expect, it } from 'vitest'
import type { StaffRole } from '../platform/db/schema.ts'
import {
  ACTIONS,
  type Action,
  can,
  canEditStory,
  canPublishStory,
  canSubmitStory,
  ROLES,
} from './permissions.ts'

// Written out in full, so a change to the table shows up here as a deliberate edit.
const EXPECTED: Record<Action, StaffRole[]> = {
  'story.create': ['contributor', 'author', 'editor', 'admin'],
  'story.edit.own-unpublished': ['contributor', 'author', 'editor', 'admin'],
  'story.edit.own': ['author', 'editor', 'admin'],
  'story.edit.any': ['editor', 'admin'],
  'story.submit.own': ['contributor', 'author', 'editor', 'admin'],
  'story.publish.own': ['author', 'editor', 'admin'],
  'story.publish.any': ['editor', 'admin'],
  'story.correct': ['editor', 'admin'],
  'media.upload': ['contributor', 'author', 'editor', 'admin'],
  'media.edit': ['contributor', 'author', 'editor', 'admin'],
  'taxonomy.manage': ['editor', 'admin'],
  'comments.moderate': ['editor', 'admin'],
  'chat.manage': ['editor', 'admin'],
  'settings.manage': ['admin'],
  'outbox.read': ['admin'],
  'webhooks.manage': ['admin'],
  'staff.manage': ['admin'],
  'audit.read': ['admin'],
  'api.manage': ['admin'],
  'subscribers.manage': ['editor', 'admin'],
}

describe('the permission table', () => {
  it('names every action once in the expectations', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ACTIONS].sort())
  })

  for (const role of ROLES)
    for (const action of ACTIONS) {
      const allowed = EXPECTED[action].includes(role)
      it(`${allowed ? 'allows' : 'refuses'} ${role}: ${action}`, () => {
        expect(can({ id: 1, role }, action)).toBe(allowed)
      })
    }

  // What each role may do to its own and to someone else's story, in each status.
  const own = 1
  const other = 2
  const cases: [
    StaffRole,
    'own' | 'other',
    string,
    { edit: boolean; publish: boolean; submit: boolean },
  ][] = [
    ['contributor', 'own', 'draft', { edit: true, publish: false, submit: true }],
    ['contributor', 'own', 'in_review', { edit: true, publish: false, submit: true }],
    ['contributor', 'own', 'published', { edit: false, publish: false, submit: true }],
    ['contributor', 'own', 'scheduled', { edit: false, publish: false, submit: true }],
    ['contributor', 'other', 'draft', { edit: false, publish: false, submit: false }],
    ['author', 'own', 'published', { edit: true, publish: true, submit: true }],
    ['author', 'other', 'draft', { edit: false, publish: false, submit: false }],
    ['author', 'other', 'published', { edit: false, publish: false, submit: false }],
    ['editor', 'other', 'draft', { edit: true, publish: true, submit: true }],
    ['editor', 'other', 'published', { edit: true, publish: true, submit: true }],
    ['admin', 'other', 'published', { edit: true, publish: true, submit: true }],
  ]
  for (const [role, whose, status, expected] of cases)
    it(`${role} on ${whose === 'own' ? 'their own' : "someone else's"} ${status} story`, () => {
      const actor = { id: own, role }
      const story = {
        createdBy: whose === 'own' ? own : other,
        status: status as 'draft',
      }
      expect({
        edit: canEditStory(actor, story),
        publish: canPublishStory(actor, story),
        submit: canSubmitStory(actor, story),
      }).toEqual(expected)
    })
})
