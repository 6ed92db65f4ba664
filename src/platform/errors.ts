// Domain errors: a small catalogue of stable codes, independent of HTTP; the HTTP layer maps them.

export type ErrorCode =
  | 'not_found'
  | 'gone'
  | 'invalid_input'
  | 'invalid_body'
  | 'conflict'
  /** An upload that is not one of the accepted image formats. */
  | 'unsupported_media'
  /** An upload over the size or pixel limit. */
  | 'too_large'
  /** An upload in an accepted format that cannot be decoded: damaged or truncated. */
  | 'unprocessable'
  /** Not signed in, or the session has ended. */
  | 'unauthenticated'
  /** Signed in, but the role does not allow it. */
  | 'forbidden'
  | 'invalid_credentials'
  /** A link's token (setup, invitation, confirmation) that is unknown, used or expired. */
  | 'invalid_token'
  /** A state-changing request without the session's CSRF token, or from another origin. */
  | 'csrf'
  | 'rate_limited'

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** Safe to show to the person who sent the request. */
    message: string,
    /** Where in the input the problem is, e.g. "slug" or "body.content[3]". */
    readonly field?: string,
    /** For rate_limited: seconds until another attempt is allowed. */
    readonly retryAfter?: number,
  ) {
    super(message)
    this.name = 'DomainError'
  }
}

/** The HTTP status of each code. */
export const HTTP_STATUS: Readonly<Record<ErrorCode, number>> = {
  not_found: 404,
  gone: 410,
  invalid_input: 400,
  invalid_body: 422,
  conflict: 409,
  unsupported_media: 415,
  too_large: 413,
  unprocessable: 422,
  unauthenticated: 401,
  forbidden: 403,
  invalid_credentials: 401,
  invalid_token: 400,
  csrf: 403,
  rate_limited: 429,
}

export const notFound = (what: string) => new DomainError('not_found', `${what} not found`)
export const invalidInput = (field: string, message: string) =>
  new DomainError('invalid_input', message, field)
