// One webhook on the webhooks page: its events, secret, state and last answer; testing, editing
// events, disabling, rotating the secret, deleting; and its delivery log on demand.
import { useState } from 'preact/hooks'
import { api, type Webhook, type WebhookEvent } from '../api.ts'
import { useApp } from '../app-context.ts'
import { Button } from '../components/button.tsx'
import { CopyButton } from '../components/copy-button.tsx'
import { Time } from '../components/time.tsx'
import { DeliveryLog, StatusCodeBadge } from './webhook-deliveries.tsx'

export const EVENT_LABELS: Record<WebhookEvent, string> = {
  'story.published': 'Story published',
  'story.updated': 'Story updated',
  'story.unpublished': 'Story unpublished',
  'comment.posted': 'Comment posted',
}
export const EVENTS = Object.keys(EVENT_LABELS) as WebhookEvent[]

/** A checkbox per event; the group's error sits under it. */
export function EventChoices(props: {
  value: WebhookEvent[]
  onValue: (events: WebhookEvent[]) => void
  error?: string | undefined
  legend?: string
}) {
  const toggle = (event: WebhookEvent, on: boolean) =>
    props.onValue(EVENTS.filter((e) => (e === event ? on : props.value.includes(e))))
  return (
    <fieldset class="choice-group webhook-events">
      <legend>{props.legend ?? 'Events'}</legend>
      {EVENTS.map((event) => (
        <label key={event} class="choice">
          <input
            type="checkbox"
            checked={props.value.includes(event)}
            aria-invalid={props.error ? true : undefined}
            onChange={(e) => toggle(event, e.currentTarget.checked)}
          />
          {EVENT_LABELS[event]} <code class="muted small">{event}</code>
        </label>
      ))}
      {props.error && <p class="field-error">{props.error}</p>}
    </fieldset>
  )
}

/** The secret, hidden until asked for, with a copy button. */
export function SecretField(props: { secret: string; id: string; shown?: boolean }) {
  const [shown, setShown] = useState(props.shown ?? false)
  return (
    <div class="webhook-secret">
      <label for={props.id}>Signing secret</label>
      <input
        id={props.id}
        readOnly
        type={shown ? 'text' : 'password'}
        value={props.secret}
        onFocus={(event) => event.currentTarget.select()}
      />
      <Button variant="quiet" aria-pressed={shown} onClick={() => setShown(!shown)}>
        {shown ? 'Hide' : 'Show'}
      </Button>
      <CopyButton text={props.secret} label="Copy secret" />
    </div>
  )
}

export function WebhookItem(props: {
  hook: Webhook
  onChange: (hook: Webhook) => void
  onDeleted: (id: number) => void
}) {
  const { hook } = props
  const { handleError, notify } = useApp()
  const [busy, setBusy] = useState('')
  const [logOpen, setLogOpen] = useState(false)
  const [refresh, setRefresh] = useState(0)
  const [editing, setEditing] = useState<WebhookEvent[] | null>(null)
  const [error, setError] = useState('')

  const act = async (name: string, work: () => Promise<void>) => {
    setBusy(name)
    setError('')
    try {
      await work()
    } catch (failure) {
      setError(handleError(failure))
    }
    setBusy('')
  }
  const update = (name: string, body: Parameters<typeof api.updateWebhook>[1], done: string) =>
    act(name, async () => {
      props.onChange(await api.updateWebhook(hook.id, body))
      setEditing(null)
      notify(done)
    })
  const test = () =>
    act('test', async () => {
      await api.testWebhook(hook.id)
      notify('Test delivery queued: its answer shows in the delivery log in a few seconds.')
      setLogOpen(true)
      setTimeout(() => setRefresh((n) => n + 1), 3_000)
    })
  const rotate = () => {
    if (
      !window.confirm(
        'Make a new secret? The receiver must be given it: deliveries from now on are signed with it.',
      )
    )
      return
    void act('rotate', async () => {
      props.onChange(await api.rotateWebhookSecret(hook.id))
      notify('New secret made. Give it to the receiver.')
    })
  }
  const remove = () => {
    if (
      !window.confirm(`Delete the webhook to ${hook.url}? Deliveries still pending are not sent.`)
    )
      return
    void act('delete', async () => {
      await api.deleteWebhook(hook.id)
      props.onDeleted(hook.id)
      notify('Webhook deleted.')
    })
  }

  const titleId = `webhook-${hook.id}-url`
  return (
    <section
      class={`panel webhook${hook.disabled ? ' is-disabled' : ''}`}
      aria-labelledby={titleId}
    >
      <h2 id={titleId} class="webhook-url break">
        {hook.url}
        {hook.disabled && <span class="badge badge-warning">Disabled</span>}
      </h2>
      <dl class="facts">
        <dt>Events</dt>
        <dd>{hook.events.map((e) => EVENT_LABELS[e] ?? e).join(', ')}</dd>
        <dt>Added</dt>
        <dd>
          <Time value={hook.createdAt} />
        </dd>
        <dt>Last delivery</dt>
        <dd>
          {hook.lastDelivery ? (
            <>
              <StatusCodeBadge delivery={hook.lastDelivery} /> <Time value={hook.lastDelivery.at} />
            </>
          ) : (
            'None yet'
          )}
        </dd>
      </dl>
      <SecretField id={`webhook-${hook.id}-secret`} secret={hook.secret} />
      {editing && (
        <form
          class="form webhook-edit"
          onSubmit={(event) => {
            event.preventDefault()
            void update('events', { events: editing }, 'Events saved.')
          }}
        >
          <EventChoices value={editing} onValue={setEditing} legend="Events to send" />
          <div class="form-actions">
            <Button type="submit" variant="primary" busy={busy === 'events'}>
              Save events
            </Button>
            <Button variant="quiet" onClick={() => setEditing(null)}>
              Cancel
            </Button>
          </div>
        </form>
      )}
      <div class="webhook-actions">
        <Button busy={busy === 'test'} disabled={hook.disabled} onClick={() => void test()}>
          Send test
        </Button>
        {!editing && <Button onClick={() => setEditing(hook.events)}>Edit events</Button>}
        <Button
          busy={busy === 'disable'}
          onClick={() =>
            void update(
              'disable',
              { disabled: !hook.disabled },
              hook.disabled ? 'Webhook enabled.' : 'Webhook disabled: nothing is sent to it.',
            )
          }
        >
          {hook.disabled ? 'Enable' : 'Disable'}
        </Button>
        <Button busy={busy === 'rotate'} onClick={rotate}>
          Rotate secret
        </Button>
        <Button variant="danger" busy={busy === 'delete'} onClick={remove}>
          Delete
        </Button>
        <Button variant="quiet" aria-expanded={logOpen} onClick={() => setLogOpen(!logOpen)}>
          {logOpen ? 'Hide delivery log' : 'Delivery log'}
        </Button>
      </div>
      <div aria-live="assertive">{error && <p class="status status-error">{error}</p>}</div>
      {logOpen && <DeliveryLog webhookId={hook.id} url={hook.url} refresh={refresh} />}
    </section>
  )
}
