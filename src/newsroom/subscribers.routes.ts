// The Admin API's newsletter subscribers: counts per edition, list and status, search by address,
// unsubscribing and deleting one, the CSV export and import (with each row's consent date), and
// each edition's digest time.
import { Type } from 'typebox'
import type { NewsletterList, SubscriberStatus } from '../subscriptions/newsletter.table.ts'
import type { NewsletterAdmin } from '../subscriptions/newsletter-admin.ts'
import { Id, IdParams, PageNumber } from './admin.schemas.ts'
import type { AdminApp } from './admin-api.ts'
import { allowed } from './session.http.ts'

/** An import of 100,000 addresses with their dates fits; anything bigger is refused unread. */
const IMPORT_LIMIT = 16 * 1024 * 1024

const Status = Type.Union(
  ['pending', 'confirmed', 'unsubscribed', 'bounced'].map((s) => Type.Literal(s)),
)
const List = Type.Union([Type.Literal('digest'), Type.Literal('breaking')])

export function subscriberRoutes(deps: { newsletters: NewsletterAdmin }) {
  const { newsletters } = deps
  return async (api: AdminApp) => {
    // CSV arrives as it is; the import reads it line by line.
    api.addContentTypeParser(
      'text/csv',
      { parseAs: 'string', bodyLimit: IMPORT_LIMIT },
      (_request, body, done) => done(null, body),
    )

    api.get('/subscribers/counts', { schema: { tags: ['subscribers'] } }, async (request) => {
      allowed(request, 'subscribers.manage')
      return newsletters.counts()
    })

    api.get(
      '/subscribers',
      {
        schema: {
          tags: ['subscribers'],
          querystring: Type.Object({
            editionId: Type.Optional(Id),
            q: Type.Optional(Type.String({ maxLength: 254 })),
            status: Type.Optional(Status),
            list: Type.Optional(List),
            page: PageNumber,
          }),
        },
      },
      async (request) => {
        allowed(request, 'subscribers.manage')
        const { editionId, q, status, list, page } = request.query
        return newsletters.search({
          editionId,
          q,
          status: status as SubscriberStatus | undefined,
          list: list as NewsletterList | undefined,
          page,
        })
      },
    )

    api.post(
      '/subscribers/:id/unsubscribe',
      { schema: { tags: ['subscribers'], params: IdParams } },
      async (request) => {
        allowed(request, 'subscribers.manage')
        return newsletters.unsubscribe(request.params.id)
      },
    )

    api.delete(
      '/subscribers/:id',
      { schema: { tags: ['subscribers'], params: IdParams } },
      async (request, reply) => {
        allowed(request, 'subscribers.manage')
        await newsletters.remove(request.params.id)
        return reply.code(204).send()
      },
    )

    api.get(
      '/subscribers/export.csv',
      { schema: { tags: ['subscribers'], querystring: Type.Object({ editionId: Id }) } },
      async (request, reply) => {
        allowed(request, 'subscribers.manage')
        const { editionId } = request.query
        const csv = await newsletters.exportCsv(editionId)
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="subscribers-${editionId}.csv"`)
          .header('x-content-type-options', 'nosniff')
          .send(csv)
      },
    )

    api.post(
      '/subscribers/import',
      {
        bodyLimit: IMPORT_LIMIT,
        schema: {
          tags: ['subscribers'],
          description:
            'A CSV file as the body (content-type text/csv) with the columns email and ' +
            'consent_at, and optionally lists ("digest;breaking"). Rows become confirmed ' +
            'subscribers with that consent date; addresses known already are merged.',
          querystring: Type.Object({ editionId: Id }),
        },
      },
      async (request) => {
        allowed(request, 'subscribers.manage')
        const text = typeof request.body === 'string' ? request.body : ''
        return newsletters.importCsv(request.query.editionId, text)
      },
    )

    api.get(
      '/editions/:id/newsletter',
      { schema: { tags: ['subscribers'], params: IdParams } },
      async (request) => {
        allowed(request, 'subscribers.manage')
        return newsletters.settings(request.params.id)
      },
    )

    api.put(
      '/editions/:id/newsletter',
      {
        schema: {
          tags: ['subscribers'],
          params: IdParams,
          body: Type.Object({ digestTime: Type.String({ maxLength: 10 }) }),
        },
      },
      async (request) => {
        allowed(request, 'subscribers.manage')
        return newsletters.saveSettings(request.params.id, request.body)
      },
    )
  }
}
