// The outbox routes of the Admin API: admins read kept mail; other roles and bad ids are refused.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Fastify, { type FastifyInstance } from 'fastify'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { TEST_NOW } from '../../test/setup.ts'
import { fixedClock } from '../platform/clock.ts'
import type { StaffRole } from '../platform/db/schema.ts'
import { createMailer, type Mailer } from '../platform/mail/mailer.ts'
import { adminApi } from './admin-api.ts'
import { outboxRoutes } from './outbox.routes.ts'
import type { SessionHttp } from './session.http.ts'
import type { StaffSession } from './staff.types.ts'

describe('outbox routes', () => {
  let dataDir: string
  let mailer: Mailer
  let app: FastifyInstance
  let role: StaffRole

  beforeEach(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-outbox-routes-'))
    const log = { info: () => {}, warn: () => {}, error: () => {} }
    const clock = fixedClock(TEST_NOW)
    mailer = createMailer({ smtpUrl: undefined, from: 'Dateline <a@b.c>', dataDir, log, clock })
    role = 'admin'
    // Signed in as a member of `role`; the real session is tested with the whole app.
    const session = {
      identify: async (request: { staffSession?: StaffSession }) => {
        request.staffSession = { staff: { id: 1, role } } as StaffSession
      },
      checkCsrf: () => {},
    } as unknown as SessionHttp
    app = Fastify()
    await adminApi(app, { session, routes: [outboxRoutes({ mailer })], maxUploadBytes: 1024 })
  })
  afterEach(async () => {
    await app.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  const get = async (url: string) => {
    const response = await app.inject({ method: 'GET', url: `/admin/api${url}` })
    return { status: response.statusCode, body: response.json() }
  }

  it('lists kept mail to admins, and shows one', async () => {
    await mailer.send({ to: 'new.editor@example.org', subject: 'Join the newsroom', text: 'Link' })
    const list = await get('/outbox')
    expect(list.status).toBe(200)
    expect(list.body).toMatchObject({ configured: false, nextBefore: null })
    expect(list.body.items).toHaveLength(1)
    const { id } = list.body.items[0]
    expect(await get(`/outbox/${id}`)).toEqual({
      status: 200,
      body: {
        id,
        to: 'new.editor@example.org',
        subject: 'Join the newsroom',
        createdAt: TEST_NOW.toISOString(),
        text: 'Link',
      },
    })
  })

  it('refuses other roles, unknown and malformed ids', async () => {
    const unknown = `${TEST_NOW.toISOString()}-0123456789abcdef`
    expect((await get(`/outbox/${unknown}`)).body.error.code).toBe('not_found')
    expect((await get('/outbox/..%2F..%2Fsecret')).status).toBe(400)
    expect((await get('/outbox?before=..%2Fx')).status).toBe(400)
    role = 'editor'
    expect((await get('/outbox')).body.error.code).toBe('forbidden')
  })
})
