// The rules for writing a story: validate, store in one transaction, publish, withdraw.

import type { Bus } from '../live/bus.ts'
import type { StoryEvent, StoryEventKind } from '../live/events.ts'
import type { StoryEventsRepository } from '../live/story-events.repository.ts'
import type { Clock } from '../platform/clock.ts'
import type { Db } from '../platform/db/database.ts'
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
}

export type ArticleChanges = Partial<Omit<ArticleDraft, 'editionId'>>

const LIMITS = { headline: 300, dek: 1000, datelinePlace: 80, source: 200 } as const

export function createArticleService(deps: {
  db: Db
  articles: ArticleRepository
  catalogue: Catalogue
  clock: Clock
  events: StoryEventsRepository
  bus: Bus
}) {
  const { db, articles, catalogue, clock, events, bus } = deps

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
    return {
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

  return {
    async create(draft: ArticleDraft): Promise<number> {
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
          published_at: null,
          created_at: now,
          updated_at: now,
        })
        await articles.setLinks(trx, id, draft)
        await copyStateToLinks(trx, id)
        return id
      })
      return id
    },

    async update(id: number, changes: ArticleChanges): Promise<void> {
      const record = await articles.record(id)
      if (!record) throw notFound('article')
      if (changes.sectionId !== undefined) checkSection(record.editionId, changes.sectionId)
      const event = await db.transaction().execute(async (trx) => {
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
          updated_at: clock.now().toISOString(),
        })
        await articles.setLinks(trx, id, changes)
        await copyStateToLinks(trx, id)
        if (record.status !== 'published') return undefined
        const flagged = changes.breaking !== undefined && changes.breaking !== record.breaking
        return recordEvent(trx, id, flagged ? 'breaking' : 'updated')
      })
      await announce(event)
    },

    /** Publishes now, or at `at` (an embargo) when that is in the future. */
    async publish(id: number, at?: Date): Promise<void> {
      const record = await articles.record(id)
      if (!record) throw notFound('article')
      const now = clock.now()
      const when = at ?? record.publishedAt ?? now
      const status = when > now ? 'scheduled' : 'published'
      const event = await db.transaction().execute(async (trx) => {
        await articles.update(trx, id, {
          status,
          published_at: when.toISOString(),
          listed_at: when.toISOString(),
          updated_at: now.toISOString(),
        })
        await copyStateToLinks(trx, id)
        if (status !== 'published') return undefined
        return recordEvent(trx, id, record.status === 'published' ? 'updated' : 'published')
      })
      await announce(event)
    },

    async unpublish(id: number): Promise<void> {
      const record = await articles.record(id)
      if (!record) throw notFound('article')
      const event = await db.transaction().execute(async (trx) => {
        await articles.update(trx, id, {
          status: 'unpublished',
          listed_at: null,
          updated_at: clock.now().toISOString(),
        })
        await copyStateToLinks(trx, id)
        return record.status === 'published' ? recordEvent(trx, id, 'unpublished') : undefined
      })
      await announce(event)
    },
  }
}

export type ArticleService = ReturnType<typeof createArticleService>
