// Inviting someone: e-mail and role in, a one-time link out, to send them by any channel.
import { useState } from 'preact/hooks'
import { api, type Role } from '../api.ts'
import { useApp } from '../app-context.ts'
import { Button } from '../components/button.tsx'
import { CopyButton } from '../components/copy-button.tsx'
import { SelectField, TextField } from '../components/field.tsx'
import { useFormError } from '../components/form-error.ts'
import { StatusMessage } from '../components/status-message.tsx'
import { Time } from '../components/time.tsx'
import { ROLE_LABELS, ROLES } from '../i18n.ts'

export function InviteForm(props: { onInvited?: () => void }) {
  const { handleError } = useApp()
  const [email, setEmail] = useState('')
  const [role, setRole] = useState<Role>('author')
  const [busy, setBusy] = useState(false)
  const [invitation, setInvitation] = useState<{ email: string; url: string; expiresAt: string }>()
  const errors = useFormError(['email', 'role'], handleError)

  const submit = async (event: Event) => {
    event.preventDefault()
    setBusy(true)
    errors.clear()
    try {
      const answer = await api.invite({ email: email.trim(), role })
      setInvitation({ ...answer, email: email.trim() })
      setEmail('')
      props.onInvited?.()
    } catch (failure) {
      errors.fail(failure)
    }
    setBusy(false)
  }

  const link = invitation && new URL(invitation.url, window.location.origin).href
  return (
    <section class="panel" aria-labelledby="invite-title">
      <h2 id="invite-title">Invite someone</h2>
      <form class="form form-inline" ref={errors.form} onSubmit={submit}>
        <TextField
          label="E-mail"
          type="email"
          required
          value={email}
          error={errors.fieldError('email')}
          onValue={setEmail}
        />
        <SelectField
          label="Role"
          value={role}
          error={errors.fieldError('role')}
          onValue={(value) => setRole(ROLES.find((known) => known === value) ?? 'author')}
        >
          {ROLES.map((known) => (
            <option key={known} value={known}>
              {ROLE_LABELS[known]}
            </option>
          ))}
        </SelectField>
        <div class="form-actions">
          <Button type="submit" variant="primary" busy={busy}>
            Invite
          </Button>
        </div>
      </form>
      <StatusMessage message={errors.general} />
      <div aria-live="polite">
        {invitation && link && (
          <div class="invitation">
            <p>
              Send this link to <strong>{invitation.email}</strong>. It works once, until{' '}
              <Time value={invitation.expiresAt} />.
            </p>
            <div class="invitation-link">
              <label class="visually-hidden" for="invitation-url">
                Invitation link
              </label>
              <input
                id="invitation-url"
                readOnly
                value={link}
                onFocus={(event) => event.currentTarget.select()}
              />
              <CopyButton text={link} label="Copy link" />
            </div>
          </div>
        )}
      </div>
    </section>
  )
}
