// The signed-in person's account: who they are, a new password, logging out on every device.
import { useState } from 'preact/hooks'
import { api } from '../api.ts'
import { useApp } from '../app-context.ts'
import { Button } from '../components/button.tsx'
import { Dialog } from '../components/dialog.tsx'
import { TextField } from '../components/field.tsx'
import { useFormError } from '../components/form-error.ts'
import { PageHeader } from '../components/page-header.tsx'
import { PasswordFields, passwordProblem } from '../components/password-fields.tsx'
import { RoleBadge } from '../components/role-badge.tsx'
import { StatusMessage } from '../components/status-message.tsx'
import { navigate } from '../router.ts'

function PasswordForm() {
  const { handleError, notify } = useApp()
  const [current, setCurrent] = useState('')
  const [passwords, setPasswords] = useState({ password: '', repeat: '' })
  const [busy, setBusy] = useState(false)
  const errors = useFormError(['currentPassword', 'newPassword'], handleError)

  const submit = async (event: Event) => {
    event.preventDefault()
    const problem = passwordProblem(passwords)
    if (problem) return errors.set(problem, 'newPassword')
    setBusy(true)
    errors.clear()
    try {
      await api.changePassword({ currentPassword: current, newPassword: passwords.password })
      setCurrent('')
      setPasswords({ password: '', repeat: '' })
      notify('Your password is changed.')
    } catch (failure) {
      errors.fail(failure)
    }
    setBusy(false)
  }

  return (
    <section class="panel" aria-labelledby="password-title">
      <h2 id="password-title">Change password</h2>
      <form class="form" ref={errors.form} onSubmit={submit}>
        <TextField
          label="Current password"
          type="password"
          autocomplete="current-password"
          required
          value={current}
          error={errors.fieldError('currentPassword')}
          onValue={setCurrent}
        />
        <PasswordFields
          label="New password"
          value={passwords}
          onChange={setPasswords}
          error={errors.fieldError('newPassword')}
        />
        <StatusMessage message={errors.general} />
        <div class="form-actions">
          <Button type="submit" variant="primary" busy={busy}>
            Change password
          </Button>
        </div>
      </form>
    </section>
  )
}

function LogoutEverywhere() {
  const { setSession, handleError } = useApp()
  const [asking, setAsking] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')

  const confirm = async () => {
    setBusy(true)
    try {
      await api.logoutEverywhere()
      setSession(await api.session())
      navigate('/admin/login')
    } catch (failure) {
      setError(handleError(failure))
      setBusy(false)
    }
  }

  return (
    <section class="panel" aria-labelledby="sessions-title">
      <h2 id="sessions-title">Sessions</h2>
      <p>Signed in on a computer you no longer use, or lost a phone? End every session at once.</p>
      <div class="form-actions">
        <Button variant="danger" onClick={() => setAsking(true)}>
          Log out everywhere
        </Button>
      </div>
      {asking && (
        <Dialog title="Log out everywhere?" onClose={() => setAsking(false)}>
          <p>Every device signed in as you, this one included, will need to log in again.</p>
          <StatusMessage message={error} />
          <div class="form-actions">
            <Button variant="danger" busy={busy} onClick={() => void confirm()}>
              Log out everywhere
            </Button>
            <Button onClick={() => setAsking(false)}>Cancel</Button>
          </div>
        </Dialog>
      )}
    </section>
  )
}

export function AccountPage() {
  const { staff } = useApp()
  return (
    <>
      <PageHeader title="Account" />
      <dl class="facts">
        <dt>Name</dt>
        <dd>{staff.name}</dd>
        <dt>E-mail</dt>
        <dd>{staff.email}</dd>
        <dt>Role</dt>
        <dd>
          <RoleBadge role={staff.role} />
          {staff.owner && <span class="badge badge-owner">Owner</span>}
        </dd>
      </dl>
      <PasswordForm />
      <LogoutEverywhere />
    </>
  )
}
