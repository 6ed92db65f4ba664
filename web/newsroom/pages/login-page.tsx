// Login: e-mail and password; the server's refusal (wrong password, too many attempts) is shown as sent.
import { useState } from 'preact/hooks'
import { api, type Session } from '../api.ts'
import { AuthLayout } from '../components/auth-layout.tsx'
import { Button } from '../components/button.tsx'
import { TextField } from '../components/field.tsx'
import { StatusMessage } from '../components/status-message.tsx'
import { navigate } from '../router.ts'
import { errorMessage } from './error-message.ts'

/** Where to go after signing in: the page the person asked for, when it is one of ours. */
export function afterLogin(next: string | null): string {
  if (!next || !/^\/admin(?:[/?]|$)/.test(next)) return '/admin/stories'
  if (/^\/admin\/(?:login|setup|invite)\b/.test(next)) return '/admin/stories'
  return next
}

export function LoginPage(props: {
  session: Session
  next: string | null
  onSession: (session: Session) => void
}) {
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)

  const submit = async (event: Event) => {
    event.preventDefault()
    setBusy(true)
    setError('')
    try {
      const session = await api.login({ email: email.trim(), password })
      props.onSession(session)
      navigate(afterLogin(props.next), { replace: true })
    } catch (failure) {
      setError(errorMessage(failure))
      setBusy(false)
    }
  }

  return (
    <AuthLayout title="Log in">
      {props.session.setupRequired && (
        <p class="note">
          This newsroom has no owner account yet. Open the setup link the server printed when it
          started to create it.
        </p>
      )}
      <form class="form" onSubmit={submit}>
        <TextField
          label="E-mail"
          type="email"
          autocomplete="username"
          required
          value={email}
          onValue={setEmail}
        />
        <TextField
          label="Password"
          type="password"
          autocomplete="current-password"
          required
          value={password}
          onValue={setPassword}
        />
        <StatusMessage message={error} />
        <div class="form-actions">
          <Button type="submit" variant="primary" busy={busy}>
            Log in
          </Button>
        </div>
      </form>
    </AuthLayout>
  )
}
