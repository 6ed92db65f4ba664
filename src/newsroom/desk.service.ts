// The newsroom's work on stories: who may do what to which story, the list, the editor's view,
// the workflow, revisions and who else has a story open.
import type { ArticleChanges, ArticleService } from '../content/article.service.ts'
import type { Catalogue } from '../content/catalogue.ts'
import type { TaxonomyRepository } from '../content/taxonomy.repository.ts'
import type { Clock } from '../platform/clock.ts'
import { DomainError, invalidInput, notFound } from '../platform/errors.ts'
import type {
  DeskFilter,
  DeskRepository,
  DeskStory,
  DeskSummary,
  StorySnapshot,
} from './desk.repository.ts'
import { snapshotOf } from './journal.ts'
import { type Actor, can, canEditStory, canPublishStory, canSubmitStory } from './permissions.ts'
import { revisionDiff } from './revision-diff.ts'

/** Someone who sent a heartbeat this recently still has the story open. */
const PRESENCE_MS = 30_000
export const DESK_PAGE_SIZE = 25

const ownership = (story: DeskSummary) => ({
  createdBy: story.createdBy?.id ?? null,
  status: story.status,
})

const forbidden = (what: string) =>
  new DomainError('forbidden', `Your role does not allow you to ${what}.`)

export function createDeskService(deps: {
  desk: DeskRepository
  articles: ArticleService
  taxonomy: TaxonomyRepository
  catalogue: Catalogue
  clock: Clock
  /** The public address of a published story. */
  publicUrl: (story: DeskSummary & { publishedAt: Date }) => string
}) {
  const { desk, articles, catalogue, clock } = deps

  const load = async (id: number): Promise<DeskStory> => {
    const story = await desk.story(id)
    if (!story) throw notFound('story')
    return story
  }

  const urlOf = (story: DeskSummary): string | null =>
    story.status === 'published' && story.publishedAt
      ? deps.publicUrl({ ...story, publishedAt: story.publishedAt })
      : null

  const editable = async (actor: Actor, id: number) => {
    const story = await load(id)
    if (!canEditStory(actor, ownership(story))) throw forbidden('edit this story')
    return story
  }

  const publishable = async (actor: Actor, id: number) => {
    const story = await load(id)
    if (!canPublishStory(actor, ownership(story)))
      throw forbidden('publish or unpublish this story')
    return story
  }

  const by = (actor: Actor) => ({ staffId: actor.id })

  const named = (list: { id: number; name: string; slug: string }[], ids: number[]) =>
    ids.flatMap((i) => {
      const found = list.find((x) => x.id === i)
      return found ? [{ id: found.id, name: found.name, slug: found.slug }] : []
    })

  return {
    urlOf,
    load,

    /** What the actor may do to this story, so the editor offers only that. */
    rightsOn: (actor: Actor, story: DeskSummary) => ({
      edit: canEditStory(actor, ownership(story)),
      publish: canPublishStory(actor, ownership(story)),
      submit: canSubmitStory(actor, ownership(story)),
      correct: can(actor, 'story.correct'),
    }),

    tagNames: async (ids: number[]) => named(await deps.taxonomy.tagsByIds(ids), ids),
    authorNames: async (ids: number[]) => named(await deps.taxonomy.authorsByIds(ids), ids),

    async list(filter: Omit<DeskFilter, 'pageSize'>) {
      const { items, total } = await desk.list({ ...filter, pageSize: DESK_PAGE_SIZE })
      return { items, total, page: filter.page, pageSize: DESK_PAGE_SIZE }
    },

    async create(
      actor: Actor,
      input: ArticleChanges & { editionId: number; sectionId: number; headline: string },
    ): Promise<DeskStory> {
      if (!can(actor, 'story.create')) throw forbidden('write stories')
      const body = input.body ?? { type: 'doc', content: [{ type: 'paragraph' }] }
      const id = await articles.create({ ...input, body }, by(actor))
      return load(id)
    },

    async save(actor: Actor, id: number, changes: ArticleChanges, baseVersion?: string) {
      await editable(actor, id)
      if (
        changes.breaking !== undefined &&
        !can(actor, 'story.publish.own') &&
        !can(actor, 'story.publish.any')
      )
        throw forbidden('flag breaking news')
      await articles.update(id, changes, by(actor), baseVersion)
      return load(id)
    },

    async submit(actor: Actor, id: number) {
      const story = await load(id)
      if (!canSubmitStory(actor, ownership(story))) throw forbidden('submit this story')
      await articles.submit(id, by(actor))
      return load(id)
    },

    async publish(actor: Actor, id: number, at?: Date) {
      await publishable(actor, id)
      if (at && Number.isNaN(at.getTime())) throw invalidInput('at', 'at must be a date and time')
      await articles.publish(id, at, by(actor))
      return load(id)
    },

    async unpublish(actor: Actor, id: number) {
      await publishable(actor, id)
      await articles.unpublish(id, by(actor))
      return load(id)
    },

    async correct(actor: Actor, id: number, text: string) {
      await load(id)
      if (!can(actor, 'story.correct')) throw forbidden('add corrections')
      await articles.correct(id, text, by(actor))
      return load(id)
    },

    async revisions(id: number) {
      await load(id)
      return (await desk.revisions(id)).map((r) => ({
        id: r.id,
        createdAt: r.createdAt,
        updatedAt: r.updatedAt,
        staff: r.staff,
        headline: r.snapshot.headline,
      }))
    },

    async diff(id: number, revisionId: number) {
      const [story, revision] = await Promise.all([load(id), desk.revision(id, revisionId)])
      if (!revision) throw notFound('revision')
      return revisionDiff(revision, snapshotOf(story), await namesFor([revision, story]))
    },

    /** Puts a revision's content back, as a new save (itself a revision) by the actor. */
    async restore(actor: Actor, id: number, revisionId: number) {
      const story = await editable(actor, id)
      const revision = await desk.revision(id, revisionId)
      if (!revision) throw notFound('revision')
      const section = catalogue.sectionById(revision.sectionId)
      const changes: ArticleChanges = {
        ...revision,
        // A section deleted since stays as it is now.
        sectionId:
          section && section.editionId === story.editionId ? revision.sectionId : story.sectionId,
      }
      await articles.update(id, changes, by(actor))
      return load(id)
    },

    /** Records that the actor has the story open; answers who else has. */
    async present(actor: Actor, id: number) {
      await load(id)
      const now = clock.now()
      await desk.beat(id, actor.id, now.toISOString())
      return desk.present(id, new Date(now.getTime() - PRESENCE_MS).toISOString(), actor.id)
    },

    leave: (actor: Actor, id: number) => desk.leave(id, actor.id),
  }

  async function namesFor(snapshots: StorySnapshot[]) {
    const all = (pick: (s: StorySnapshot) => number[]) => [...new Set(snapshots.flatMap(pick))]
    const [tags, authors, stories] = await Promise.all([
      deps.taxonomy.tagsByIds(all((s) => s.tagIds)),
      deps.taxonomy.authorsByIds(all((s) => s.authorIds)),
      Promise.all(all((s) => s.relatedIds).map((rid) => desk.story(rid))),
    ])
    const nameOf = (list: { id: number; name: string }[], ids: number[]) =>
      ids.map((i) => list.find((x) => x.id === i)?.name ?? `#${i}`)
    return {
      section: (sid: number) => catalogue.sectionById(sid)?.name ?? `#${sid}`,
      tags: (ids: number[]) => nameOf(tags, ids),
      authors: (ids: number[]) => nameOf(authors, ids),
      media: (mid: number | null) => (mid === null ? 'none' : `photo ${mid}`),
      stories: (ids: number[]) =>
        ids.map((i) => stories.find((s) => s?.id === i)?.headline ?? `#${i}`),
    }
  }
}

export type DeskService = ReturnType<typeof createDeskService>
