// First start: the owner account, created through the one-time link the server printed.
import { useState } from 'preact/hooks'
import { api, type Session } from '../api.ts'
import { AuthLayout } from '../components/auth-layout.tsx'
import { Button } from '../components/button.tsx'
import { TextField } from '../components/field.tsx'
import { useFormError } from '../components/form-error.ts'
import { Link } from '../components/link.tsx'
import { PasswordFields, passwordProblem } from '../components/password-fields.tsx'
import { StatusMessage } from '../components/status-message.tsx'
import { navigate } from '../router.ts'
import { errorMessage } from './error-message.ts'

export function SetupPage(props: {
  session: Session
  token: string
  onSession: (session: Session) => void
}) {
  const [email, setEmail] = useState('')
  const [name, setName] = useState('')
  const [passwords, setPasswords] = useState({ password: '', repeat: '' })
  const [busy, setBusy] = useState(false)
  const errors = useFormError(['email', 'name', 'password'], errorMessage)

  if (!props.session.setupRequired)
    return (
      <AuthLayout title="Setup is done">
        <p class="note">The owner account already exists.</p>
        <p>
          <Link href="/admin/login">Log in</Link>
        </p>
      </AuthLayout>
    )
  if (!props.token)
    return (
      <AuthLayout title="Set up the newsroom">
        <p class="note">
          This address lacks its token. Open the full setup link the server printed when it started.
        </p>
      </AuthLayout>
    )

  const submit = async (event: Event) => {
    event.preventDefault()
    const problem = passwordProblem(passwords)
    if (problem) return errors.set(problem, 'password')
    setBusy(true)
    errors.clear()
    try {
      const body = { token: props.token, email: email.trim(), name: name.trim() }
      props.onSession(await api.setup({ ...body, password: passwords.password }))
      navigate('/admin/stories', { replace: true })
    } catch (failure) {
      errors.fail(failure)
      setBusy(false)
    }
  }

  return (
    <AuthLayout title="Set up the newsroom">
      <p>Create the owner account. The owner then invites everyone else.</p>
      <form class="form" ref={errors.form} onSubmit={submit}>
        <TextField
          label="E-mail"
          type="email"
          autocomplete="username"
          required
          value={email}
          error={errors.fieldError('email')}
          onValue={setEmail}
        />
        <TextField
          label="Name"
          autocomplete="name"
          required
          value={name}
          error={errors.fieldError('name')}
          onValue={setName}
        />
        <PasswordFields
          value={passwords}
          onChange={setPasswords}
          error={errors.fieldError('password')}
        />
        <StatusMessage message={errors.general} />
        <div class="form-actions">
          <Button type="submit" variant="primary" busy={busy}>
            Create the owner account
          </Button>
        </div>
      </form>
    </AuthLayout>
  )
}
