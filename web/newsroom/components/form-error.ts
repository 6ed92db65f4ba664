// A form's error state: the server's message goes beside the field it names (which takes focus),
// or into the form's live region when it names none of the form's fields.
import { useEffect, useRef, useState } from 'preact/hooks'
import { ApiError } from '../api.ts'

interface FormError {
  message: string
  field?: string | undefined
}

export function useFormError(fields: string[], toMessage: (error: unknown) => string) {
  const [error, setError] = useState<FormError>({ message: '' })
  const form = useRef<HTMLFormElement>(null)
  const onField = error.field !== undefined && fields.includes(error.field)

  useEffect(() => {
    if (onField) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
  }, [error, onField])

  return {
    form,
    /** The message for the form's live region: '' when it sits beside a field instead. */
    general: onField ? '' : error.message,
    fieldError: (field: string) => (error.field === field ? error.message : undefined),
    clear: () => setError({ message: '' }),
    set: (message: string, field?: string) => setError({ message, field }),
    fail: (failure: unknown) =>
      setError({
        message: toMessage(failure),
        field: failure instanceof ApiError ? failure.field : undefined,
      }),
  }
}
