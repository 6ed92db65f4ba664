// A webhook's delivery log: every attempt, newest first, with the receiver's status code, how long
// it took, and the error when no answer came.
import { useCallback, useEffect, useState } from 'preact/hooks'
import { api, type WebhookDelivery } from '../api.ts'
import { useApp } from '../app-context.ts'
import { Button } from '../components/button.tsx'
import { StatusMessage } from '../components/status-message.tsx'
import { Time } from '../components/time.tsx'

/** The receiver's answer: green for 2xx, amber for any other code, red when none came. */
export function StatusCodeBadge(props: { delivery: WebhookDelivery }) {
  const { statusCode } = props.delivery
  if (statusCode === null) return <span class="badge badge-http-none">No answer</span>
  const ok = statusCode >= 200 && statusCode < 300
  return (
    <span class={`badge ${ok ? 'badge-http-ok' : 'badge-http-failed'}`}>
      <span class="visually-hidden">HTTP </span>
      {statusCode}
    </span>
  )
}

export function DeliveryLog(props: { webhookId: number; url: string; refresh: number }) {
  const { handleError } = useApp()
  const [items, setItems] = useState<WebhookDelivery[] | null>(null)
  const [loading, setLoading] = useState(false)
  const [error, setError] = useState('')

  const load = useCallback(async () => {
    setLoading(true)
    setError('')
    try {
      setItems((await api.webhookDeliveries(props.webhookId)).items)
    } catch (failure) {
      setError(handleError(failure))
    }
    setLoading(false)
  }, [props.webhookId, handleError])

  useEffect(() => {
    void load()
  }, [load, props.refresh])

  return (
    <div class="webhook-log">
      <div class="webhook-log-tools">
        <h3>Delivery log</h3>
        <Button variant="quiet" busy={loading} onClick={() => void load()}>
          Refresh
        </Button>
      </div>
      <StatusMessage message={error} />
      {items?.length === 0 && <p class="empty">Nothing has been sent to this hook yet.</p>}
      {items && items.length > 0 && (
        <div class="table-scroll">
          <table class="table webhook-log-table" aria-busy={loading}>
            <caption class="visually-hidden">Deliveries to {props.url}, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Event</th>
                <th scope="col">Answer</th>
                <th scope="col">Attempt</th>
                <th scope="col">Duration</th>
                <th scope="col">Error</th>
              </tr>
            </thead>
            <tbody>
              {items.map((delivery) => (
                <tr key={delivery.id}>
                  <td class="nowrap">
                    <Time value={delivery.at} />
                  </td>
                  <td>
                    <code>{delivery.event}</code>
                  </td>
                  <td>
                    <StatusCodeBadge delivery={delivery} />
                  </td>
                  <td>{delivery.attempt}</td>
                  <td class="nowrap">
                    {delivery.durationMs === null ? '—' : `${delivery.durationMs} ms`}
                  </td>
                  <td class="break">{delivery.error ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  )
}
