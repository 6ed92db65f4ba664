// Words for the community's errors: services name a message key; readers get it in their language.

import type { DomainError } from '../platform/errors.ts'
import type { MessageKey, Translate } from '../site/i18n/messages.ts'

const BY_FIELD: Record<string, MessageKey> = {
  email: 'community.email',
  password: 'community.password',
  newPassword: 'community.password',
}

const BY_CODE: Partial<Record<DomainError['code'], MessageKey>> = {
  not_found: 'community.notFound',
  rate_limited: 'community.rateLimited',
  csrf: 'community.csrf',
  invalid_token: 'community.token.invalid',
  unauthenticated: 'community.comment.signIn',
}

/** The reader-facing wording of an error raised by the reader and comment services. */
export function communityMessage(t: Translate, error: DomainError): string {
  const key = `community.${error.message}`
  if (isKey(t, key)) return t(key as MessageKey)
  const byField = error.field ? BY_FIELD[error.field] : undefined
  if (byField) return t(byField)
  const byCode = BY_CODE[error.code]
  return byCode ? t(byCode) : t('community.invalid')
}

// Catalogues are complete for their own keys; a key no catalogue has comes back undefined.
const isKey = (t: Translate, key: string) => typeof t(key as MessageKey) === 'string'
