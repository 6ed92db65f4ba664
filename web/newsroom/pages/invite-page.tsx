// Accepting an invitation: shows the invited e-mail and role, asks for a name and a password.
import { useEffect, useState } from 'preact/hooks'
import { api, type Role, type Session } from '../api.ts'
import { AuthLayout } from '../components/auth-layout.tsx'
import { Button } from '../components/button.tsx'
import { TextField } from '../components/field.tsx'
import { useFormError } from '../components/form-error.ts'
import { PasswordFields, passwordProblem } from '../components/password-fields.tsx'
import { RoleBadge } from '../components/role-badge.tsx'
import { StatusMessage } from '../components/status-message.tsx'
import { navigate } from '../router.ts'
import { errorMessage } from './error-message.ts'

type Invitation = { email: string; role: Role }

export function InvitePage(props: { token: string; onSession: (session: Session) => void }) {
  const [invitation, setInvitation] = useState<Invitation | null>(null)
  const [loadError, setLoadError] = useState('')
  const [name, setName] = useState('')
  const [passwords, setPasswords] = useState({ password: '', repeat: '' })
  const [busy, setBusy] = useState(false)
  const errors = useFormError(['name', 'password'], errorMessage)

  useEffect(() => {
    if (!props.token) return setLoadError('This address lacks its invitation token.')
    api.invitation(props.token).then(setInvitation, (failure: unknown) => {
      setLoadError(errorMessage(failure))
    })
  }, [props.token])

  const submit = async (event: Event) => {
    event.preventDefault()
    const problem = passwordProblem(passwords)
    if (problem) return errors.set(problem, 'password')
    setBusy(true)
    errors.clear()
    try {
      const body = { token: props.token, name: name.trim(), password: passwords.password }
      props.onSession(await api.acceptInvitation(body))
      navigate('/admin/stories', { replace: true })
    } catch (failure) {
      errors.fail(failure)
      setBusy(false)
    }
  }

  if (loadError)
    return (
      <AuthLayout title="Invitation">
        <StatusMessage message={loadError} />
        <p>Ask whoever invited you for a new link.</p>
      </AuthLayout>
    )
  if (!invitation)
    return (
      <AuthLayout title="Invitation">
        <p aria-busy="true">Loading the invitation…</p>
      </AuthLayout>
    )
  return (
    <AuthLayout title="Join the newsroom">
      <p>
        You are invited as <RoleBadge role={invitation.role} /> with the e-mail address{' '}
        <strong>{invitation.email}</strong>.
      </p>
      <form class="form" ref={errors.form} onSubmit={submit}>
        <TextField
          label="Your name"
          hint="As colleagues will see it."
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
            Join
          </Button>
        </div>
      </form>
    </AuthLayout>
  )
}
