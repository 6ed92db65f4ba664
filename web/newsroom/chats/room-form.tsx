// A chat room's settings, to create a room or change one: its name and address, what it is about,
// the section or tag whose stories link to it, who may write, slow mode and its own word lists.
import { useState } from 'preact/hooks'
import { ApiError, type Edition } from '../api.ts'
import { useApp } from '../app-context.ts'
import { parseWordList } from '../comments/moderation-text.ts'
import { Button } from '../components/button.tsx'
import { ChoiceField } from '../components/choice-field.tsx'
import { SelectField, TextAreaField, TextField } from '../components/field.tsx'
import { useFormError } from '../components/form-error.ts'
import { StatusMessage } from '../components/status-message.tsx'
import { formatCount } from '../i18n.ts'
import type { ChatRoom, RoomSettings, WritePolicy } from './chats-api.ts'
import { TagField } from './tag-field.tsx'

export const SLOW_MODE_CHOICES = [0, 5, 10, 30, 60, 300, 900, 3600]

export const slowModeLabel = (seconds: number) =>
  seconds === 0
    ? 'Off'
    : seconds < 60
      ? `One message every ${seconds} seconds`
      : seconds < 3600
        ? `One message every ${seconds / 60} minute${seconds === 60 ? '' : 's'}`
        : 'One message an hour'

const FIELDS = [
  'name',
  'slug',
  'description',
  'sectionId',
  'tagId',
  'writePolicy',
  'slowModeSeconds',
  'bannedWords',
  'suspectWords',
]

const WRITE_POLICIES: { value: WritePolicy; label: string; hint: string }[] = [
  { value: 'readers', label: 'Every signed-in reader', hint: 'Anyone with a confirmed account.' },
  {
    value: 'approved',
    label: 'Approved writers only',
    hint: 'Readers added below as approved writers, and the room’s moderators.',
  },
]

interface Form {
  name: string
  slug: string
  description: string
  sectionId: string
  tagId: string
  writePolicy: WritePolicy
  slowModeSeconds: string
  bannedWords: string
  suspectWords: string
}

const formOf = (room: ChatRoom | null): Form => ({
  name: room?.name ?? '',
  slug: room?.slug ?? '',
  description: room?.description ?? '',
  sectionId: room?.sectionId ? String(room.sectionId) : '',
  tagId: room?.tagId ? String(room.tagId) : '',
  writePolicy: room?.writePolicy ?? 'readers',
  slowModeSeconds: String(room?.slowModeSeconds ?? 0),
  bannedWords: room?.bannedWords.join('\n') ?? '',
  suspectWords: room?.suspectWords.join('\n') ?? '',
})

const idOrNull = (text: string) => (text ? Number(text) : null)

/** "bannedWords[3]" and "bannedWords.3" are both about the banned words. */
const fieldHead = (path: string | undefined) => path?.split(/[.[]/)[0]

export function RoomForm(props: {
  edition: Edition
  /** The room to change; none to create one. */
  room: ChatRoom | null
  submitLabel: string
  onSave: (settings: RoomSettings & { name: string }) => Promise<void>
  onCancel?: () => void
}) {
  const { edition, room } = props
  const { handleError } = useApp()
  const [form, setForm] = useState(() => formOf(room))
  const [busy, setBusy] = useState(false)
  const errors = useFormError(FIELDS, handleError)
  const general = room?.kind === 'general'
  const change = (patch: Partial<Form>) => setForm({ ...form, ...patch })

  const submit = async (event: Event) => {
    event.preventDefault()
    setBusy(true)
    errors.clear()
    try {
      await props.onSave({
        name: form.name.trim(),
        ...(!general && form.slug.trim() && { slug: form.slug.trim() }),
        description: form.description.trim(),
        sectionId: idOrNull(form.sectionId),
        tagId: idOrNull(form.tagId),
        writePolicy: form.writePolicy,
        slowModeSeconds: Number(form.slowModeSeconds),
        bannedWords: parseWordList(form.bannedWords),
        suspectWords: parseWordList(form.suspectWords),
      })
    } catch (failure) {
      if (failure instanceof ApiError) errors.set(handleError(failure), fieldHead(failure.field))
      else errors.fail(failure)
    }
    setBusy(false)
  }

  const words = (field: 'bannedWords' | 'suspectWords', label: string, what: string) => (
    <TextAreaField
      label={label}
      rows={4}
      lang={edition.locale}
      dir={edition.direction}
      value={form[field]}
      hint={`One per line, on top of the edition’s community lists. ${what} ${formatCount(parseWordList(form[field]).length, 'word', 'words')}.`}
      error={errors.fieldError(field)}
      onValue={(value) => change({ [field]: value })}
    />
  )

  return (
    <form class="form chat-room-form" ref={errors.form} onSubmit={submit} noValidate>
      <TextField
        label="Name"
        required
        maxLength={100}
        lang={edition.locale}
        dir={edition.direction}
        value={form.name}
        error={errors.fieldError('name')}
        onValue={(name) => change({ name })}
      />
      {!general && (
        <TextField
          label="Address"
          hint={`/${edition.code}/chats/… — lowercase letters, digits and dashes. Left empty, it is made from the name.`}
          maxLength={80}
          value={form.slug}
          error={errors.fieldError('slug')}
          onValue={(slug) => change({ slug })}
        />
      )}
      <TextAreaField
        label="Description"
        rows={2}
        maxLength={500}
        lang={edition.locale}
        dir={edition.direction}
        value={form.description}
        error={errors.fieldError('description')}
        onValue={(description) => change({ description })}
      />
      {!general && (
        <div class="chat-links-fields">
          <SelectField
            label="Linked section"
            hint="Stories of this section link to the room."
            value={form.sectionId}
            error={errors.fieldError('sectionId')}
            onValue={(sectionId) => change({ sectionId })}
          >
            <option value="">No section</option>
            {edition.sections.map((section) => (
              <option key={section.id} value={String(section.id)}>
                {section.name}
              </option>
            ))}
          </SelectField>
          <TagField
            editionId={edition.id}
            value={form.tagId}
            error={errors.fieldError('tagId')}
            onValue={(tagId) => change({ tagId })}
          />
        </div>
      )}
      <ChoiceField
        legend="Who may write"
        choices={WRITE_POLICIES}
        value={form.writePolicy}
        error={errors.fieldError('writePolicy')}
        onValue={(writePolicy) => change({ writePolicy })}
      />
      <SelectField
        label="Slow mode"
        hint="Moderators can also switch it in the room. It does not apply to them."
        value={form.slowModeSeconds}
        error={errors.fieldError('slowModeSeconds')}
        onValue={(slowModeSeconds) => change({ slowModeSeconds })}
      >
        {[...new Set([...SLOW_MODE_CHOICES, Number(form.slowModeSeconds)])]
          .sort((a, b) => a - b)
          .map((seconds) => (
            <option key={seconds} value={String(seconds)}>
              {slowModeLabel(seconds)}
            </option>
          ))}
      </SelectField>
      {words('bannedWords', 'Banned words', 'A message with one of these is refused.')}
      {words('suspectWords', 'Suspect words', 'A message with one of these is not posted.')}
      <StatusMessage message={errors.general} />
      <div class="form-actions">
        <Button type="submit" variant="primary" busy={busy}>
          {props.submitLabel}
        </Button>
        {props.onCancel && <Button onClick={props.onCancel}>Cancel</Button>}
      </div>
    </form>
  )
}
