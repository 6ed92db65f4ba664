// A room's mutes and bans in force, which staff can lift, and its moderation log, newest first.
import { useCallback, useEffect, useState } from 'preact/hooks'
import { useApp } from '../app-context.ts'
import { Button } from '../components/button.tsx'
import { StatusMessage } from '../components/status-message.tsx'
import { Time } from '../components/time.tsx'
import { type ChatLogEntry, type ChatSanction, chatApi as chat } from './chats-api.ts'

const ACTIONS: Record<string, string> = {
  create: 'created the room',
  update: 'changed',
  add_moderator: 'made a moderator:',
  remove_moderator: 'removed the moderator',
  add_writer: 'approved the writer',
  remove_writer: 'removed the approved writer',
  delete: 'deleted a message of',
  mute: 'muted',
  ban: 'banned',
  lift: 'lifted the mute or ban of',
  slow_mode: 'set slow mode',
}

export function SanctionSection(props: { roomId: number; onChange: () => void }) {
  const { handleError, notify } = useApp()
  const [sanctions, setSanctions] = useState<ChatSanction[] | null>(null)
  const [error, setError] = useState('')

  useEffect(() => {
    chat.sanctions(props.roomId).then(
      (answer) => setSanctions(answer.sanctions),
      (failure: unknown) => setError(handleError(failure)),
    )
  }, [chat, props.roomId, handleError])

  const lift = async (sanction: ChatSanction) => {
    setError('')
    try {
      await chat.lift(props.roomId, sanction.readerId)
      setSanctions((list) => list?.filter((s) => s.readerId !== sanction.readerId) ?? null)
      props.onChange()
      notify(`${sanction.readerName} may write in the room again.`)
    } catch (failure) {
      setError(handleError(failure))
    }
  }

  return (
    <section class="panel" aria-labelledby="chat-sanctions">
      <h2 id="chat-sanctions">Mutes and bans</h2>
      <StatusMessage message={error} />
      {sanctions?.length === 0 && <p class="empty">Nobody is muted or banned here.</p>}
      {sanctions && sanctions.length > 0 && (
        <ul class="chat-members">
          {sanctions.map((s) => (
            <li key={s.readerId}>
              <span>
                <strong dir="auto">{s.readerName}</strong> {s.kind === 'ban' ? 'banned' : 'muted'}{' '}
                {s.until ? (
                  <>
                    until <Time value={s.until} />
                  </>
                ) : (
                  'until lifted'
                )}{' '}
                <span class="muted">by {s.byName}</span>
                {s.reason && (
                  <span class="muted">
                    {' '}
                    — <span dir="auto">{s.reason}</span>
                  </span>
                )}
              </span>
              <Button variant="quiet" onClick={() => void lift(s)}>
                Lift<span class="visually-hidden"> for {s.readerName}</span>
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

/** `changes` counts the changes made on the page: each one reloads the log. */
export function LogSection(props: { roomId: number; changes: number }) {
  const { handleError } = useApp()
  const [entries, setEntries] = useState<ChatLogEntry[]>([])
  const [older, setOlder] = useState<number | null>(null)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState('')

  const load = useCallback(
    async (before?: number) => {
      setLoading(true)
      setError('')
      try {
        const answer = await chat.log(props.roomId, before)
        setEntries((list) => (before ? [...list, ...answer.entries] : answer.entries))
        setOlder(answer.olderBefore)
      } catch (failure) {
        setError(handleError(failure))
      }
      setLoading(false)
    },
    [chat, props.roomId, handleError],
  )

  useEffect(() => {
    void load()
  }, [load, props.changes])

  return (
    <section class="panel" aria-labelledby="chat-log">
      <h2 id="chat-log">Moderation log</h2>
      <StatusMessage message={error} />
      {entries.length === 0 && !loading && !error && <p class="empty">Nothing recorded yet.</p>}
      {entries.length > 0 && (
        <ol class="audit-list" aria-busy={loading}>
          {entries.map((entry) => (
            <li key={entry.id} class="audit-entry">
              <span class="audit-time muted">
                <Time value={entry.createdAt} />
              </span>
              <span class="audit-what">
                <strong dir="auto">{entry.actorName}</strong>
                {entry.actorKind === 'reader' && <span class="muted"> (room moderator)</span>}{' '}
                {ACTIONS[entry.action] ?? entry.action}
                {entry.readerName && (
                  <>
                    {' '}
                    <span dir="auto">{entry.readerName}</span>
                  </>
                )}
              </span>
              {entry.detail && (
                <span class="audit-detail muted" dir="auto">
                  {entry.detail}
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
      <div class="list-more" aria-live="polite">
        {loading && <p aria-busy="true">Loading…</p>}
        {!loading && older !== null && (
          <Button onClick={() => void load(older)}>Older entries</Button>
        )}
      </div>
    </section>
  )
}
