// A newsroom member's browser for API tests: keeps its cookies and CSRF token across requests.
import type { FastifyInstance, InjectOptions } from 'fastify'

export interface AdminResponse {
  status: number
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever the endpoint answered
  json: any
  body: string
  headers: Record<string, string | string[] | number | undefined>
}

export function adminClient(app: FastifyInstance, options: { ip?: string } = {}) {
  const cookies = new Map<string, string>()
  let csrf = ''

  const request = async (
    method: InjectOptions['method'],
    url: string,
    payload?: unknown,
    extra: { headers?: Record<string, string>; csrf?: boolean } = {},
  ): Promise<AdminResponse> => {
    const headers: Record<string, string> = { ...extra.headers }
    if (cookies.size > 0)
      headers.cookie = [...cookies].map(([name, value]) => `${name}=${value}`).join('; ')
    if (method !== 'GET' && extra.csrf !== false) headers['x-csrf-token'] = csrf
    const response = await app.inject({
      method,
      url: `/admin/api${url}`,
      headers,
      remoteAddress: options.ip ?? '127.0.0.1',
      ...(payload !== undefined &&
        (Buffer.isBuffer(payload) || typeof payload === 'string'
          ? { payload }
          : { payload: payload as object })),
    })
    // Expiry is the server's business here: its clock is the test's, not the real one.
    for (const cookie of response.cookies as { name: string; value: string }[]) {
      if (cookie.value === '') cookies.delete(cookie.name)
      else cookies.set(cookie.name, cookie.value)
    }
    let json: unknown
    try {
      json = JSON.parse(response.body)
    } catch {
      json = undefined
    }
    const token = (json as { csrfToken?: unknown } | undefined)?.csrfToken
    if (typeof token === 'string') csrf = token
    return { status: response.statusCode, json, body: response.body, headers: response.headers }
  }

  return {
    cookies,
    get: (url: string) => request('GET', url),
    post: (url: string, payload?: unknown, extra?: Parameters<typeof request>[3]) =>
      request('POST', url, payload ?? {}, extra),
    patch: (url: string, payload: unknown, extra?: Parameters<typeof request>[3]) =>
      request('PATCH', url, payload, extra),
    delete: (url: string) => request('DELETE', url),
    raw: request,
    /** Fetches the session, which also hands out the CSRF token. */
    session: () => request('GET', '/session'),
  }
}

export type AdminClient = ReturnType<typeof adminClient>

export const PASSWORD = 'correct horse battery staple'

/** Creates the owner through the setup link and returns their signed-in client. */
export async function setUpOwner(
  app: FastifyInstance,
  setupLink: () => Promise<string | undefined>,
  email = 'owner@news.example.com',
) {
  const owner = adminClient(app)
  const link = await setupLink()
  const token = new URL(link ?? '', 'http://x').searchParams.get('token')
  await owner.session()
  const response = await owner.post('/setup', {
    token,
    email,
    name: 'Olga Owner',
    password: PASSWORD,
  })
  if (response.status !== 201) throw new Error(`setup failed: ${response.body}`)
  return owner
}

/** Invites a member with the role, accepts as them, and returns their signed-in client. */
export async function joinAs(
  app: FastifyInstance,
  admin: AdminClient,
  role: 'contributor' | 'author' | 'editor' | 'admin',
  name = `${role[0]?.toUpperCase()}${role.slice(1)} Person`,
) {
  const email = `${role}.${Math.random().toString(36).slice(2, 8)}@news.example.com`
  const invited = await admin.post('/invitations', { email, role })
  if (invited.status !== 201) throw new Error(`invite failed: ${invited.body}`)
  const token = new URL(invited.json.url).searchParams.get('token')
  const member = adminClient(app)
  await member.session()
  const joined = await member.post('/invitations/accept', { token, name, password: PASSWORD })
  if (joined.status !== 201) throw new Error(`accept failed: ${joined.body}`)
  return Object.assign(member, { id: joined.json.staff.id as number, email })
}
