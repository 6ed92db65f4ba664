// What every story change leaves behind in its own transaction: an audit entry and, when the
// content changed, a revision (one per editor per sitting, extended while they keep saving).
import type { Journal } from '../content/article.service.ts'
import type { Clock } from '../platform/clock.ts'
import type { AuditRepository } from './audit.repository.ts'
import type { DeskRepository, StorySnapshot } from './desk.repository.ts'

/** Saves by the same person closer together than this extend their revision instead of adding one. */
const SITTING_MS = 10 * 60_000

export function createJournal(deps: {
  audit: AuditRepository
  desk: DeskRepository
  clock: Clock
}): Journal {
  const { audit, desk, clock } = deps
  return {
    async write(trx, entry) {
      const now = clock.now()
      const at = now.toISOString()
      // Autosaves are not worth an audit line each: the revision records them.
      if (entry.action !== 'story.saved')
        await audit.record(trx, {
          staffId: entry.staffId,
          action: entry.action,
          articleId: entry.articleId,
          detail: entry.detail,
          at,
        })
      if (!entry.snapshot) return
      const story = await desk.story(entry.articleId, trx)
      if (!story) return
      const snapshot = snapshotOf(story)
      const latest = await desk.latestRevision(trx, entry.articleId)
      if (
        latest &&
        latest.staffId === entry.staffId &&
        now.getTime() - latest.updatedAt.getTime() < SITTING_MS
      )
        await desk.replaceRevision(trx, latest.id, snapshot, at)
      else
        await desk.insertRevision(trx, {
          articleId: entry.articleId,
          staffId: entry.staffId,
          snapshot,
          at,
        })
    },
  }
}

export function snapshotOf(story: StorySnapshot): StorySnapshot {
  return {
    sectionId: story.sectionId,
    headline: story.headline,
    slug: story.slug,
    dek: story.dek,
    datelinePlace: story.datelinePlace,
    source: story.source,
    body: story.body,
    leadMediaId: story.leadMediaId,
    breaking: story.breaking,
    translationGroup: story.translationGroup,
    tagIds: story.tagIds,
    authorIds: story.authorIds,
    relatedIds: story.relatedIds,
  }
}
