// Webhooks at /admin/webhooks: partner systems told by signed POSTs when stories are published,
// updated or withdrawn and comments posted; each hook's secret, test and delivery log, and the
// setting that lets hooks reach private addresses.
import { useEffect, useState } from 'preact/hooks'
import { api, type Webhook, type WebhookEvent } from '../api.ts'
import { useApp } from '../app-context.ts'
import { Button } from '../components/button.tsx'
import { TextField } from '../components/field.tsx'
import { useFormError } from '../components/form-error.ts'
import { PageHeader } from '../components/page-header.tsx'
import { StatusMessage } from '../components/status-message.tsx'
import { EventChoices, SecretField, WebhookItem } from './webhook-item.tsx'
import './webhooks.css'

function AddWebhookForm(props: { onCreated: (hook: Webhook) => void }) {
  const { handleError } = useApp()
  const [url, setUrl] = useState('')
  const [events, setEvents] = useState<WebhookEvent[]>(['story.published'])
  const [busy, setBusy] = useState(false)
  const errors = useFormError(['url', 'events'], handleError)

  const submit = async (event: Event) => {
    event.preventDefault()
    setBusy(true)
    errors.clear()
    try {
      props.onCreated(await api.createWebhook({ url: url.trim(), events }))
      setUrl('')
    } catch (failure) {
      errors.fail(failure)
    }
    setBusy(false)
  }

  return (
    <section class="panel" aria-labelledby="add-webhook-title">
      <h2 id="add-webhook-title">Add a webhook</h2>
      <form class="form" ref={errors.form} onSubmit={submit}>
        <TextField
          label="URL"
          type="url"
          required
          maxLength={2000}
          placeholder="https://partner.example/hooks/dateline"
          hint="An https:// address is best. It must not contain a user name or password."
          value={url}
          error={errors.fieldError('url')}
          onValue={setUrl}
        />
        <EventChoices value={events} onValue={setEvents} error={errors.fieldError('events')} />
        <div class="form-actions">
          <Button type="submit" variant="primary" busy={busy}>
            Add webhook
          </Button>
        </div>
      </form>
      <StatusMessage message={errors.general} />
    </section>
  )
}

function PrivateAddresses() {
  const { handleError, notify } = useApp()
  const [allow, setAllow] = useState<boolean | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')

  useEffect(() => {
    api.webhookSettings().then(
      (settings) => setAllow(settings.allowPrivate),
      (failure: unknown) => setError(handleError(failure)),
    )
  }, [handleError])

  const save = async (allowPrivate: boolean) => {
    setBusy(true)
    setError('')
    try {
      setAllow((await api.saveWebhookSettings({ allowPrivate })).allowPrivate)
      notify(
        allowPrivate
          ? 'Webhooks may now be sent to private addresses.'
          : 'Webhooks go to public addresses only.',
      )
    } catch (failure) {
      setError(handleError(failure))
    }
    setBusy(false)
  }

  return (
    <section class="panel" aria-labelledby="webhook-settings-title">
      <h2 id="webhook-settings-title">Private addresses</h2>
      <p class="note">
        Leave this off unless a receiver runs inside your own network. With it on, a webhook can
        make this server send requests to addresses the internet cannot reach: this machine
        (localhost), the local network (10.x, 172.16–31.x, 192.168.x) and cloud metadata services.
      </p>
      {allow !== null && (
        <label class="choice">
          <input
            type="checkbox"
            checked={allow}
            disabled={busy}
            aria-busy={busy || undefined}
            onChange={(event) => void save(event.currentTarget.checked)}
          />
          Allow webhooks to private, loopback and link-local addresses
        </label>
      )}
      <StatusMessage message={error} />
    </section>
  )
}

export function WebhooksPage() {
  const { handleError } = useApp()
  const [hooks, setHooks] = useState<Webhook[] | null>(null)
  const [created, setCreated] = useState<Webhook | null>(null)
  const [error, setError] = useState('')

  useEffect(() => {
    api.webhooks().then(
      (answer) => setHooks(answer.items),
      (failure: unknown) => setError(handleError(failure)),
    )
  }, [handleError])

  const replace = (hook: Webhook) =>
    setHooks((list) => list?.map((item) => (item.id === hook.id ? hook : item)) ?? null)

  return (
    <>
      <PageHeader title="Webhooks" />
      <p class="muted">
        Each delivery is a POST of JSON to the hook’s URL. The receiver checks it with the hook’s
        secret: <code>x-dateline-signature</code> is <code>sha256=</code> and the hex HMAC-SHA256 of
        the <code>x-dateline-timestamp</code> header, a full stop, and the body. Deliveries that get
        no 2xx answer are tried again, with longer and longer waits, up to 8 times.
      </p>
      <AddWebhookForm
        onCreated={(hook) => {
          setHooks((list) => [...(list ?? []), hook])
          setCreated(hook)
        }}
      />
      <div aria-live="polite">
        {created && (
          <section class="panel webhook-created" aria-labelledby="webhook-created-title">
            <h2 id="webhook-created-title">Webhook added</h2>
            <p>
              Give this secret to the receiver at <strong class="break">{created.url}</strong>, so
              it can check that deliveries come from this newsroom. It stays available below.
            </p>
            <SecretField id="webhook-created-secret" secret={created.secret} shown />
            <Button variant="quiet" onClick={() => setCreated(null)}>
              Done
            </Button>
          </section>
        )}
      </div>
      <StatusMessage message={error} />
      {hooks === null && !error && <p aria-busy="true">Loading…</p>}
      {hooks?.length === 0 && <p class="empty">No webhooks yet.</p>}
      {hooks?.map((hook) => (
        <WebhookItem
          key={hook.id}
          hook={hook}
          onChange={replace}
          onDeleted={(id) => {
            setHooks((list) => list?.filter((item) => item.id !== id) ?? null)
            if (created?.id === id) setCreated(null)
          }}
        />
      ))}
      <PrivateAddresses />
    </>
  )
}
