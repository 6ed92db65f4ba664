// The Admin API's stories: the list, the editor's reads and saves, the workflow, revisions, presence.
import { Type } from 'typebox'
import type { MediaLibrary } from '../media/media-library.service.ts'
import { notFound } from '../platform/errors.ts'
import { Id, IdParams, PageNumber, Status, StoryFields } from './admin.schemas.ts'
import type { AdminApp } from './admin-api.ts'
import type { DeskStory, DeskSummary } from './desk.repository.ts'
import type { DeskService } from './desk.service.ts'
import type { Actor } from './permissions.ts'
import { signedIn } from './session.http.ts'

// A body of 20,000 nodes (the content model's limit) fits with room to spare.
const STORY_BODY_LIMIT = 4 * 1024 * 1024
const RevisionParams = Type.Object({ id: Id, revisionId: Id })

export function storyRoutes(deps: {
  desk: DeskService
  media: MediaLibrary
  /** The story's reader page as it would be now, published or not. */
  preview: (id: number) => Promise<string | undefined>
}) {
  const { desk, media } = deps

  const summaryJson = (story: DeskSummary) => ({
    id: story.id,
    editionId: story.editionId,
    sectionId: story.sectionId,
    headline: story.headline,
    status: story.status,
    breaking: story.breaking,
    publishedAt: story.publishedAt?.toISOString() ?? null,
    updatedAt: story.updatedAt.toISOString(),
    createdBy: story.createdBy,
    url: desk.urlOf(story),
    commentMode: story.commentMode,
    commentCount: story.commentCount,
  })

  const storyJson = async (story: DeskStory, actor: Actor) => ({
    ...summaryJson(story),
    can: desk.rightsOn(actor, story),
    tags: await desk.tagNames(story.tagIds),
    authors: await desk.authorNames(story.authorIds),
    slug: story.slug,
    dek: story.dek,
    datelinePlace: story.datelinePlace,
    source: story.source,
    body: story.body,
    leadMediaId: story.leadMediaId,
    lead: story.leadMediaId === null ? null : await media.get(story.leadMediaId).catch(() => null),
    translationGroup: story.translationGroup,
    tagIds: story.tagIds,
    authorIds: story.authorIds,
    relatedIds: story.relatedIds,
    version: story.version,
    corrections: story.corrections.map((c) => ({ ...c, createdAt: c.createdAt.toISOString() })),
    translations: story.translations,
    related: story.related,
  })

  return async (api: AdminApp) => {
    api.get(
      '/articles',
      {
        schema: {
          tags: ['stories'],
          querystring: Type.Object({
            editionId: Type.Optional(Id),
            sectionId: Type.Optional(Id),
            status: Type.Optional(Status),
            authorId: Type.Optional(Id),
            q: Type.Optional(Type.String({ maxLength: 200 })),
            page: PageNumber,
          }),
        },
      },
      async (request) => {
        signedIn(request)
        const { status, ...rest } = request.query
        const list = await desk.list({
          ...rest,
          status: status as DeskSummary['status'] | undefined,
        })
        return { ...list, items: list.items.map(summaryJson) }
      },
    )

    api.post(
      '/articles',
      {
        bodyLimit: STORY_BODY_LIMIT,
        schema: {
          tags: ['stories'],
          body: Type.Object({
            ...StoryFields,
            editionId: Id,
            sectionId: Id,
            headline: Type.String({ maxLength: 1000 }),
          }),
        },
      },
      async (request, reply) => {
        const actor = signedIn(request).staff
        return reply.code(201).send(await storyJson(await desk.create(actor, request.body), actor))
      },
    )

    api.get(
      '/articles/:id',
      { schema: { tags: ['stories'], params: IdParams } },
      async (request) => {
        const actor = signedIn(request).staff
        return storyJson(await desk.load(request.params.id), actor)
      },
    )

    api.patch(
      '/articles/:id',
      {
        bodyLimit: STORY_BODY_LIMIT,
        schema: {
          tags: ['stories'],
          params: IdParams,
          body: Type.Object({
            ...StoryFields,
            baseVersion: Type.Optional(Type.String({ maxLength: 40 })),
          }),
        },
      },
      async (request) => {
        const actor = signedIn(request).staff
        const { baseVersion, ...changes } = request.body
        return storyJson(await desk.save(actor, request.params.id, changes, baseVersion), actor)
      },
    )

    api.post(
      '/articles/:id/submit',
      { schema: { tags: ['stories'], params: IdParams } },
      async (request) => {
        const actor = signedIn(request).staff
        return storyJson(await desk.submit(actor, request.params.id), actor)
      },
    )

    api.post(
      '/articles/:id/publish',
      {
        schema: {
          tags: ['stories'],
          params: IdParams,
          body: Type.Optional(
            Type.Object({ at: Type.Optional(Type.String({ format: 'date-time' })) }),
          ),
        },
      },
      async (request) => {
        const at = request.body?.at ? new Date(request.body.at) : undefined
        const actor = signedIn(request).staff
        return storyJson(await desk.publish(actor, request.params.id, at), actor)
      },
    )

    api.post(
      '/articles/:id/unpublish',
      { schema: { tags: ['stories'], params: IdParams } },
      async (request) =>
        storyJson(
          await desk.unpublish(signedIn(request).staff, request.params.id),
          signedIn(request).staff,
        ),
    )

    api.post(
      '/articles/:id/corrections',
      {
        schema: {
          tags: ['stories'],
          params: IdParams,
          body: Type.Object({ text: Type.String({ maxLength: 5000 }) }),
        },
      },
      async (request) => {
        const actor = signedIn(request).staff
        return storyJson(await desk.correct(actor, request.params.id, request.body.text), actor)
      },
    )

    api.get(
      '/articles/:id/preview',
      { schema: { tags: ['stories'], params: IdParams, produces: ['text/html'] } },
      async (request, reply) => {
        signedIn(request)
        const html = await deps.preview(request.params.id)
        if (html === undefined) throw notFound('story')
        return reply.type('text/html; charset=utf-8').header('x-robots-tag', 'noindex').send(html)
      },
    )

    api.get(
      '/articles/:id/revisions',
      { schema: { tags: ['stories'], params: IdParams } },
      async (request) => {
        signedIn(request)
        const items = await desk.revisions(request.params.id)
        return {
          items: items.map((r) => ({
            ...r,
            createdAt: r.createdAt.toISOString(),
            updatedAt: r.updatedAt.toISOString(),
          })),
        }
      },
    )

    api.get(
      '/articles/:id/revisions/:revisionId/diff',
      { schema: { tags: ['stories'], params: RevisionParams } },
      async (request) => {
        signedIn(request)
        return { fields: await desk.diff(request.params.id, request.params.revisionId) }
      },
    )

    api.post(
      '/articles/:id/revisions/:revisionId/restore',
      { schema: { tags: ['stories'], params: RevisionParams } },
      async (request) =>
        storyJson(
          await desk.restore(signedIn(request).staff, request.params.id, request.params.revisionId),
          signedIn(request).staff,
        ),
    )

    api.post(
      '/articles/:id/presence',
      { schema: { tags: ['stories'], params: IdParams } },
      async (request) => ({
        others: await desk.present(signedIn(request).staff, request.params.id),
      }),
    )

    api.delete(
      '/articles/:id/presence',
      { schema: { tags: ['stories'], params: IdParams } },
      async (request, reply) => {
        await desk.leave(signedIn(request).staff, request.params.id)
        return reply.code(204).send()
      },
    )
  }
}
