// Rooms as the newsroom manages them: the general room of every edition, topic rooms with their
// settings, their moderators and approved writers; changes readers see are announced on the bus.
import type { ReaderRepository } from '../community/reader.repository.ts'
import type { Catalogue } from '../content/catalogue.ts'
import type { Tag } from '../content/content.types.ts'
import { SLUG_MAX, slugify } from '../content/slug.ts'
import type { Bus } from '../live/bus.ts'
import type { Clock } from '../platform/clock.ts'
import type { Db } from '../platform/db/database.ts'
import { DomainError, invalidInput, notFound } from '../platform/errors.ts'
import { hasCatalogue, translator } from '../site/i18n/messages.ts'
import type { ChatActor, ChatRoom, ChatWritePolicy } from './chat.types.ts'
import { summaryOf } from './chat-moderation.ts'
import type { ChatRoomRepository, MemberList, RoomValues } from './chat-room.repository.ts'

export const GENERAL_SLUG = 'general'
const NAME_MAX = 100
const DESCRIPTION_MAX = 500
const WORDS_MAX = 1000
const WORD_LENGTH_MAX = 100
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

export interface ChatRoomInput {
  name?: string
  slug?: string
  description?: string
  sectionId?: number | null
  tagId?: number | null
  writePolicy?: ChatWritePolicy
  slowModeSeconds?: number
  bannedWords?: string[]
  suspectWords?: string[]
  archived?: boolean
}

function text(value: string, field: string, min: number, max: number): string {
  const trimmed = value.trim()
  if (trimmed.length < min || trimmed.length > max)
    throw invalidInput(field, `${field} must be ${min} to ${max} characters long`)
  return trimmed
}

function words(value: string[], field: string): string {
  const list = [...new Set(value.map((w) => w.trim()).filter(Boolean))]
  if (list.length > WORDS_MAX)
    throw invalidInput(field, `${field} holds at most ${WORDS_MAX} entries`)
  if (list.some((w) => w.length > WORD_LENGTH_MAX || w.includes('\n')))
    throw invalidInput(field, `an entry is longer than ${WORD_LENGTH_MAX} characters`)
  return list.join('\n')
}

export function createChatRooms(deps: {
  db: Db
  rooms: ChatRoomRepository
  readers: ReaderRepository
  catalogue: Catalogue
  tags: { tagsByIds(ids: readonly number[]): Promise<Tag[]> }
  clock: Clock
  bus: Bus
}) {
  const { db, rooms, catalogue, clock } = deps

  const room = async (id: number): Promise<ChatRoom> => {
    const found = await rooms.byId(id)
    if (!found) throw notFound('room')
    return found
  }

  /** The columns an input sets, each checked; the edition decides which sections and tags fit. */
  const valuesOf = async (editionId: number, input: ChatRoomInput): Promise<RoomValues> => {
    const values: RoomValues = {}
    if (input.name !== undefined) values.name = text(input.name, 'name', 1, NAME_MAX)
    if (input.description !== undefined)
      values.description = text(input.description, 'description', 0, DESCRIPTION_MAX)
    if (input.slug !== undefined) {
      if (!SLUG.test(input.slug) || input.slug.length > SLUG_MAX || input.slug === GENERAL_SLUG)
        throw invalidInput(
          'slug',
          'slug must be lowercase letters, digits and dashes, not "general"',
        )
      values.slug = input.slug
    }
    if (input.sectionId !== undefined) {
      if (
        input.sectionId !== null &&
        catalogue.sectionById(input.sectionId)?.editionId !== editionId
      )
        throw invalidInput('sectionId', 'no such section in this edition')
      values.section_id = input.sectionId
    }
    if (input.tagId !== undefined) {
      if (input.tagId !== null) {
        const [tag] = await deps.tags.tagsByIds([input.tagId])
        if (tag?.editionId !== editionId) throw invalidInput('tagId', 'no such tag in this edition')
      }
      values.tag_id = input.tagId
    }
    if (input.writePolicy !== undefined) values.write_policy = input.writePolicy
    if (input.slowModeSeconds !== undefined) {
      if (
        !Number.isInteger(input.slowModeSeconds) ||
        input.slowModeSeconds < 0 ||
        input.slowModeSeconds > 3600
      )
        throw invalidInput('slowModeSeconds', 'slowModeSeconds must be 0 to 3600')
      values.slow_mode_seconds = input.slowModeSeconds
    }
    if (input.bannedWords !== undefined)
      values.banned_words = words(input.bannedWords, 'bannedWords')
    if (input.suspectWords !== undefined)
      values.suspect_words = words(input.suspectWords, 'suspectWords')
    if (input.archived !== undefined)
      values.archived_at = input.archived ? clock.now().toISOString() : null
    return values
  }

  const member = async (email: string) => {
    const reader = await deps.readers.byEmail(email.trim().toLowerCase())
    if (!reader) throw new DomainError('not_found', 'No reader has this e-mail address', 'email')
    return reader
  }

  return {
    room,
    roomById: (id: number) => rooms.byId(id),
    roomBySlug: (editionId: number, slug: string) => rooms.bySlug(editionId, slug),
    /** Topic rooms of the story's section, its parent section, or one of its tags. */
    roomsForStory(editionId: number, sectionId: number, tagIds: number[]) {
      const parentId = catalogue.sectionById(sectionId)?.parentId
      const sectionIds = parentId ? [sectionId, parentId] : [sectionId]
      return rooms.forStory(editionId, sectionIds, tagIds)
    },

    /** Makes the general room of every edition that has none; safe to run on every instance at once. */
    async ensureGeneralRooms(): Promise<void> {
      const at = clock.now().toISOString()
      for (const edition of await rooms.editionsWithoutGeneral()) {
        const t = translator(hasCatalogue(edition.locale) ? edition.locale : 'en')
        await rooms.insert(
          db,
          {
            edition_id: edition.id,
            slug: GENERAL_SLUG,
            kind: 'general',
            name: t('chat.general.name'),
            description: t('chat.general.description'),
          },
          at,
        )
      }
    },

    async create(actor: ChatActor, editionId: number, input: ChatRoomInput & { name: string }) {
      if (!catalogue.editionById(editionId)) throw invalidInput('editionId', 'no such edition')
      const values = await valuesOf(editionId, {
        ...input,
        slug: input.slug ?? slugify(input.name),
        archived: undefined,
      })
      const at = clock.now().toISOString()
      const id = await db.transaction().execute(async (trx) => {
        const id = await rooms.insert(
          trx,
          {
            ...values,
            edition_id: editionId,
            slug: values.slug!,
            name: values.name!,
            kind: 'topic',
          },
          at,
        )
        if (id === undefined)
          throw new DomainError('conflict', 'A room of this edition has this slug already', 'slug')
        await rooms.log(trx, { roomId: id, actor, action: 'create', detail: values.name!, at })
        return id
      })
      const created = await room(id)
      // Story pages of its section or tag link to the new room.
      await deps.bus.publish({ type: 'chat', kind: 'room', roomId: id, room: summaryOf(created) })
      return created
    },

    async update(actor: ChatActor, id: number, input: ChatRoomInput): Promise<ChatRoom> {
      const before = await room(id)
      if (before.kind === 'general' && (input.archived || input.slug !== undefined))
        throw invalidInput(input.archived ? 'archived' : 'slug', 'the general room stays as it is')
      const values = await valuesOf(before.editionId, input)
      const changed = Object.keys(input).filter(
        (k) => input[k as keyof ChatRoomInput] !== undefined,
      )
      const at = clock.now().toISOString()
      await db.transaction().execute(async (trx) => {
        if (values.slug !== undefined && values.slug !== before.slug) {
          const taken = await rooms.bySlug(before.editionId, values.slug)
          if (taken)
            throw new DomainError(
              'conflict',
              'A room of this edition has this slug already',
              'slug',
            )
        }
        await rooms.update(trx, id, values, at)
        await rooms.log(trx, {
          roomId: id,
          actor,
          action: 'update',
          detail: changed.join(', '),
          at,
        })
      })
      const after = await room(id)
      await deps.bus.publish({ type: 'chat', kind: 'room', roomId: id, room: summaryOf(after) })
      return after
    },

    members: (list: MemberList, roomId: number) => rooms.members(list, roomId),

    async addMember(actor: ChatActor, list: MemberList, roomId: number, email: string) {
      await room(roomId)
      const reader = await member(email)
      const at = clock.now().toISOString()
      await db.transaction().execute(async (trx) => {
        await rooms.addMember(trx, list, roomId, reader.id)
        const action = list === 'chat_room_moderators' ? 'add_moderator' : 'add_writer'
        await rooms.log(trx, { roomId, actor, action, readerId: reader.id, at })
      })
      return rooms.members(list, roomId)
    },

    async removeMember(actor: ChatActor, list: MemberList, roomId: number, readerId: number) {
      await room(roomId)
      const at = clock.now().toISOString()
      await db.transaction().execute(async (trx) => {
        if (!(await rooms.removeMember(trx, list, roomId, readerId))) throw notFound('member')
        const action = list === 'chat_room_moderators' ? 'remove_moderator' : 'remove_writer'
        await rooms.log(trx, { roomId, actor, action, readerId, at })
      })
    },

    sanctions: (roomId: number) => rooms.sanctions(roomId, clock.now().toISOString()),
    log: (roomId: number, page: { before?: number; limit: number }) => rooms.logPage(roomId, page),
  }
}

export type ChatRooms = ReturnType<typeof createChatRooms>
