// A new password typed twice, with the length rule shown up front.
import { MIN_PASSWORD_LENGTH } from '../i18n.ts'
import { TextField } from './field.tsx'

export interface PasswordPair {
  password: string
  repeat: string
}

/** Why the pair cannot be sent yet, or '' when it can. */
export function passwordProblem(pair: PasswordPair): string {
  if (pair.password.length < MIN_PASSWORD_LENGTH)
    return `The password needs at least ${MIN_PASSWORD_LENGTH} characters.`
  if (pair.password !== pair.repeat) return 'The two passwords differ.'
  return ''
}

export function PasswordFields(props: {
  value: PasswordPair
  onChange: (value: PasswordPair) => void
  label?: string
  error?: string | undefined
}) {
  const { value, onChange } = props
  const mismatch = value.repeat !== '' && value.repeat !== value.password
  return (
    <>
      <TextField
        label={props.label ?? 'Password'}
        type="password"
        autocomplete="new-password"
        required
        minLength={MIN_PASSWORD_LENGTH}
        hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
        error={props.error}
        value={value.password}
        onValue={(password) => onChange({ ...value, password })}
      />
      <TextField
        label="Password again"
        type="password"
        autocomplete="new-password"
        required
        error={mismatch ? 'The two passwords differ.' : undefined}
        value={value.repeat}
        onValue={(repeat) => onChange({ ...value, repeat })}
      />
    </>
  )
}
