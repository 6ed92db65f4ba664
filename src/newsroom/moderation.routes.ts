// The Admin API's moderation: the comment queues, approving and rejecting, muting and banning
// readers, the moderation log, and each edition's comment settings.
import { Type } from 'typebox'
import type { CommunitySettingsStore } from '../community/community-settings.ts'
import { MODERATE_MAX, type ModerationService } from '../community/moderation.service.ts'
import type { Catalogue } from '../content/catalogue.ts'
import { notFound } from '../platform/errors.ts'
import { Id, IdParams, PageNumber } from './admin.schemas.ts'
import type { AdminApp } from './admin-api.ts'
import { allowed } from './session.http.ts'

const Reason = Type.String({ maxLength: 2000 })
const WordList = Type.Array(Type.String({ maxLength: 1000 }), { maxItems: 5000 })

/** Types only: ranges and word lists are checked by the settings themselves, with their messages. */
const SettingsBody = Type.Object({
  mode: Type.Union(['open', 'closed', 'premoderated', 'postmoderated'].map((m) => Type.Literal(m))),
  autoCloseDays: Type.Integer(),
  maxLength: Type.Integer(),
  maxLinks: Type.Integer(),
  bannedWords: WordList,
  suspectWords: WordList,
  onAccountDelete: Type.Union([Type.Literal('anonymize'), Type.Literal('remove')]),
  holdNewReaders: Type.Optional(Type.Boolean()),
})

export function moderationRoutes(deps: {
  moderation: ModerationService
  settings: CommunitySettingsStore
  catalogue: Catalogue
}) {
  const { moderation, settings, catalogue } = deps

  const edition = (id: number) => {
    if (!catalogue.editionById(id)) throw notFound('edition')
    return id
  }

  return async (api: AdminApp) => {
    api.get(
      '/comments',
      {
        schema: {
          tags: ['moderation'],
          querystring: Type.Object({
            queue: Type.Union([
              Type.Literal('held'),
              Type.Literal('reported'),
              Type.Literal('all'),
            ]),
            editionId: Type.Optional(Id),
            page: PageNumber,
          }),
        },
      },
      async (request) => {
        allowed(request, 'comments.moderate')
        const { queue, editionId, page } = request.query
        return moderation.queue({
          queue,
          editionId,
          page,
        })
      },
    )

    api.post(
      '/comments/moderate',
      {
        schema: {
          tags: ['moderation'],
          body: Type.Object({
            ids: Type.Array(Id, { minItems: 1, maxItems: MODERATE_MAX }),
            action: Type.Union([Type.Literal('approve'), Type.Literal('reject')]),
          }),
        },
      },
      async (request) => {
        const actor = allowed(request, 'comments.moderate')
        const { ids, action } = request.body
        return moderation.moderate(actor.id, ids, action)
      },
    )

    api.post(
      '/readers/:id/ban',
      { schema: { tags: ['moderation'], params: IdParams, body: Type.Object({ reason: Reason }) } },
      async (request, reply) => {
        const actor = allowed(request, 'comments.moderate')
        await moderation.ban(actor.id, request.params.id, request.body.reason)
        return reply.code(204).send()
      },
    )

    api.post(
      '/readers/:id/mute',
      {
        schema: {
          tags: ['moderation'],
          params: IdParams,
          body: Type.Object({ reason: Reason, days: Type.Integer({ minimum: 1, maximum: 365 }) }),
        },
      },
      async (request, reply) => {
        const actor = allowed(request, 'comments.moderate')
        const { reason, days } = request.body
        await moderation.mute(actor.id, request.params.id, reason, days)
        return reply.code(204).send()
      },
    )

    api.post(
      '/readers/:id/restore',
      { schema: { tags: ['moderation'], params: IdParams, body: Type.Object({ reason: Reason }) } },
      async (request, reply) => {
        const actor = allowed(request, 'comments.moderate')
        await moderation.restore(actor.id, request.params.id, request.body.reason)
        return reply.code(204).send()
      },
    )

    api.get(
      '/moderation/log',
      {
        schema: {
          tags: ['moderation'],
          querystring: Type.Object({ before: Type.Optional(Id) }),
        },
      },
      async (request) => {
        allowed(request, 'comments.moderate')
        return moderation.log({ before: request.query.before })
      },
    )

    api.get(
      '/editions/:id/community',
      { schema: { tags: ['moderation'], params: IdParams } },
      async (request) => {
        allowed(request, 'settings.manage')
        return settings.get(edition(request.params.id))
      },
    )

    api.put(
      '/editions/:id/community',
      { schema: { tags: ['moderation'], params: IdParams, body: SettingsBody } },
      async (request) => {
        allowed(request, 'settings.manage')
        const id = edition(request.params.id)
        // The newsroom's form does not carry holdNewReaders: a save from it keeps the current one.
        const { holdNewReaders } = await settings.get(id)
        return settings.save(id, { holdNewReaders, ...request.body })
      },
    )
  }
}
