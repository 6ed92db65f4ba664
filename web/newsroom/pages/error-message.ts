// The text to show for a failed call where no signed-in app is around to handle it.
import { ApiError } from '../api.ts'

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message
  if (error instanceof TypeError) return 'The server cannot be reached. Check the connection.'
  return error instanceof Error ? error.message : 'Something went wrong.'
}
