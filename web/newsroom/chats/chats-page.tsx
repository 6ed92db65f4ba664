// Chat rooms at /admin/chats: the rooms of one edition with the readers in each now, and a new
// topic room made from a dialog. Each room's settings, members and log are on its own page.
import { useCallback, useEffect, useState } from 'preact/hooks'
import type { Edition } from '../api.ts'
import { useApp } from '../app-context.ts'
import { Button } from '../components/button.tsx'
import { Dialog } from '../components/dialog.tsx'
import { SelectField } from '../components/field.tsx'
import { Link } from '../components/link.tsx'
import { PageHeader } from '../components/page-header.tsx'
import { StatusMessage } from '../components/status-message.tsx'
import { useEditions } from '../pages/use-editions.ts'
import { navigate, withQuery } from '../router.ts'
import { type ChatRoom, chatApi as chat } from './chats-api.ts'
import { RoomForm, slowModeLabel } from './room-form.tsx'
import './chats.css'

/** What stories link to the room: its section's name, or its tag. */
function linkedTo(room: ChatRoom, edition: Edition): string {
  const section = edition.sections.find((s) => s.id === room.sectionId)
  const parts = [section && `Section ${section.name}`, room.tagId && 'a tag'].filter(Boolean)
  return parts.length > 0 ? parts.join(', ') : '—'
}

function RoomRow({ room, edition }: { room: ChatRoom; edition: Edition }) {
  return (
    <tr class={room.archived ? 'is-disabled' : undefined}>
      <td>
        <Link href={`/admin/chats/${room.id}`} dir="auto">
          {room.name}
        </Link>
        {room.kind === 'general' && <span class="badge">General</span>}
        {room.archived && <span class="badge badge-warning">Archived</span>}
      </td>
      <td>
        <code>
          /{edition.code}/chats/{room.slug}
        </code>
      </td>
      <td>{linkedTo(room, edition)}</td>
      <td>{room.writePolicy === 'approved' ? 'Approved writers' : 'Signed-in readers'}</td>
      <td>{slowModeLabel(room.slowModeSeconds)}</td>
      <td class="nowrap">{room.online}</td>
    </tr>
  )
}

export function ChatsPage(props: { query: URLSearchParams }) {
  const { handleError, notify } = useApp()
  const editions = useEditions()
  const wanted = Number(props.query.get('edition'))
  const edition = editions?.find((item) => item.id === wanted) ?? editions?.[0]
  const [rooms, setRooms] = useState<ChatRoom[] | null>(null)
  const [error, setError] = useState('')
  const [creating, setCreating] = useState(false)

  const load = useCallback(
    (editionId: number) => {
      setError('')
      chat.rooms(editionId).then(
        (answer) => setRooms(answer.rooms),
        (failure: unknown) => setError(handleError(failure)),
      )
    },
    [chat, handleError],
  )

  useEffect(() => {
    setRooms(null)
    if (edition) load(edition.id)
  }, [edition?.id, load])

  return (
    <>
      <PageHeader title="Chat rooms">
        {edition && (
          <Button variant="primary" onClick={() => setCreating(true)}>
            New room
          </Button>
        )}
      </PageHeader>
      <p class="muted">
        Live rooms where readers talk: a general room in every edition, and topic rooms that stories
        of a section or tag link to.
      </p>
      {editions === null && <p aria-busy="true">Loading…</p>}
      {edition && editions && (
        <SelectField
          class="chat-edition"
          label="Edition"
          value={edition.id}
          onValue={(value) => navigate(withQuery('/admin/chats', { edition: value }))}
        >
          {editions.map((item) => (
            <option key={item.id} value={item.id}>
              {item.name}
            </option>
          ))}
        </SelectField>
      )}
      <StatusMessage message={error} />
      {edition && rooms === null && !error && <p aria-busy="true">Loading the rooms…</p>}
      {edition && rooms && (
        <div class="table-scroll">
          <table class="table chat-rooms-table">
            <caption class="visually-hidden">Chat rooms of {edition.name}</caption>
            <thead>
              <tr>
                <th scope="col">Room</th>
                <th scope="col">Address</th>
                <th scope="col">Linked to</th>
                <th scope="col">Who writes</th>
                <th scope="col">Slow mode</th>
                <th scope="col">Online now</th>
              </tr>
            </thead>
            <tbody>
              {rooms.map((room) => (
                <RoomRow key={room.id} room={room} edition={edition} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {creating && edition && (
        <Dialog
          title={`New room in ${edition.name}`}
          size="large"
          onClose={() => setCreating(false)}
        >
          <RoomForm
            edition={edition}
            room={null}
            submitLabel="Create room"
            onCancel={() => setCreating(false)}
            onSave={async (settings) => {
              const room = await chat.create({ ...settings, editionId: edition.id })
              setCreating(false)
              notify(`The room “${room.name}” is open.`)
              navigate(`/admin/chats/${room.id}`)
            }}
          />
        </Dialog>
      )}
    </>
  )
}
