// Creating editions, sections, tags, authors and photos, with the checks every writer needs.
import type { Clock } from '../platform/clock.ts'
import type { TextDirection } from '../platform/db/schema.ts'
import { invalidInput } from '../platform/errors.ts'
import type { Catalogue } from './catalogue.ts'
import { SLUG_MAX, SLUG_PATTERN } from './slug.ts'
import type { createTaxonomyWrites } from './taxonomy.repository.ts'
import { cleanLine, cleanText } from './text.ts'

type Writes = ReturnType<typeof createTaxonomyWrites>

function slug(value: string): string {
  if (value.length > SLUG_MAX || !SLUG_PATTERN.test(value))
    throw invalidInput('slug', 'slug must be lowercase latin letters, digits and single hyphens')
  return value
}

// Addresses the site uses under an edition; a section of that name would be unreachable.
const RESERVED_SECTION_SLUGS = new Set([
  'newsfeed',
  'tags',
  'authors',
  'search',
  'subscribe',
  'chats',
  'stories',
  'api',
  'account',
])

function name(field: string, value: string, max = 200): string {
  const trimmed = cleanLine(value)
  if (trimmed.length === 0) throw invalidInput(field, `${field} is required`)
  if (trimmed.length > max) throw invalidInput(field, `${field} is longer than ${max} characters`)
  return trimmed
}

function sectionSlug(value: string): string {
  if (RESERVED_SECTION_SLUGS.has(value))
    throw invalidInput('slug', `"${value}" is a reserved address`)
  return slug(value)
}

export function createTaxonomyService(deps: {
  writes: Writes
  catalogue: Catalogue
  clock: Clock
  /** Whether the site has UI strings in this locale's language. */
  hasCatalogue: (locale: string) => boolean
  /** Tells the other instances that editions or sections changed (this one has reloaded). */
  announce?: () => Promise<void>
}) {
  const { writes, catalogue, clock } = deps
  return {
    async createEdition(input: {
      code: string
      name: string
      locale: string
      timeZone: string
      direction?: TextDirection
    }) {
      if (!/^[a-z]{2,3}(-[a-z]{2})?$/.test(input.code))
        throw invalidInput('code', 'code must look like "en" or "pt-br"')
      try {
        new Intl.DateTimeFormat(input.locale, { timeZone: input.timeZone })
      } catch {
        throw invalidInput('timeZone', 'locale or time zone is not known')
      }
      if (!deps.hasCatalogue(input.locale))
        throw invalidInput(
          'locale',
          `there are no UI strings for ${input.locale} yet; add a catalogue first`,
        )
      const { id } = await writes.insertEdition({
        code: input.code,
        name: name('name', input.name),
        locale: input.locale,
        time_zone: input.timeZone,
        direction: input.direction ?? 'ltr',
        position: catalogue.editions().length,
      })
      await catalogue.reload()
      await deps.announce?.()
      return id
    },

    async createSection(input: {
      editionId: number
      slug: string
      name: string
      description?: string
      parentId?: number
    }) {
      if (!catalogue.editionById(input.editionId))
        throw invalidInput('editionId', 'unknown edition')
      const { id } = await writes.insertSection({
        edition_id: input.editionId,
        parent_id: input.parentId ?? null,
        slug: sectionSlug(input.slug),
        name: name('name', input.name),
        description: cleanLine(input.description ?? '').slice(0, 500),
        position: catalogue.sections(input.editionId).length,
      })
      await catalogue.reload()
      await deps.announce?.()
      return id
    },

    async createTag(input: { editionId: number; slug: string; name: string }) {
      const { id } = await writes.insertTag({
        edition_id: input.editionId,
        slug: slug(input.slug),
        name: name('name', input.name),
      })
      return id
    },

    async createAuthor(input: {
      editionId: number
      slug: string
      name: string
      bio?: string
      photoMediaId?: number
    }) {
      const { id } = await writes.insertAuthor({
        edition_id: input.editionId,
        slug: slug(input.slug),
        name: name('name', input.name),
        bio: cleanText(input.bio ?? '').slice(0, 2000),
        photo_media_id: input.photoMediaId ?? null,
      })
      return id
    },

    async createMedia(input: {
      file: string
      mimeType: string
      width: number
      height: number
      caption?: string
      credit?: string
      alt?: string
    }) {
      const { id } = await writes.insertMedia({
        file: input.file,
        mime_type: input.mimeType,
        width: input.width,
        height: input.height,
        caption: cleanLine(input.caption ?? ''),
        credit: cleanLine(input.credit ?? ''),
        alt: cleanLine(input.alt ?? ''),
        focal_x: 0.5,
        focal_y: 0.5,
        created_at: clock.now().toISOString(),
      })
      return id
    },
  }
}

export type TaxonomyService = ReturnType<typeof createTaxonomyService>
