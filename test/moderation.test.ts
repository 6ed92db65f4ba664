// Moderation on both dialects: the queues, approving and rejecting, bans, mutes and the log.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  type CommentRepository,
  createCommentRepository,
} from '../src/community/comment.repository.ts'
import { createModerationRepository } from '../src/community/moderation.repository.ts'
import {
  createModerationService,
  type ModerationService,
} from '../src/community/moderation.service.ts'
import {
  createReaderRepository,
  type ReaderRepository,
} from '../src/community/reader.repository.ts'
import { createMemoryBus } from '../src/live/bus.ts'
import type { CommentEvent, DatelineEvent } from '../src/live/events.ts'
import { fixedClock } from '../src/platform/clock.ts'
import type { Db } from '../src/platform/db/database.ts'
import type { CommentStatus } from '../src/platform/db/schema.ts'
import { DIALECTS, TEST_NOW, type TestDatabase, testDatabase } from './setup.ts'

const DAY = 86_400_000
const iso = (offsetMs = 0) => new Date(TEST_NOW.getTime() + offsetMs).toISOString()

/** An edition with a section and one published story; returns the story's id. */
async function story(db: Db, code: string): Promise<{ editionId: number; articleId: number }> {
  const { id: editionId } = await db
    .insertInto('editions')
    .values({ code, name: code, locale: code, time_zone: 'UTC', direction: 'ltr', position: 0 })
    .returning('id')
    .executeTakeFirstOrThrow()
  const { id: sectionId } = await db
    .insertInto('sections')
    .values({
      edition_id: editionId,
      parent_id: null,
      slug: 'world',
      name: 'World',
      description: '',
      position: 0,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const { id: articleId } = await db
    .insertInto('articles')
    .values({
      edition_id: editionId,
      section_id: sectionId,
      slug: `story-${code}`,
      headline: `Talks resume (${code})`,
      dek: '',
      dateline_place: 'GENEVA',
      source: '',
      body: JSON.stringify({ type: 'doc', content: [] }),
      lead_media_id: null,
      status: 'published',
      breaking: 0,
      translation_group: null,
      published_at: iso(-DAY),
      listed_at: iso(-DAY),
      created_at: iso(-DAY),
      updated_at: iso(-DAY),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return { editionId, articleId }
}

describe.each(DIALECTS)('moderation on %s', (dialect) => {
  let database: TestDatabase
  let db: Db
  let comments: CommentRepository
  let readers: ReaderRepository
  let moderation: ModerationService
  let events: CommentEvent[]
  let en: { editionId: number; articleId: number }
  let ru: { editionId: number; articleId: number }
  let staffId: number
  const clock = fixedClock(TEST_NOW)

  beforeEach(async () => {
    clock.set(TEST_NOW)
    database = await testDatabase(dialect)
    db = database.db
    comments = createCommentRepository(db)
    readers = createReaderRepository(db)
    const bus = createMemoryBus()
    events = []
    bus.subscribe((event: DatelineEvent) => {
      if (event.type === 'comment') events.push(event)
    })
    moderation = createModerationService({
      db,
      comments,
      readers,
      moderation: createModerationRepository(db),
      clock,
      bus,
    })
    en = await story(db, 'en')
    ru = await story(db, 'ru')
    ;({ id: staffId } = await db
      .insertInto('staff')
      .values({
        email: 'desk@example.com',
        name: 'Maria Desk',
        role: 'editor',
        password_hash: 'x',
        owner: 0,
        disabled: 0,
        created_at: iso(),
        password_changed_at: iso(),
      })
      .returning('id')
      .executeTakeFirstOrThrow())
  })
  afterEach(() => database.dispose())

  let readerCount = 0
  const newReader = async (name = 'Reader') => {
    readerCount++
    return readers.insert(db, {
      email: `reader${readerCount}@example.com`,
      displayName: name,
      passwordHash: 'x',
      editionId: en.editionId,
      at: iso(-DAY),
    })
  }
  const comment = (
    readerId: number,
    status: CommentStatus,
    options: { articleId?: number; flags?: string[]; body?: string } = {},
  ) =>
    comments.insert(db, {
      articleId: options.articleId ?? en.articleId,
      readerId,
      parentId: null,
      depth: 0,
      body: options.body ?? 'A comment.',
      status,
      flags: options.flags ?? [],
      at: iso(-60_000),
    })
  const statusOf = async (id: number) => (await comments.byId(id))?.status
  const countOf = async (articleId: number) =>
    (
      await db
        .selectFrom('articles')
        .select('comment_count')
        .where('id', '=', articleId)
        .executeTakeFirstOrThrow()
    ).comment_count
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

  describe('queues', () => {
    it('pages the held queue newest first, filters by edition, in three queries', async () => {
      const author = await newReader('Anna')
      const held: number[] = []
      for (let i = 0; i < 30; i++)
        held.push(await comment(author.id, 'held', { flags: ['idiot'], body: `Held ${i}` }))
      const other = await comment(author.id, 'held', { articleId: ru.articleId })
      await comment(author.id, 'visible')

      const before = database.stats.queries
      const first = await moderation.queue({ queue: 'held', page: 1 })
      expect(database.stats.queries - before).toBe(3)
      expect(first).toMatchObject({ total: 31, page: 1, pageSize: 25 })
      expect(first.items).toHaveLength(25)
      expect(first.items[0]).toMatchObject({
        id: other,
        headline: 'Talks resume (ru)',
        editionId: ru.editionId,
        status: 'held',
      })
      expect(first.items[1]).toMatchObject({
        id: held[29],
        articleId: en.articleId,
        text: 'Held 29',
        flags: ['idiot'],
        parentId: null,
        reports: [],
        author: {
          id: author.id,
          displayName: 'Anna',
          email: author.email,
          standing: 'active',
          mutedUntil: null,
        },
      })
      const second = await moderation.queue({ queue: 'held', page: 2 })
      expect(second.items.map((c) => c.id)).toEqual(held.slice(0, 6).reverse())

      const english = await moderation.queue({ queue: 'held', editionId: en.editionId, page: 1 })
      expect(english.total).toBe(30)
      expect(english.items.every((c) => c.editionId === en.editionId)).toBe(true)

      const small = database.stats.queries
      await moderation.queue({ queue: 'held', editionId: ru.editionId, page: 1 })
      expect(database.stats.queries - small).toBe(3)
    })

    it('lists reported comments with their open reports, and every comment but deleted ones', async () => {
      const author = await newReader('Anna')
      const [r1, r2] = [await newReader('One'), await newReader('Two')]
      const twice = await comment(author.id, 'visible', { body: 'Reported twice' })
      const rejected = await comment(author.id, 'rejected', { articleId: ru.articleId })
      const deleted = await comment(author.id, 'deleted')
      const handled = await comment(author.id, 'visible')
      const quiet = await comment(author.id, 'held')
      await comments.report(db, twice, r1.id, 'Insults', iso(-2000))
      await comments.report(db, twice, r2.id, 'Spam', iso(-1000))
      await comments.report(db, rejected, r1.id, 'Off topic', iso())
      await comments.report(db, deleted, r1.id, 'Gone', iso())
      await comments.report(db, handled, r1.id, 'Old', iso())
      await db
        .updateTable('comment_reports')
        .set({ resolved_at: iso() })
        .where('comment_id', '=', handled)
        .execute()

      const reported = await moderation.queue({ queue: 'reported', page: 1 })
      expect(reported.total).toBe(2)
      expect(reported.items.map((c) => c.id)).toEqual([rejected, twice])
      expect(reported.items[1]?.reports).toEqual([
        { reason: 'Insults', at: iso(-2000) },
        { reason: 'Spam', at: iso(-1000) },
      ])
      const ruOnly = await moderation.queue({ queue: 'reported', editionId: ru.editionId, page: 1 })
      expect(ruOnly.items.map((c) => c.id)).toEqual([rejected])

      const all = await moderation.queue({ queue: 'all', page: 1 })
      expect(all.total).toBe(4)
      expect(all.items.map((c) => c.id)).toEqual([quiet, handled, rejected, twice])
      expect(all.items.find((c) => c.id === handled)?.reports).toEqual([])
    })

    it("shows each author's standing", async () => {
      const muted = await newReader('Muted')
      const banned = await newReader('Banned')
      const served = await newReader('Served')
      await readers.update(db, muted.id, { muted_until: iso(DAY) })
      await readers.update(db, banned.id, { banned_at: iso(-DAY) })
      await readers.update(db, served.id, { muted_until: iso(-1) })
      for (const r of [muted, banned, served]) await comment(r.id, 'held')
      const { items } = await moderation.queue({ queue: 'held', page: 1 })
      expect(
        items.map((c) => [c.author?.displayName, c.author?.standing, c.author?.mutedUntil]),
      ).toEqual([
        ['Served', 'active', null],
        ['Banned', 'banned', null],
        ['Muted', 'muted', iso(DAY)],
      ])
    })
  })

  describe('approving and rejecting', () => {
    it('approves: visible, author trusted, reports resolved, count updated, posted announced', async () => {
      const author = await newReader('New')
      const reporter = await newReader('Reporter')
      const heldId = await comment(author.id, 'held')
      const reportedId = await comment(reporter.id, 'visible')
      await comments.recount(db, en.articleId)
      await comments.report(db, reportedId, author.id, 'Rude', iso())
      clock.advance(60_000)

      expect(await moderation.moderate(staffId, [heldId, reportedId], 'approve')).toEqual({
        updated: 2,
      })
      await settle()

      expect(await statusOf(heldId)).toBe('visible')
      expect((await readers.byId(author.id))?.trustedAt).toEqual(clock.now())
      expect(await countOf(en.articleId)).toBe(2)
      expect((await moderation.queue({ queue: 'reported', page: 1 })).total).toBe(0)
      expect((await moderation.queue({ queue: 'held', page: 1 })).total).toBe(0)
      // The reported comment was visible already: nothing new for readers.
      expect(events).toEqual([
        { type: 'comment', kind: 'posted', articleId: en.articleId, commentId: heldId, count: 2 },
      ])
      const { items } = await moderation.log()
      expect(items.map((e) => [e.action, e.commentId, e.staff?.name])).toEqual([
        ['approve', reportedId, 'Maria Desk'],
        ['approve', heldId, 'Maria Desk'],
      ])
    })

    it('keeps the time a reader was first trusted', async () => {
      const author = await newReader()
      await readers.update(db, author.id, { trusted_at: iso(-DAY) })
      const id = await comment(author.id, 'held')
      await moderation.moderate(staffId, [id], 'approve')
      expect((await readers.byId(author.id))?.trustedAt).toEqual(new Date(iso(-DAY)))
    })

    it('rejects: removed from the story, count updated, removed announced for visible ones', async () => {
      const author = await newReader()
      const shown = await comment(author.id, 'visible')
      const kept = await comment(author.id, 'visible')
      const held = await comment(author.id, 'held')
      await comments.recount(db, en.articleId)
      await comments.report(db, shown, (await newReader()).id, 'Spam', iso())

      expect(await moderation.moderate(staffId, [shown, held], 'reject')).toEqual({ updated: 2 })
      await settle()

      expect(await statusOf(shown)).toBe('rejected')
      expect(await statusOf(held)).toBe('rejected')
      expect(await statusOf(kept)).toBe('visible')
      expect(await countOf(en.articleId)).toBe(1)
      expect((await readers.byId(author.id))?.trustedAt).toBeNull()
      expect((await moderation.queue({ queue: 'reported', page: 1 })).total).toBe(0)
      expect(events).toEqual([
        { type: 'comment', kind: 'removed', articleId: en.articleId, commentId: shown, count: 1 },
      ])
    })

    it('acts on many stories at once and skips unknown and deleted comments', async () => {
      const author = await newReader()
      const a = await comment(author.id, 'held')
      const b = await comment(author.id, 'held', { articleId: ru.articleId })
      const gone = await comment(author.id, 'deleted')

      const result = await moderation.moderate(staffId, [a, b, b, gone, 999_999], 'approve')
      await settle()

      expect(result).toEqual({ updated: 2 })
      expect(await statusOf(gone)).toBe('deleted')
      expect(await countOf(en.articleId)).toBe(1)
      expect(await countOf(ru.articleId)).toBe(1)
      expect(events.map((e) => [e.commentId, e.articleId, e.count])).toEqual([
        [a, en.articleId, 1],
        [b, ru.articleId, 1],
      ])
      expect((await moderation.log()).items).toHaveLength(2)
      await expect(moderation.moderate(staffId, [], 'approve')).rejects.toMatchObject({
        code: 'invalid_input',
        field: 'ids',
      })
    })
  })

  describe("readers' standing", () => {
    it('bans: held comments rejected, visible ones kept, logged', async () => {
      const author = await newReader()
      const held = [await comment(author.id, 'held'), await comment(author.id, 'held')]
      const shown = await comment(author.id, 'visible')

      await moderation.ban(staffId, author.id, '  Repeated abuse  ')

      const banned = await readers.byId(author.id)
      expect(banned?.bannedAt).toEqual(TEST_NOW)
      expect(banned?.standingReason).toBe('Repeated abuse')
      for (const id of held) expect(await statusOf(id)).toBe('rejected')
      expect(await statusOf(shown)).toBe('visible')
      const { items } = await moderation.log()
      expect(items.find((e) => e.action === 'ban')).toMatchObject({
        readerId: author.id,
        commentId: null,
        reason: 'Repeated abuse',
        staff: { id: staffId, name: 'Maria Desk' },
        at: TEST_NOW.toISOString(),
      })
      expect(
        items
          .filter((e) => e.action === 'reject')
          .map((e) => e.commentId)
          .sort(),
      ).toEqual([...held].sort())
      const { items: all } = await moderation.queue({ queue: 'all', page: 1 })
      expect(all.every((c) => c.author?.standing === 'banned')).toBe(true)
    })

    it('mutes for a number of days, and refuses other lengths', async () => {
      const author = await newReader()
      await moderation.mute(staffId, author.id, 'Cool off', 7)
      expect((await readers.byId(author.id))?.mutedUntil).toEqual(new Date(iso(7 * DAY)))
      expect((await moderation.log()).items[0]).toMatchObject({
        action: 'mute',
        reason: 'Cool off',
      })
      for (const days of [0, 366, 1.5, '7'])
        await expect(moderation.mute(staffId, author.id, 'Cool off', days)).rejects.toMatchObject({
          code: 'invalid_input',
          field: 'days',
        })
    })

    it('restores a banned and muted reader', async () => {
      const author = await newReader()
      await moderation.mute(staffId, author.id, 'Cool off', 3)
      await moderation.ban(staffId, author.id, 'Abuse')
      await moderation.restore(staffId, author.id, 'Appeal accepted')
      const restored = await readers.byId(author.id)
      expect(restored).toMatchObject({ bannedAt: null, mutedUntil: null, standingReason: '' })
      expect((await moderation.log()).items.map((e) => e.action)).toEqual([
        'restore',
        'ban',
        'mute',
      ])
    })

    it('requires a reason and a known reader', async () => {
      const author = await newReader()
      for (const reason of ['', '   ', 'x'.repeat(501), undefined])
        await expect(moderation.ban(staffId, author.id, reason)).rejects.toMatchObject({
          code: 'invalid_input',
          field: 'reason',
        })
      await expect(moderation.restore(staffId, author.id, ' ')).rejects.toMatchObject({
        field: 'reason',
      })
      await expect(moderation.ban(staffId, 999_999, 'Abuse')).rejects.toMatchObject({
        code: 'not_found',
      })
      expect((await readers.byId(author.id))?.bannedAt).toBeNull()
      expect((await moderation.log()).items).toEqual([])
    })
  })

  it('pages the log newest first, 50 at a time', async () => {
    const repo = createModerationRepository(db)
    await repo.record(
      db,
      Array.from({ length: 120 }, (_, i) => ({
        staffId: i % 2 === 0 ? staffId : null,
        action: 'mute',
        readerId: i + 1,
        reason: `Entry ${i}`,
        at: iso(i),
      })),
    )
    const first = await moderation.log()
    expect(first.items).toHaveLength(50)
    expect(first.items[0]).toMatchObject({ reason: 'Entry 119', staff: null })
    expect(first.items[1]).toMatchObject({ reason: 'Entry 118', staff: { name: 'Maria Desk' } })
    const second = await moderation.log({ before: first.nextBefore ?? 0 })
    expect(second.items[0]?.reason).toBe('Entry 69')
    const third = await moderation.log({ before: second.nextBefore ?? 0 })
    expect(third.items).toHaveLength(20)
    expect(third.nextBefore).toBeNull()
  })
})
