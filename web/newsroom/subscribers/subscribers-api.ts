// The Admin API's newsletter subscribers (src/newsroom/subscribers.routes.ts), typed as it answers.
import { call, query, request } from '../api.ts'

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

export const subscribersApi = {
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
      `/subscribers${query(params)}`,
    ),
  unsubscribe: (id: number) => call<Subscriber>('POST', `/subscribers/${id}/unsubscribe`),
  remove: (id: number) => call<void>('DELETE', `/subscribers/${id}`),
  importCsv: (editionId: number, csv: string) =>
    request<ImportReport>('POST', `/subscribers/import${query({ editionId })}`, { csv }),
  settings: (editionId: number) =>
    call<NewsletterSettings>('GET', `/editions/${editionId}/newsletter`),
  saveSettings: (editionId: number, digestTime: string) =>
    call<NewsletterSettings>('PUT', `/editions/${editionId}/newsletter`, { digestTime }),
}
