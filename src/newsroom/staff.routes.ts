// Administering the staff: the list, invitations, roles, disabling; and the audit log.
import { Type } from 'typebox'
import { Id, IdParams, Role } from './admin.schemas.ts'
import type { AdminApp } from './admin-api.ts'
import type { AuditRepository } from './audit.repository.ts'
import { allowed } from './session.http.ts'
import { staffJson } from './staff.json.ts'
import type { StaffService } from './staff.service.ts'

const AUDIT_PAGE = 50

export function staffRoutes(deps: { staff: StaffService; audit: AuditRepository }) {
  const { staff, audit } = deps
  return async (api: AdminApp) => {
    api.get('/staff', { schema: { tags: ['staff'] } }, async (request) => {
      allowed(request, 'staff.manage')
      return { items: (await staff.list()).map(staffJson) }
    })

    api.post(
      '/invitations',
      {
        schema: {
          tags: ['staff'],
          body: Type.Object({ email: Type.String({ maxLength: 300 }), role: Role }),
        },
      },
      async (request, reply) => {
        const actor = allowed(request, 'staff.manage')
        const invitation = await staff.invite(actor, request.body)
        return reply
          .code(201)
          .send({ url: invitation.url, expiresAt: invitation.expiresAt.toISOString() })
      },
    )

    api.patch(
      '/staff/:id',
      {
        schema: {
          tags: ['staff'],
          params: IdParams,
          body: Type.Object({ role: Type.Optional(Role), disabled: Type.Optional(Type.Boolean()) }),
        },
      },
      async (request) => {
        const actor = allowed(request, 'staff.manage')
        return staffJson(await staff.update(actor, request.params.id, request.body))
      },
    )

    api.get(
      '/audit',
      {
        schema: {
          tags: ['staff'],
          querystring: Type.Object({
            articleId: Type.Optional(Id),
            staffId: Type.Optional(Id),
            before: Type.Optional(Id),
          }),
        },
      },
      async (request) => {
        allowed(request, 'audit.read')
        const entries = await audit.list({ ...request.query, limit: AUDIT_PAGE })
        return {
          items: entries.map((e) => ({ ...e, at: e.at.toISOString() })),
          nextBefore: entries.length === AUDIT_PAGE ? (entries.at(-1)?.id ?? null) : null,
        }
      },
    )
  }
}
