// Webhooks in the Admin API: the hooks, their secrets and delivery logs, a test delivery, and the
// setting that lets them reach private addresses. Admins only: a hook sends content out.
import { Type } from 'typebox'
import { WEBHOOK_EVENTS, type WebhookService } from '../discovery/webhooks.service.ts'
import { IdParams } from './admin.schemas.ts'
import type { AdminApp } from './admin-api.ts'
import { allowed } from './session.http.ts'

/** Types and outer bounds only: the service checks URLs and event names, with its messages. */
const Url = Type.String({ maxLength: 10_000 })
const Events = Type.Array(Type.String({ maxLength: 100 }), { maxItems: 20 })

export function webhookRoutes(deps: { webhooks: WebhookService }) {
  const { webhooks } = deps
  const tags = ['webhooks']
  return async (api: AdminApp) => {
    api.get('/webhooks', { schema: { tags } }, async (request) => {
      allowed(request, 'webhooks.manage')
      return { items: await webhooks.list(), events: WEBHOOK_EVENTS }
    })

    api.post(
      '/webhooks',
      { schema: { tags, body: Type.Object({ url: Url, events: Events }) } },
      async (request, reply) => {
        const actor = allowed(request, 'webhooks.manage')
        return reply.code(201).send(await webhooks.create({ staffId: actor.id }, request.body))
      },
    )

    api.patch(
      '/webhooks/:id',
      {
        schema: {
          tags,
          params: IdParams,
          body: Type.Object({
            url: Type.Optional(Url),
            events: Type.Optional(Events),
            disabled: Type.Optional(Type.Boolean()),
          }),
        },
      },
      async (request) => {
        allowed(request, 'webhooks.manage')
        return webhooks.update(request.params.id, request.body)
      },
    )

    api.delete('/webhooks/:id', { schema: { tags, params: IdParams } }, async (request, reply) => {
      allowed(request, 'webhooks.manage')
      await webhooks.remove(request.params.id)
      return reply.code(204).send()
    })

    api.post('/webhooks/:id/rotate', { schema: { tags, params: IdParams } }, async (request) => {
      allowed(request, 'webhooks.manage')
      return webhooks.rotate(request.params.id)
    })

    api.get('/webhooks/:id/deliveries', { schema: { tags, params: IdParams } }, async (request) => {
      allowed(request, 'webhooks.manage')
      return { items: await webhooks.deliveries(request.params.id) }
    })

    api.post(
      '/webhooks/:id/test',
      { schema: { tags, params: IdParams } },
      async (request, reply) => {
        allowed(request, 'webhooks.manage')
        return reply.code(202).send(await webhooks.ping(request.params.id))
      },
    )

    api.get('/settings/webhooks', { schema: { tags } }, async (request) => {
      allowed(request, 'webhooks.manage')
      return webhooks.settings()
    })

    api.put(
      '/settings/webhooks',
      { schema: { tags, body: Type.Object({ allowPrivate: Type.Boolean() }) } },
      async (request) => {
        allowed(request, 'webhooks.manage')
        return webhooks.saveSettings(request.body)
      },
    )
  }
}
