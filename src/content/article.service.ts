// The rules for writing a story: validate, store in one transaction, publish, withdraw.

import type { Bus } from '../live/bus.ts'
import type { StoryEvent, StoryEventKind } from '../live/events.ts'
import type { StoryEventsRepository } from '../live/story-events.repository.ts'
import type { Clock } from '../platform/clock.ts'
import type { Db } from '../platform/db/database.ts'
import type { CommentMode } from '../platform/db/schema.ts'
import { DomainError, invalidInput, notFound } from '../platform/errors.ts'
import { type ArticleRepository, copyStateToLinks } from './article.repository.ts'
import { validateBody } from './body/index.ts'
import type { Catalogue } from './catalogue.ts'
import { SLUG_MAX, SLUG_PATTERN, slugify } from './slug.ts'
import { cleanLine, stripControls } from './text.ts'

export interface ArticleDraft {
  editionId: number
  sectionId: number
  headline: string
  slug?: string
  dek?: string
  datelinePlace?: string
  source?: string
  body: unknown
  leadMediaId?: number | null
  breaking?: boolean
  translationGroup?: string | null
  tagIds?: number[]
  authorIds?: number[]
  relatedIds?: number[]
  /** Whether readers may comment; null follows the edition's setting. */
  commentMode?: CommentMode | null
}

export type ArticleChanges = Partial<Omit<ArticleDraft, 'editionId'>>

/** Who made a change, when the newsroom made it (seeding and tests may leave it out). */
export interface Actor {
  staffId: number | null
}

/**
 * Written in the transaction of every change: the newsroom keeps its audit log and revisions
 * through it. `snapshot` is set when the story's content changed.
 */
export interface Journal {
  write(
    trx: Db,
    entry: {
      articleId: number
      staffId: number | null
      action: string
      detail?: Record<string, unknown>
      snapshot?: boolean
    },
  ): Promise<void>
}

/** The job that makes a scheduled story public at its time, kept in the same transaction. */
export interface Schedule {
  set(trx: Db, articleId: number, at: Date): Promise<void>
  clear(trx: Db, articleId: number): Promise<void>
}

/**
 * The search index, kept in the transaction of every change to a story's text or status: a story
 * is found once it is public, with its current words, and no longer once it is withdrawn.
 */
export interface SearchIndexer {
  sync(trx: Db, articleId: number): Promise<void>
}

const noJournal: Journal = { write: async () => {} }
const noSchedule: Schedule = { set: async () => {}, clear: async () => {} }
const noSearchIndex: SearchIndexer = { sync: async () => {} }

/** Work other systems must get once per change (webhooks, alerts), written in the change's transaction. */
export interface StoryOutbox {
  storyChanged(trx: Db, event: StoryEvent): Promise<void>
}

const LIMITS = { headline: 300, dek: 1000, datelinePlace: 80, source: 200 } as const

export function createArticleService(deps: {
  db: Db
  articles: ArticleRepository
  catalogue: Catalogue
  clock: Clock
  events: StoryEventsRepository
  bus: Bus
  journal?: Journal
  schedule?: Schedule
  searchIndex?: SearchIndexer
  outboxes?: StoryOutbox[]
}) {
  const { db, articles, catalogue, clock, events, bus } = deps
  const journal = deps.journal ?? noJournal
  const schedule = deps.schedule ?? noSchedule
  const searchIndex = deps.searchIndex ?? noSearchIndex
  const outboxes = deps.outboxes ?? []

  // A change to a public story is recorded in its own transaction and announced after the commit.
  const recordEvent = async (
    trx: Db,
    id: number,
    kind: StoryEventKind,
  ): Promise<StoryEvent | undefined> => {
    const story = await articles.record(id, trx)
    if (!story) return undefined
    const links = await articles.linkIds(trx, id)
    const eventId = await events.record(trx, {
      editionId: story.editionId,
      articleId: id,
      kind,
      at: clock.now().toISOString(),
    })
    const event: StoryEvent = {
      type: 'story',
      id: eventId,
      kind,
      articleId: id,
      editionId: story.editionId,
      sectionId: story.sectionId,
      tagIds: links.tagIds,
      authorIds: links.authorIds,
      breaking: story.breaking,
    }
    for (const outbox of outboxes) await outbox.storyChanged(trx, event)
    return event
  }
  const announce = async (event: StoryEvent | undefined) => {
    if (event) await bus.publish(event)
  }

  const text = (
    field: keyof typeof LIMITS,
    value: string | undefined,
    required = false,
  ): string => {
    const trimmed = cleanLine(value ?? '')
    if (required && trimmed.length === 0) throw invalidInput(field, `${field} is required`)
    if (trimmed.length > LIMITS[field])
      throw invalidInput(field, `${field} is longer than ${LIMITS[field]} characters`)
    return trimmed
  }

  const checkSlug = (slug: string): string => {
    if (slug.length > SLUG_MAX || !SLUG_PATTERN.test(slug))
      throw invalidInput('slug', 'slug must be lowercase latin letters, digits and single hyphens')
    return slug
  }

  const checkSection = (editionId: number, sectionId: number) => {
    const section = catalogue.sectionById(sectionId)
    if (!section || section.editionId !== editionId)
      throw invalidInput('sectionId', 'section does not belong to the edition')
  }

  const checkBody = (body: unknown): string => {
    // Validate first: it bounds the depth and size that stripping then walks.
    const first = validateBody(body)
    const result = first.ok ? validateBody(stripControls(first.doc)) : first
    if (!result.ok)
      throw new DomainError(
        'invalid_body',
        result.message,
        `body${result.path ? `.${result.path}` : ''}`,
      )
    return JSON.stringify(result.doc)
  }

  const existing = async (id: number, trx: Db = db) => {
    const record = await articles.record(id, trx)
    if (!record) throw notFound('article')
    return record
  }

  /** A story going public now: marked published, its time kept, and the change recorded. */
  const goPublic = async (trx: Db, id: number, by: Actor, kind: 'published' | 'updated') => {
    await journal.write(trx, { articleId: id, staffId: by.staffId, action: 'story.published' })
    return recordEvent(trx, id, kind)
  }

  return {
    async create(draft: ArticleDraft, by: Actor = { staffId: null }): Promise<number> {
      if (!catalogue.editionById(draft.editionId))
        throw invalidInput('editionId', 'unknown edition')
      checkSection(draft.editionId, draft.sectionId)
      const headline = text('headline', draft.headline, true)
      const now = clock.now().toISOString()
      const id = await db.transaction().execute(async (trx) => {
        const id = await articles.insert(trx, {
          edition_id: draft.editionId,
          section_id: draft.sectionId,
          slug: checkSlug(draft.slug ?? slugify(headline)),
          headline,
          dek: text('dek', draft.dek),
          dateline_place: text('datelinePlace', draft.datelinePlace),
          source: text('source', draft.source),
          body: checkBody(draft.body),
          lead_media_id: draft.leadMediaId ?? null,
          status: 'draft',
          breaking: draft.breaking ? 1 : 0,
          translation_group: draft.translationGroup ?? null,
          comment_mode: draft.commentMode ?? null,
          published_at: null,
          created_by: by.staffId,
          created_at: now,
          updated_at: now,
        })
        await articles.setLinks(trx, id, draft)
        await copyStateToLinks(trx, id)
        await journal.write(trx, {
          articleId: id,
          staffId: by.staffId,
          action: 'story.created',
          snapshot: true,
        })
        return id
      })
      return id
    },

    /**
     * Saves changes. With `baseVersion` (the updated time the editor last saw), a save over
     * someone else's newer one is refused with a conflict instead of overwriting it.
     */
    async update(
      id: number,
      changes: ArticleChanges,
      by: Actor = { staffId: null },
      baseVersion?: string,
    ): Promise<void> {
      const record = await existing(id)
      if (changes.sectionId !== undefined) checkSection(record.editionId, changes.sectionId)
      const event = await db.transaction().execute(async (trx) => {
        if (baseVersion !== undefined) {
          const current = await articles.version(trx, id)
          if (current !== baseVersion)
            throw new DomainError(
              'conflict',
              'Someone else saved this story after you opened it. Reload to see their version.',
            )
        }
        await articles.update(trx, id, {
          ...(changes.sectionId !== undefined && { section_id: changes.sectionId }),
          ...(changes.headline !== undefined && {
            headline: text('headline', changes.headline, true),
          }),
          ...(changes.slug !== undefined && { slug: checkSlug(changes.slug) }),
          ...(changes.dek !== undefined && { dek: text('dek', changes.dek) }),
          ...(changes.datelinePlace !== undefined && {
            dateline_place: text('datelinePlace', changes.datelinePlace),
          }),
          ...(changes.source !== undefined && { source: text('source', changes.source) }),
          ...(changes.body !== undefined && { body: checkBody(changes.body) }),
          ...(changes.leadMediaId !== undefined && { lead_media_id: changes.leadMediaId }),
          ...(changes.breaking !== undefined && { breaking: changes.breaking ? 1 : 0 }),
          ...(changes.translationGroup !== undefined && {
            translation_group: changes.translationGroup,
          }),
          ...(changes.commentMode !== undefined && { comment_mode: changes.commentMode }),
          updated_at: clock.now().toISOString(),
        })
        await articles.setLinks(trx, id, changes)
        await copyStateToLinks(trx, id)
        if (
          changes.headline !== undefined ||
          changes.dek !== undefined ||
          changes.body !== undefined
        )
          await searchIndex.sync(trx, id)
        await journal.write(trx, {
          articleId: id,
          staffId: by.staffId,
          action: 'story.saved',
          detail: { fields: Object.keys(changes) },
          snapshot: true,
        })
        if (record.status !== 'published') return undefined
        const flagged = changes.breaking !== undefined && changes.breaking !== record.breaking
        return recordEvent(trx, id, flagged ? 'breaking' : 'updated')
      })
      await announce(event)
    },

    /** Hands a draft to the editors. */
    async submit(id: number, by: Actor = { staffId: null }): Promise<void> {
      const record = await existing(id)
      if (record.status !== 'draft' && record.status !== 'unpublished')
        throw new DomainError(
          'conflict',
          `A story that is ${record.status.replace('_', ' ')} cannot be submitted for review.`,
        )
      await db.transaction().execute(async (trx) => {
        await articles.update(trx, id, {
          status: 'in_review',
          updated_at: clock.now().toISOString(),
        })
        await journal.write(trx, { articleId: id, staffId: by.staffId, action: 'story.submitted' })
      })
    },

    /**
     * Publishes now, or at `at` (an embargo) when that is in the future: then the story is
     * scheduled, and a job in the same transaction makes it public at its time. A story published
     * before keeps its first publication time.
     */
    async publish(id: number, at?: Date, by: Actor = { staffId: null }): Promise<void> {
      const record = await existing(id)
      const now = clock.now()
      const when = at ?? (record.status === 'published' ? record.publishedAt : null) ?? now
      const status = when > now ? 'scheduled' : 'published'
      if (status === 'scheduled' && record.status === 'published')
        throw new DomainError(
          'conflict',
          'The story is public already: unpublish it first to schedule it.',
        )
      const event = await db.transaction().execute(async (trx) => {
        // The job row first: the job runner locks it before the story, so take them in that order.
        if (status === 'scheduled') await schedule.set(trx, id, when)
        else await schedule.clear(trx, id)
        await articles.update(trx, id, {
          status,
          published_at: when.toISOString(),
          listed_at: when.toISOString(),
          updated_at: now.toISOString(),
        })
        await copyStateToLinks(trx, id)
        // Scheduled stories are indexed now; searches only find them from their time on.
        await searchIndex.sync(trx, id)
        if (status === 'scheduled') {
          await journal.write(trx, {
            articleId: id,
            staffId: by.staffId,
            action: 'story.scheduled',
            detail: { at: when.toISOString() },
          })
          return undefined
        }
        return goPublic(trx, id, by, record.status === 'published' ? 'updated' : 'published')
      })
      await announce(event)
    },

    /**
     * The scheduled job's work, inside the job's transaction: a story still scheduled for a time
     * now past becomes published. Returns the event to announce after the commit.
     */
    async goLive(trx: Db, id: number): Promise<StoryEvent | undefined> {
      const record = await articles.record(id, trx)
      if (record?.status !== 'scheduled' || !record.publishedAt) return undefined
      if (record.publishedAt > clock.now()) return undefined
      await articles.update(trx, id, { status: 'published' })
      return goPublic(trx, id, { staffId: null }, 'published')
    },

    announce,

    async unpublish(id: number, by: Actor = { staffId: null }): Promise<void> {
      const record = await existing(id)
      const event = await db.transaction().execute(async (trx) => {
        await schedule.clear(trx, id)
        await articles.update(trx, id, {
          status: 'unpublished',
          listed_at: null,
          updated_at: clock.now().toISOString(),
        })
        await copyStateToLinks(trx, id)
        await searchIndex.sync(trx, id)
        await journal.write(trx, {
          articleId: id,
          staffId: by.staffId,
          action: 'story.unpublished',
        })
        return record.status === 'published' ? recordEvent(trx, id, 'unpublished') : undefined
      })
      await announce(event)
    },

    /** A public note on the story saying what was wrong; it shows on the page with its time. */
    async correct(id: number, note: string, by: Actor = { staffId: null }): Promise<void> {
      const record = await existing(id)
      if (record.status !== 'published')
        throw new DomainError('conflict', 'Corrections are added to published stories.')
      const textOfNote = cleanLine(note)
      if (textOfNote.length === 0) throw invalidInput('text', 'the correction needs a text')
      if (textOfNote.length > 2000)
        throw invalidInput('text', 'the correction is longer than 2000 characters')
      const now = clock.now().toISOString()
      const event = await db.transaction().execute(async (trx) => {
        await articles.addCorrection(trx, {
          articleId: id,
          staffId: by.staffId,
          text: textOfNote,
          at: now,
        })
        await articles.update(trx, id, { updated_at: now })
        await journal.write(trx, {
          articleId: id,
          staffId: by.staffId,
          action: 'story.corrected',
          detail: { text: textOfNote },
        })
        return recordEvent(trx, id, 'updated')
      })
      await announce(event)
    },
  }
}

export type ArticleService = ReturnType<typeof createArticleService>
