// One chat room at /admin/chats/:id: its settings, archiving it, its moderators and approved
// writers, the mutes and bans in force, and its moderation log.
import { useEffect, useState } from 'preact/hooks'
import { useApp } from '../app-context.ts'
import { Button } from '../components/button.tsx'
import { Link } from '../components/link.tsx'
import { PageHeader } from '../components/page-header.tsx'
import { StatusMessage } from '../components/status-message.tsx'
import { useEditions } from '../pages/use-editions.ts'
import { type ChatRoom, chatApi as chat } from './chats-api.ts'
import { MemberSection } from './member-list.tsx'
import { RoomForm } from './room-form.tsx'
import { LogSection, SanctionSection } from './room-log.tsx'
import './chats.css'

export function ChatRoomPage(props: { id: number }) {
  const { handleError, notify } = useApp()
  const editions = useEditions()
  const [room, setRoom] = useState<ChatRoom | null>(null)
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  /** Counts the changes made here, so the log shows them. */
  const [changes, setChanges] = useState(0)
  const changed = () => setChanges((n) => n + 1)
  const edition = editions?.find((item) => item.id === room?.editionId)

  useEffect(() => {
    chat.room(props.id).then(setRoom, (failure: unknown) => setError(handleError(failure)))
  }, [chat, props.id, handleError])

  const archive = async (archived: boolean) => {
    if (!room) return
    if (
      archived &&
      !window.confirm(
        `Archive “${room.name}”? Readers can still read it, but nobody can write there, and stories stop linking to it.`,
      )
    )
      return
    setBusy(true)
    setError('')
    try {
      setRoom(await chat.update(room.id, { archived }))
      changed()
      notify(archived ? `“${room.name}” is archived.` : `“${room.name}” is open again.`)
    } catch (failure) {
      setError(handleError(failure))
    }
    setBusy(false)
  }

  if (!room || !edition)
    return (
      <>
        <PageHeader title="Chat room" />
        <StatusMessage message={error} />
        {!error && <p aria-busy="true">Loading the room…</p>}
      </>
    )

  return (
    <>
      <PageHeader title={room.name}>
        <Link class="button button-secondary" href={`/admin/chats?edition=${edition.id}`}>
          All rooms
        </Link>
        <a class="button button-secondary" href={`/${edition.code}/chats/${room.slug}`}>
          Open on the site
        </a>
        {room.kind === 'topic' && (
          <Button
            variant={room.archived ? 'secondary' : 'danger'}
            busy={busy}
            onClick={() => void archive(!room.archived)}
          >
            {room.archived ? 'Unarchive' : 'Archive'}
          </Button>
        )}
      </PageHeader>
      <p class="muted">
        {edition.name} · {room.online} {room.online === 1 ? 'reader' : 'readers'} in the room now
        {room.archived && ' · Archived: readers can read it, nobody can write.'}
      </p>
      <StatusMessage message={error} />
      <section class="panel" aria-labelledby="chat-settings">
        <h2 id="chat-settings">Settings</h2>
        <RoomForm
          key={room.id}
          edition={edition}
          room={room}
          submitLabel="Save settings"
          onSave={async (settings) => {
            setRoom(await chat.update(room.id, settings))
            changed()
            notify(`Saved the settings of “${settings.name}”.`)
          }}
        />
      </section>
      <MemberSection roomId={room.id} list="moderators" onChange={changed} />
      <MemberSection roomId={room.id} list="writers" onChange={changed} />
      <SanctionSection roomId={room.id} onChange={changed} />
      <LogSection roomId={room.id} changes={changes} />
    </>
  )
}
