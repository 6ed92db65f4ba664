// The mail outbox in the Admin API: mail kept as files while no SMTP server is configured.
import { Type } from 'typebox'
import { notFound } from '../platform/errors.ts'
import type { Mailer } from '../platform/mail/mailer.ts'
import { OUTBOX_ID_PATTERN } from '../platform/mail/outbox.ts'
import type { AdminApp } from './admin-api.ts'
import { allowed } from './session.http.ts'

const OUTBOX_PAGE = 50
const OutboxId = Type.String({ pattern: OUTBOX_ID_PATTERN, maxLength: 60 })

export function outboxRoutes(deps: { mailer: Pick<Mailer, 'configured' | 'outbox'> }) {
  const { mailer } = deps
  return async (api: AdminApp) => {
    api.get(
      '/outbox',
      {
        schema: {
          tags: ['outbox'],
          querystring: Type.Object({ before: Type.Optional(OutboxId) }),
        },
      },
      async (request) => {
        // Admins only: the outbox may hold invitation and sign-in links.
        allowed(request, 'outbox.read')
        const page = await mailer.outbox.list({ before: request.query.before, limit: OUTBOX_PAGE })
        return { items: page.items, configured: mailer.configured, nextBefore: page.nextBefore }
      },
    )

    api.get(
      '/outbox/:id',
      { schema: { tags: ['outbox'], params: Type.Object({ id: OutboxId }) } },
      async (request) => {
        allowed(request, 'outbox.read')
        const mail = await mailer.outbox.get(request.params.id)
        if (!mail) throw notFound('Mail')
        return mail
      },
    )
  }
}
