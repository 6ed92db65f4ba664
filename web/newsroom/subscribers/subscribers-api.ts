// The Admin API's newsletter subscribers (src/newsroom/subscribers.routes.ts), typed as it answers.
import { useMemo } from 'preact/hooks'
import { ApiError, type ApiErrorBody } from '../api.ts'
import { useApp } from '../app-context.ts'

export type NewsletterList = 'digest' | 'breaking'
export type SubscriberStatus = 'pending' | 'confirmed' | 'unsubscribed' | 'bounced'

export interface Subscriber {
  id: number
  editionId: number
  email: string
  lists: NewsletterList[]
  status: SubscriberStatus
  source: 'form' | 'account' | 'import'
  consentAt: string | null
  createdAt: string
  unsubscribedAt: string | null
}

export interface SubscriberCount {
  editionId: number
  status: SubscriberStatus
  total: number
  digest: number
  breaking: number
}

export interface ImportReport {
  added: number
  merged: number
  skipped: { line: number; message: string }[]
  problems: { line: number; message: string }[]
  skippedCount: number
  problemCount: number
}

export interface NewsletterSettings {
  digestTime: string
  timeZone: string
  nextDigestAt: string
}

export const exportUrl = (editionId: number) =>
  `/admin/api/subscribers/export.csv?editionId=${editionId}`

function subscribersApi(csrfToken: string) {
  const call = async <T>(
    method: string,
    path: string,
    body?: { json: unknown } | { csv: string },
  ): Promise<T> => {
    const headers: Record<string, string> = {}
    if (method !== 'GET') headers['x-csrf-token'] = csrfToken
    if (body && 'json' in body) headers['content-type'] = 'application/json'
    if (body && 'csv' in body) headers['content-type'] = 'text/csv'
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
  const query = (params: Record<string, string | number | undefined>) => {
    const search = new URLSearchParams()
    for (const [key, value] of Object.entries(params))
      if (value !== undefined && value !== '') search.set(key, String(value))
    return search.toString()
  }
  return {
    counts: () => call<{ items: SubscriberCount[] }>('GET', '/subscribers/counts'),
    search: (params: {
      editionId: number
      q?: string
      status?: string
      list?: string
      page: number
    }) =>
      call<{ items: Subscriber[]; page: number; total: number; hasNext: boolean }>(
        'GET',
        `/subscribers?${query(params)}`,
      ),
    unsubscribe: (id: number) => call<Subscriber>('POST', `/subscribers/${id}/unsubscribe`),
    remove: (id: number) => call<void>('DELETE', `/subscribers/${id}`),
    importCsv: (editionId: number, csv: string) =>
      call<ImportReport>('POST', `/subscribers/import?editionId=${editionId}`, { csv }),
    settings: (editionId: number) =>
      call<NewsletterSettings>('GET', `/editions/${editionId}/newsletter`),
    saveSettings: (editionId: number, digestTime: string) =>
      call<NewsletterSettings>('PUT', `/editions/${editionId}/newsletter`, {
        json: { digestTime },
      }),
  }
}

export type SubscribersApi = ReturnType<typeof subscribersApi>

/** The subscriber calls, with the session's CSRF token. */
export function useSubscribersApi(): SubscribersApi {
  const { session } = useApp()
  return useMemo(() => subscribersApi(session.csrfToken), [session.csrfToken])
}
