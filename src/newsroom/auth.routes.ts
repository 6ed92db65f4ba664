// Signing in and out: the session, the owner's setup, login, logout, password, invitations.
import { Type } from 'typebox'
import type { AdminApp } from './admin-api.ts'
import type { SessionHttp } from './session.http.ts'
import { signedIn } from './session.http.ts'
import { sessionJson } from './staff.json.ts'
import type { StaffService } from './staff.service.ts'

const Password = Type.String({ maxLength: 1024 })
const Token = Type.String({ maxLength: 100 })
const signedOut = { signedOut: true }

export function authRoutes(deps: { staff: StaffService; session: SessionHttp }) {
  const { staff, session } = deps
  return async (api: AdminApp) => {
    api.get('/session', { schema: { tags: ['session'] } }, async (request, reply) =>
      sessionJson(
        request.staffSession?.staff ?? null,
        session.csrfTokenFor(request, reply),
        await staff.setupRequired(),
      ),
    )

    api.post(
      '/setup',
      {
        config: signedOut,
        schema: {
          tags: ['session'],
          body: Type.Object({
            token: Token,
            email: Type.String({ maxLength: 300 }),
            name: Type.String({ maxLength: 300 }),
            password: Password,
          }),
        },
      },
      async (request, reply) => {
        const result = await staff.setup(request.body, session.meta(request))
        session.signIn(reply, result)
        return reply.code(201).send(sessionJson(result.staff, result.csrfToken, false))
      },
    )

    api.post(
      '/login',
      {
        config: signedOut,
        schema: {
          tags: ['session'],
          body: Type.Object({ email: Type.String({ maxLength: 300 }), password: Password }),
        },
      },
      async (request, reply) => {
        const result = await staff.login(request.body, session.meta(request))
        session.signIn(reply, result)
        return sessionJson(result.staff, result.csrfToken, false)
      },
    )

    api.post('/logout', { schema: { tags: ['session'] } }, async (request, reply) => {
      await staff.logout(signedIn(request))
      session.signOut(reply)
      return reply.code(204).send()
    })

    api.post('/logout-everywhere', { schema: { tags: ['session'] } }, async (request, reply) => {
      await staff.logoutEverywhere(signedIn(request).staff)
      session.signOut(reply)
      return reply.code(204).send()
    })

    api.post(
      '/password',
      {
        schema: {
          tags: ['session'],
          body: Type.Object({ currentPassword: Password, newPassword: Password }),
        },
      },
      async (request, reply) => {
        await staff.changePassword(signedIn(request), request.body)
        return reply.code(204).send()
      },
    )

    api.get(
      '/invitations/:token',
      { config: signedOut, schema: { tags: ['staff'], params: Type.Object({ token: Token }) } },
      async (request) => {
        const invitation = await staff.invitation(request.params.token)
        return { email: invitation.email, role: invitation.role }
      },
    )

    api.post(
      '/invitations/accept',
      {
        config: signedOut,
        schema: {
          tags: ['staff'],
          body: Type.Object({
            token: Token,
            name: Type.String({ maxLength: 300 }),
            password: Password,
          }),
        },
      },
      async (request, reply) => {
        const result = await staff.acceptInvitation(request.body, session.meta(request))
        session.signIn(reply, result)
        return reply.code(201).send(sessionJson(result.staff, result.csrfToken, false))
      },
    )
  }
}
