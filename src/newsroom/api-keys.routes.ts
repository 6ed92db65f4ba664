// Content API keys in the Admin API: the list, a new key (shown once), revoking one. Admins only.
import { Type } from 'typebox'
import type { ApiKey, ApiKeys } from '../discovery/api-keys.ts'
import { IdParams } from './admin.schemas.ts'
import type { AdminApp } from './admin-api.ts'
import { allowed } from './session.http.ts'

/** A key as the newsroom lists it: never the key itself, only its first characters. */
export const apiKeyJson = (key: ApiKey) => ({
  id: key.id,
  name: key.name,
  prefix: key.prefix,
  createdBy: key.createdBy,
  createdAt: key.createdAt.toISOString(),
  lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
  revokedAt: key.revokedAt?.toISOString() ?? null,
})

export function apiKeysRoutes(deps: { keys: ApiKeys }) {
  const { keys } = deps
  return async (api: AdminApp) => {
    api.get('/api-keys', { schema: { tags: ['api-keys'] } }, async (request) => {
      allowed(request, 'api.manage')
      return { items: (await keys.list()).map(apiKeyJson) }
    })

    api.post(
      '/api-keys',
      {
        schema: {
          tags: ['api-keys'],
          body: Type.Object({ name: Type.String({ maxLength: 300 }) }),
        },
      },
      async (request, reply) => {
        const actor = allowed(request, 'api.manage')
        const made = await keys.create(actor, request.body)
        // The only answer that carries the key: it is kept as a hash and cannot be shown again.
        return reply.code(201).send({ key: made.key, ...apiKeyJson(made.apiKey) })
      },
    )

    api.delete(
      '/api-keys/:id',
      { schema: { tags: ['api-keys'], params: IdParams } },
      async (request) => {
        const actor = allowed(request, 'api.manage')
        return apiKeyJson(await keys.revoke(actor, request.params.id))
      },
    )
  }
}
