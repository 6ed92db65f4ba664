// The outbox at /admin/outbox: mail the server kept instead of sending, while no SMTP server was
// configured, newest first. A message opens as its plain text; mail HTML is never shown.
import { useCallback, useEffect, useId, useState } from 'preact/hooks'
import { api, type OutboxMail } from '../api.ts'
import { useApp } from '../app-context.ts'
import { Button } from '../components/button.tsx'
import { PageHeader } from '../components/page-header.tsx'
import { StatusMessage } from '../components/status-message.tsx'
import { Time } from '../components/time.tsx'

function Mail(props: { mail: OutboxMail; open: boolean; onToggle: () => void }) {
  const { mail } = props
  const bodyId = useId()
  return (
    <li class="mail">
      <button
        type="button"
        class="mail-summary"
        aria-expanded={props.open}
        aria-controls={bodyId}
        onClick={props.onToggle}
      >
        <span class="mail-time muted">
          <span class="mail-toggle" aria-hidden="true">
            {props.open ? '▾' : '▸'}
          </span>
          <Time value={mail.createdAt} />
        </span>
        <span class="mail-to break">
          <span class="visually-hidden">To: </span>
          {mail.to}
        </span>
        <span class="mail-subject" dir="auto">
          <span class="visually-hidden">Subject: </span>
          {mail.subject || '(no subject)'}
        </span>
      </button>
      <div id={bodyId} class="mail-body" hidden={!props.open}>
        {props.open && (
          // Text only: addresses and links in it stay words to read, not things to click.
          <pre class="mail-text" dir="auto">
            {mail.text || '(no text)'}
          </pre>
        )}
      </div>
    </li>
  )
}

export function OutboxPage() {
  const { handleError } = useApp()
  const [mails, setMails] = useState<OutboxMail[]>([])
  const [configured, setConfigured] = useState<boolean | null>(null)
  const [next, setNext] = useState<string | null>(null)
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set())
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState('')

  const load = useCallback(
    async (before?: string) => {
      setLoading(true)
      setError('')
      try {
        const answer = await api.outbox(before ? { before } : {})
        setMails((list) => (before ? [...list, ...answer.items] : answer.items))
        setConfigured(answer.configured)
        setNext(answer.nextBefore)
      } catch (failure) {
        setError(handleError(failure))
      }
      setLoading(false)
    },
    [handleError],
  )

  useEffect(() => {
    void load()
  }, [load])

  const toggle = (id: string) =>
    setOpen((old) => {
      const changed = new Set(old)
      if (!changed.delete(id)) changed.add(id)
      return changed
    })

  return (
    <>
      <PageHeader title="Outbox" />
      {configured === true && (
        <p class="note">
          Mail goes to the configured SMTP server. The outbox only holds mail from before it was
          configured.
        </p>
      )}
      {configured === false && (
        <p class="muted">
          No SMTP server is configured, so mail is kept here instead of being sent.
        </p>
      )}
      <StatusMessage message={error} />
      {mails.length === 0 && !loading && !error && <p class="empty">The outbox is empty.</p>}
      {mails.length > 0 && (
        <ol class="mail-list" aria-label="Kept mail" aria-busy={loading}>
          {mails.map((mail) => (
            <Mail
              key={mail.id}
              mail={mail}
              open={open.has(mail.id)}
              onToggle={() => toggle(mail.id)}
            />
          ))}
        </ol>
      )}
      <div class="list-more" aria-live="polite">
        {loading && <p aria-busy="true">Loading…</p>}
        {!loading && next !== null && <Button onClick={() => void load(next)}>Load more</Button>}
      </div>
    </>
  )
}
