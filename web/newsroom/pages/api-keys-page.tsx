// Content API keys at /admin/api-keys: who may read the stories as JSON. A new key is shown once,
// with a copy button; revoking one stops it at once, for good.
import { useEffect, useState } from 'preact/hooks'
import { type ApiKey, api } from '../api.ts'
import { useApp } from '../app-context.ts'
import { Button } from '../components/button.tsx'
import { CopyButton } from '../components/copy-button.tsx'
import { TextField } from '../components/field.tsx'
import { useFormError } from '../components/form-error.ts'
import { PageHeader } from '../components/page-header.tsx'
import { StatusMessage } from '../components/status-message.tsx'
import { Time } from '../components/time.tsx'

function NewKeyForm(props: { onCreated: (key: ApiKey & { key: string }) => void }) {
  const { handleError } = useApp()
  const [name, setName] = useState('')
  const [busy, setBusy] = useState(false)
  const errors = useFormError(['name'], handleError)

  const submit = async (event: Event) => {
    event.preventDefault()
    setBusy(true)
    errors.clear()
    try {
      props.onCreated(await api.createApiKey({ name: name.trim() }))
      setName('')
    } catch (failure) {
      errors.fail(failure)
    }
    setBusy(false)
  }

  return (
    <form class="form form-inline" ref={errors.form} onSubmit={submit}>
      <TextField
        label="Name"
        hint="Who or what will use it, e.g. “Partner app” or “Agency wire”"
        required
        maxLength={100}
        value={name}
        error={errors.fieldError('name')}
        onValue={setName}
      />
      <div class="form-actions">
        <Button type="submit" variant="primary" busy={busy}>
          Create key
        </Button>
      </div>
      <StatusMessage message={errors.general} />
    </form>
  )
}

/** The new key, in full, once: only its hash is kept. */
function NewKey(props: { made: ApiKey & { key: string }; onDone: () => void }) {
  return (
    <div class="invitation">
      <p class="note">
        <strong>Copy the key for “{props.made.name}” now.</strong> It is shown only this once: the
        newsroom keeps no copy of it. If it is lost, revoke it and create another.
      </p>
      <div class="invitation-link">
        <label class="visually-hidden" for="new-api-key">
          New API key
        </label>
        <input
          id="new-api-key"
          readOnly
          value={props.made.key}
          onFocus={(event) => event.currentTarget.select()}
        />
        <CopyButton text={props.made.key} label="Copy key" />
        <Button onClick={props.onDone}>Done</Button>
      </div>
    </div>
  )
}

function KeyRow(props: { apiKey: ApiKey; busy: boolean; onRevoke: () => void }) {
  const { apiKey } = props
  return (
    <tr class={apiKey.revokedAt ? 'is-disabled' : undefined}>
      <td dir="auto">{apiKey.name}</td>
      <td>
        <code>{apiKey.prefix}…</code>
      </td>
      <td>
        <Time value={apiKey.createdAt} />
        {apiKey.createdBy && <span class="muted"> by {apiKey.createdBy.name}</span>}
      </td>
      <td>{apiKey.lastUsedAt ? <Time value={apiKey.lastUsedAt} /> : 'Never'}</td>
      <td>
        {apiKey.revokedAt ? (
          <>
            Revoked <Time value={apiKey.revokedAt} />
          </>
        ) : (
          'Active'
        )}
      </td>
      <td>
        {!apiKey.revokedAt && (
          <Button variant="danger" busy={props.busy} onClick={props.onRevoke}>
            Revoke<span class="visually-hidden"> {apiKey.name}</span>
          </Button>
        )}
      </td>
    </tr>
  )
}

export function ApiKeysPage() {
  const { handleError, notify } = useApp()
  const [keys, setKeys] = useState<ApiKey[] | null>(null)
  const [made, setMade] = useState<(ApiKey & { key: string }) | null>(null)
  const [busyId, setBusyId] = useState<number | null>(null)
  const [error, setError] = useState('')

  useEffect(() => {
    api.apiKeys().then(
      (answer) => setKeys(answer.items),
      (failure: unknown) => setError(handleError(failure)),
    )
  }, [handleError])

  const created = (key: ApiKey & { key: string }) => {
    setMade(key)
    const { key: _secret, ...listed } = key
    setKeys((list) => [listed, ...(list ?? [])])
  }

  const revoke = async (key: ApiKey) => {
    if (
      !window.confirm(
        `Revoke the key “${key.name}”? Whatever uses it stops getting stories at once, and it cannot be turned back on.`,
      )
    )
      return
    setBusyId(key.id)
    setError('')
    try {
      const revoked = await api.revokeApiKey(key.id)
      setKeys((list) => list?.map((item) => (item.id === revoked.id ? revoked : item)) ?? null)
      notify(`The key “${revoked.name}” is revoked.`)
    } catch (failure) {
      setError(handleError(failure))
    }
    setBusyId(null)
  }

  return (
    <>
      <PageHeader title="API keys" />
      <p class="muted">
        Partner sites and apps read published stories as JSON through the Content API at{' '}
        <code>/api/v1</code>, sending a key in the <code>Authorization: Bearer</code> header. Its
        description is at{' '}
        <a href="/api/v1/openapi.json" target="_blank" rel="noreferrer">
          /api/v1/openapi.json
        </a>
        .
      </p>
      <section class="panel" aria-labelledby="new-key-title">
        <h2 id="new-key-title">Create a key</h2>
        <NewKeyForm onCreated={created} />
        <div aria-live="polite">{made && <NewKey made={made} onDone={() => setMade(null)} />}</div>
      </section>
      <StatusMessage message={error} />
      {keys === null && !error && <p aria-busy="true">Loading…</p>}
      {keys?.length === 0 && <p class="empty">No keys yet.</p>}
      {keys && keys.length > 0 && (
        <div class="table-scroll">
          <table class="table">
            <caption class="visually-hidden">Content API keys</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Key</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {keys.map((key) => (
                <KeyRow
                  key={key.id}
                  apiKey={key}
                  busy={busyId === key.id}
                  onRevoke={() => void revoke(key)}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  )
}
