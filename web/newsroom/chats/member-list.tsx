// A room's moderators or approved writers: readers named by their e-mail address.
import { useEffect, useState } from 'preact/hooks'
import { useApp } from '../app-context.ts'
import { Button } from '../components/button.tsx'
import { TextField } from '../components/field.tsx'
import { useFormError } from '../components/form-error.ts'
import { StatusMessage } from '../components/status-message.tsx'
import { type ChatApi, type ChatMember, chatApi as chat, type MemberList } from './chats-api.ts'

const WORDS: Record<MemberList, { title: string; one: string; hint: string; none: string }> = {
  moderators: {
    title: 'Moderators',
    one: 'moderator',
    hint: 'In the room they can delete any message, mute or ban a reader and switch slow mode.',
    none: 'No moderators yet.',
  },
  writers: {
    title: 'Approved writers',
    one: 'approved writer',
    hint: 'When only approved writers may write, these readers can.',
    none: 'No approved writers yet.',
  },
}

function AddMember(props: {
  chat: ChatApi
  roomId: number
  list: MemberList
  onMembers: (members: ChatMember[]) => void
}) {
  const { handleError, notify } = useApp()
  const [email, setEmail] = useState('')
  const [busy, setBusy] = useState(false)
  const errors = useFormError(['email'], handleError)
  const words = WORDS[props.list]

  const submit = async (event: Event) => {
    event.preventDefault()
    setBusy(true)
    errors.clear()
    try {
      const answer = await props.chat.addMember(props.roomId, props.list, email.trim())
      props.onMembers(answer.members)
      notify(`Added ${email.trim()} as ${words.one}.`)
      setEmail('')
    } catch (failure) {
      errors.fail(failure)
    }
    setBusy(false)
  }

  return (
    <form class="form form-inline" ref={errors.form} onSubmit={submit}>
      <TextField
        label={`Add ${words.one}`}
        hint="The e-mail address of the reader’s account."
        type="email"
        required
        maxLength={254}
        value={email}
        error={errors.fieldError('email')}
        onValue={setEmail}
      />
      <div class="form-actions">
        <Button type="submit" busy={busy}>
          Add
        </Button>
      </div>
      <StatusMessage message={errors.general} />
    </form>
  )
}

export function MemberSection(props: { roomId: number; list: MemberList; onChange: () => void }) {
  const { handleError, notify } = useApp()
  const [members, setMembers] = useState<ChatMember[] | null>(null)
  const [error, setError] = useState('')
  const [busyId, setBusyId] = useState<number | null>(null)
  const words = WORDS[props.list]
  const headingId = `chat-${props.list}`

  useEffect(() => {
    chat.members(props.roomId, props.list).then(
      (answer) => setMembers(answer.members),
      (failure: unknown) => setError(handleError(failure)),
    )
  }, [chat, props.roomId, props.list, handleError])

  const remove = async (member: ChatMember) => {
    setBusyId(member.readerId)
    setError('')
    try {
      await chat.removeMember(props.roomId, props.list, member.readerId)
      setMembers((list) => list?.filter((m) => m.readerId !== member.readerId) ?? null)
      props.onChange()
      notify(`${member.name} is no longer ${words.one}.`)
    } catch (failure) {
      setError(handleError(failure))
    }
    setBusyId(null)
  }

  return (
    <section class="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{words.title}</h2>
      <p class="muted small">{words.hint}</p>
      <StatusMessage message={error} />
      {members?.length === 0 && <p class="empty">{words.none}</p>}
      {members && members.length > 0 && (
        <ul class="chat-members">
          {members.map((member) => (
            <li key={member.readerId}>
              <span dir="auto">{member.name}</span> <span class="muted">{member.email}</span>
              <Button
                variant="quiet"
                busy={busyId === member.readerId}
                onClick={() => void remove(member)}
              >
                Remove<span class="visually-hidden"> {member.name}</span>
              </Button>
            </li>
          ))}
        </ul>
      )}
      <AddMember
        chat={chat}
        roomId={props.roomId}
        list={props.list}
        onMembers={(list) => {
          setMembers(list)
          props.onChange()
        }}
      />
    </section>
  )
}
