// Domain errors: a small catalogue of stable codes, independent of HTTP; the HTTP layer maps them.

export type ErrorCode = 'not_found' | 'gone' | 'invalid_input' | 'invalid_body' | 'conflict'

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** Safe to show to the person who sent the request. */
    message: string,
    /** Where in the input the problem is, e.g. "slug" or "body.content[3]". */
    readonly field?: string,
  ) {
    super(message)
    this.name = 'DomainError'
  }
}

export const notFound = (what: string) => new DomainError('not_found', `${what} not found`)
export const invalidInput = (field: string, message: string) =>
  new DomainError('invalid_input', message, field)
