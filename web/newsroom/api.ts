// The newsroom's only way to the server: typed calls to the Admin API under /admin/api.

export type Role = 'contributor' | 'author' | 'editor' | 'admin'
export type Status = 'draft' | 'in_review' | 'scheduled' | 'published' | 'unpublished'

export interface Staff {
  id: number
  email: string
  name: string
  role: Role
  owner: boolean
  disabled: boolean
  createdAt: string
}

export interface Session {
  staff: Staff | null
  csrfToken: string
  /** True until the owner account exists: only the setup link signs anyone in. */
  setupRequired: boolean
  /** The actions of the permission table this person may take, e.g. "story.publish.any". */
  permissions: string[]
}

export interface Section {
  id: number
  name: string
  slug: string
}

export interface Edition {
  id: number
  code: string
  name: string
  locale: string
  timeZone: string
  direction: 'ltr' | 'rtl'
  sections: Section[]
}

export interface Named {
  id: number
  name: string
  slug: string
}

export interface Media {
  id: number
  /** A 640 px wide WebP rendition, for grids and previews. */
  thumbnailUrl: string
  width: number
  height: number
  caption: string
  credit: string
  alt: string
  focalX: number
  focalY: number
  originalName: string
  sizeBytes: number
  createdAt: string
}

export interface StorySummary {
  id: number
  editionId: number
  sectionId: number
  headline: string
  status: Status
  breaking: boolean
  publishedAt: string | null
  updatedAt: string
  createdBy: { id: number; name: string } | null
  /** The public address while the story is published. */
  url: string | null
  /** Visible comments. */
  commentCount: number
}

export interface Correction {
  id: number
  text: string
  createdAt: string
}

/** ProseMirror JSON in TipTap's node names, as the server validates it. */
export type BodyDoc = { type: 'doc'; content: unknown[] }

export interface Story extends StorySummary {
  slug: string
  dek: string
  datelinePlace: string
  source: string
  body: BodyDoc
  leadMediaId: number | null
  lead: Media | null
  translationGroup: string | null
  tagIds: number[]
  authorIds: number[]
  relatedIds: number[]
  /** Send back as baseVersion when saving: a save over someone else's newer one answers 409. */
  version: string
  corrections: Correction[]
  /** Stories in other editions with the same translation group. */
  translations: { id: number; editionId: number; headline: string }[]
  /** Headlines of relatedIds, in order, for the side panel. */
  related: { id: number; headline: string }[]
  /** The tags and byline authors of tagIds and authorIds, in order. */
  tags: Named[]
  authors: Named[]
  commentMode: CommentMode | null
  /** What the signed-in member may do to this story, by the server's permission table. */
  can: { edit: boolean; publish: boolean; submit: boolean; correct: boolean }
}

export type CommentMode = 'open' | 'closed' | 'premoderated' | 'postmoderated'

export interface QueueComment {
  id: number
  articleId: number
  headline: string
  editionId: number
  parentId: number | null
  text: string
  status: 'visible' | 'held' | 'rejected' | 'deleted'
  createdAt: string
  author: {
    id: number
    displayName: string
    email: string
    /** muted until a time, or banned for good */
    standing: 'active' | 'muted' | 'banned'
    mutedUntil: string | null
  } | null
  reports: { reason: string; at: string }[]
  /** Words of the edition's suspect list this comment matched, why it was held. */
  flags: string[]
}

export interface ModerationEntry {
  id: number
  at: string
  staff: { id: number; name: string } | null
  action: string
  commentId: number | null
  readerId: number | null
  reason: string
}

export interface CommunitySettings {
  /** The default for the edition's stories; a story may override it. */
  mode: CommentMode
  /** Comments close by themselves this many days after publication; 0 never. */
  autoCloseDays: number
  maxLength: number
  maxLinks: number
  bannedWords: string[]
  suspectWords: string[]
  /** What happens to a reader's comments when they delete their account. */
  onAccountDelete: 'anonymize' | 'remove'
  /** A new reader's comments wait for a moderator until one of them is approved. */
  holdNewReaders?: boolean
}

export interface OutboxMail {
  id: string
  to: string
  subject: string
  createdAt: string
  text: string
}

export interface StoryFields {
  sectionId?: number
  headline?: string
  slug?: string
  dek?: string
  datelinePlace?: string
  source?: string
  body?: BodyDoc
  leadMediaId?: number | null
  breaking?: boolean
  translationGroup?: string | null
  tagIds?: number[]
  authorIds?: number[]
  relatedIds?: number[]
  /** null: the edition's setting. */
  commentMode?: CommentMode | null
}

export interface Page<T> {
  items: T[]
  total: number
  page: number
  pageSize: number
}

export interface Revision {
  id: number
  createdAt: string
  updatedAt: string
  staff: { id: number; name: string } | null
  headline: string
}

export interface DiffPart {
  value: string
  added?: boolean
  removed?: boolean
}

export interface RevisionDiff {
  /**
   * Only the fields that differ between the revision and the story as it is now: `removed` parts
   * are in the revision only, `added` ones in the story now. Field names are StoryFields keys,
   * except section, leadPhoto, tags and authors, which are shown by name.
   */
  fields: { field: string; parts: DiffPart[] }[]
}

export interface AuditEntry {
  id: number
  at: string
  staff: { id: number; name: string } | null
  action: string
  articleId: number | null
  headline: string | null
  detail: Record<string, unknown>
}

export type WebhookEvent =
  | 'story.published'
  | 'story.updated'
  | 'story.unpublished'
  | 'comment.posted'

/** One attempt to deliver one payload to a webhook. */
export interface WebhookDelivery {
  id: number
  /** The payload's id, the same on every attempt of one delivery. */
  deliveryId: string | null
  /** A webhook event, or `ping` for a test. */
  event: string
  attempt: number
  /** The receiver's answer; null when none came (refused, unreachable, timed out). */
  statusCode: number | null
  error: string | null
  durationMs: number | null
  at: string
  payload: unknown
}

export interface Webhook {
  id: number
  url: string
  events: WebhookEvent[]
  /** The receiver checks signatures with it (HMAC-SHA256). */
  secret: string
  disabled: boolean
  createdAt: string
  lastDelivery: WebhookDelivery | null
}

/** A Content API key as the newsroom lists it: the key itself is shown once, when it is made. */
export interface ApiKey {
  id: number
  name: string
  /** The key's first characters, e.g. "dl_AbCdE", to tell keys apart. */
  prefix: string
  createdBy: { id: number; name: string } | null
  createdAt: string
  lastUsedAt: string | null
  revokedAt: string | null
}

export interface ApiErrorBody {
  error: { code: string; message: string; field?: string }
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message)
  }
}

let csrfToken = ''

/** One Admin API request with the session's CSRF token; the body is JSON unless given as CSV text. */
export async function request<T>(
  method: string,
  path: string,
  body?: { json: unknown } | { csv: string },
): Promise<T> {
  const headers: Record<string, string> = {}
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken
  if (body) headers['content-type'] = 'csv' in body ? 'text/csv' : 'application/json'
  const response = await fetch(`/admin/api${path}`, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : 'csv' in body ? body.csv : JSON.stringify(body.json),
  })
  if (response.status === 204) return undefined as T
  const data = await response.json().catch(() => null)
  if (!response.ok) {
    const error = (data as ApiErrorBody | null)?.error
    throw new ApiError(
      response.status,
      error?.code ?? 'http_error',
      error?.message ?? `The server answered ${response.status}`,
      error?.field,
    )
  }
  return data as T
}

/** One Admin API request with a JSON body, if any. */
export const call = <T>(method: string, path: string, body?: unknown): Promise<T> =>
  request<T>(method, path, body === undefined ? undefined : { json: body })

/** `?a=1&b=2` of the parameters that have a value, or nothing. */
export const query = (params: Record<string, string | number | undefined | null>) => {
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value))
  const text = search.toString()
  return text ? `?${text}` : ''
}

/** Keeps the CSRF token of the answer that carried one. */
const keep = <T extends { csrfToken: string }>(value: T): T => {
  csrfToken = value.csrfToken
  return value
}

export const api = {
  session: async () => keep(await call<Session>('GET', '/session')),
  setup: async (body: { token: string; email: string; name: string; password: string }) =>
    keep(await call<Session>('POST', '/setup', body)),
  login: async (body: { email: string; password: string }) =>
    keep(await call<Session>('POST', '/login', body)),
  logout: () => call<void>('POST', '/logout'),
  logoutEverywhere: () => call<void>('POST', '/logout-everywhere'),
  changePassword: (body: { currentPassword: string; newPassword: string }) =>
    call<void>('POST', '/password', body),
  invitation: (token: string) =>
    call<{ email: string; role: Role }>('GET', `/invitations/${encodeURIComponent(token)}`),
  acceptInvitation: async (body: { token: string; name: string; password: string }) =>
    keep(await call<Session>('POST', '/invitations/accept', body)),

  staff: () => call<{ items: Staff[] }>('GET', '/staff'),
  invite: (body: { email: string; role: Role }) =>
    call<{ url: string; expiresAt: string }>('POST', '/invitations', body),
  updateStaff: (id: number, body: { role?: Role; disabled?: boolean }) =>
    call<Staff>('PATCH', `/staff/${id}`, body),
  audit: (params: { articleId?: number; staffId?: number; before?: number } = {}) =>
    call<{ items: AuditEntry[]; nextBefore: number | null }>(
      'GET',
      `/audit${query({ ...params })}`,
    ),

  editions: () => call<{ items: Edition[] }>('GET', '/editions'),
  tags: (editionId: number, q = '') =>
    call<{ items: Named[] }>('GET', `/tags${query({ editionId, q })}`),
  createTag: (body: { editionId: number; name: string }) => call<Named>('POST', '/tags', body),
  authors: (editionId: number) =>
    call<{ items: Named[] }>('GET', `/authors${query({ editionId })}`),
  createSection: (body: { editionId: number; name: string; slug?: string; description?: string }) =>
    call<Section>('POST', '/sections', body),

  stories: (
    params: {
      editionId?: number
      sectionId?: number
      status?: Status
      authorId?: number
      q?: string
      page?: number
    } = {},
  ) => call<Page<StorySummary>>('GET', `/articles${query({ ...params })}`),
  story: (id: number) => call<Story>('GET', `/articles/${id}`),
  createStory: (body: StoryFields & { editionId: number; sectionId: number; headline: string }) =>
    call<Story>('POST', '/articles', body),
  saveStory: (id: number, body: StoryFields & { baseVersion?: string }) =>
    call<Story>('PATCH', `/articles/${id}`, body),
  submitStory: (id: number) => call<Story>('POST', `/articles/${id}/submit`),
  /** Publishes now, or schedules when `at` is in the future. */
  publishStory: (id: number, at?: string) =>
    call<Story>('POST', `/articles/${id}/publish`, at ? { at } : {}),
  unpublishStory: (id: number) => call<Story>('POST', `/articles/${id}/unpublish`),
  addCorrection: (id: number, text: string) =>
    call<Story>('POST', `/articles/${id}/corrections`, { text }),
  /** The reader page of the story as it is now, published or not. */
  previewUrl: (id: number) => `/admin/api/articles/${id}/preview`,
  revisions: (id: number) => call<{ items: Revision[] }>('GET', `/articles/${id}/revisions`),
  revisionDiff: (id: number, revisionId: number) =>
    call<RevisionDiff>('GET', `/articles/${id}/revisions/${revisionId}/diff`),
  restoreRevision: (id: number, revisionId: number) =>
    call<Story>('POST', `/articles/${id}/revisions/${revisionId}/restore`),
  /** Say "I have this story open" every 10 s; answers who else does. */
  presence: (id: number) =>
    call<{ others: { id: number; name: string }[] }>('POST', `/articles/${id}/presence`),
  leave: (id: number) => call<void>('DELETE', `/articles/${id}/presence`),

  comments: (params: { queue: 'held' | 'reported' | 'all'; editionId?: number; page?: number }) =>
    call<Page<QueueComment>>('GET', `/comments${query({ ...params })}`),
  moderate: (ids: number[], action: 'approve' | 'reject') =>
    call<{ updated: number }>('POST', '/comments/moderate', { ids, action }),
  banReader: (id: number, reason: string) => call<void>('POST', `/readers/${id}/ban`, { reason }),
  muteReader: (id: number, reason: string, days: number) =>
    call<void>('POST', `/readers/${id}/mute`, { reason, days }),
  restoreReader: (id: number, reason: string) =>
    call<void>('POST', `/readers/${id}/restore`, { reason }),
  moderationLog: (params: { before?: number } = {}) =>
    call<{ items: ModerationEntry[]; nextBefore: number | null }>(
      'GET',
      `/moderation/log${query({ ...params })}`,
    ),
  communitySettings: (editionId: number) =>
    call<CommunitySettings>('GET', `/editions/${editionId}/community`),
  saveCommunitySettings: (editionId: number, settings: CommunitySettings) =>
    call<CommunitySettings>('PUT', `/editions/${editionId}/community`, settings),
  apiKeys: () => call<{ items: ApiKey[] }>('GET', '/api-keys'),
  /** The answer's `key` is the only time the key is ever shown. */
  createApiKey: (body: { name: string }) =>
    call<ApiKey & { key: string }>('POST', '/api-keys', body),
  revokeApiKey: (id: number) => call<ApiKey>('DELETE', `/api-keys/${id}`),
  outbox: (params: { before?: string } = {}) =>
    call<{ items: OutboxMail[]; configured: boolean; nextBefore: string | null }>(
      'GET',
      `/outbox${query({ ...params })}`,
    ),

  media: (params: { q?: string; page?: number } = {}) =>
    call<Page<Media>>('GET', `/media${query({ ...params })}`),
  updateMedia: (
    id: number,
    body: { caption?: string; credit?: string; alt?: string; focalX?: number; focalY?: number },
  ) => call<Media>('PATCH', `/media/${id}`, body),
  /** Multipart upload through XHR, so progress can be shown. */
  uploadMedia(file: File, onProgress?: (fraction: number) => void): Promise<Media> {
    return new Promise((resolve, reject) => {
      const request = new XMLHttpRequest()
      request.open('POST', '/admin/api/media')
      request.setRequestHeader('x-csrf-token', csrfToken)
      request.responseType = 'json'
      request.upload.onprogress = (event) => {
        if (event.lengthComputable) onProgress?.(event.loaded / event.total)
      }
      request.onload = () => {
        if (request.status === 201) resolve(request.response as Media)
        else {
          const error = (request.response as ApiErrorBody | null)?.error
          reject(
            new ApiError(
              request.status,
              error?.code ?? 'http_error',
              error?.message ?? `The upload failed (${request.status})`,
            ),
          )
        }
      }
      request.onerror = () => reject(new ApiError(0, 'network', 'The upload was interrupted'))
      const form = new FormData()
      form.append('file', file)
      request.send(form)
    })
  },

  webhooks: () => call<{ items: Webhook[]; events: WebhookEvent[] }>('GET', '/webhooks'),
  createWebhook: (body: { url: string; events: WebhookEvent[] }) =>
    call<Webhook>('POST', '/webhooks', body),
  updateWebhook: (
    id: number,
    body: { url?: string; events?: WebhookEvent[]; disabled?: boolean },
  ) => call<Webhook>('PATCH', `/webhooks/${id}`, body),
  deleteWebhook: (id: number) => call<void>('DELETE', `/webhooks/${id}`),
  rotateWebhookSecret: (id: number) => call<Webhook>('POST', `/webhooks/${id}/rotate`),
  webhookDeliveries: (id: number) =>
    call<{ items: WebhookDelivery[] }>('GET', `/webhooks/${id}/deliveries`),
  /** Queues a `ping` delivery; its outcome shows in the delivery log. */
  testWebhook: (id: number) => call<{ deliveryId: string }>('POST', `/webhooks/${id}/test`),
  webhookSettings: () => call<{ allowPrivate: boolean }>('GET', '/settings/webhooks'),
  saveWebhookSettings: (body: { allowPrivate: boolean }) =>
    call<{ allowPrivate: boolean }>('PUT', '/settings/webhooks', body),
}
