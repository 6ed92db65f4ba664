// Banning, muting or restoring a reader: a reason for the moderation log (and, for a mute, how
// long), then the call; the caller learns the reader's new standing.
import { useState } from 'preact/hooks'
import { api } from '../api.ts'
import { useApp } from '../app-context.ts'
import { Button } from '../components/button.tsx'
import { ChoiceField } from '../components/choice-field.tsx'
import { Dialog } from '../components/dialog.tsx'
import { TextAreaField } from '../components/field.tsx'
import { useFormError } from '../components/form-error.ts'
import { StatusMessage } from '../components/status-message.tsx'
import type { Standing } from './use-moderation-queue.ts'

export type ReaderAction = 'ban' | 'mute' | 'restore'

export const MUTE_DAYS = [1, 7, 30] as const

const days = (count: number) => (count === 1 ? '1 day' : `${count} days`)

const TEXT: Record<ReaderAction, { title: string; intro: string; submit: string }> = {
  ban: {
    title: 'Ban',
    intro: 'A banned reader can no longer comment, until a moderator restores them.',
    submit: 'Ban',
  },
  mute: {
    title: 'Mute',
    intro: 'A muted reader cannot comment for a while; they can read as before.',
    submit: 'Mute',
  },
  restore: {
    title: 'Restore',
    intro: 'The reader may comment again at once.',
    submit: 'Restore',
  },
}

export function ReaderDialog(props: {
  action: ReaderAction
  reader: { id: number; displayName: string }
  onDone: (standing: Standing, mutedUntil: string | null) => void
  onClose: () => void
}) {
  const { action, reader } = props
  const { handleError, notify } = useApp()
  const [reason, setReason] = useState('')
  const [length, setLength] = useState<number>(MUTE_DAYS[0])
  const [busy, setBusy] = useState(false)
  const errors = useFormError(['reason', 'days'], handleError)
  const text = TEXT[action]

  const submit = async (event: Event) => {
    event.preventDefault()
    const why = reason.trim()
    if (!why) return errors.set('Give a reason: it is kept in the moderation log.', 'reason')
    setBusy(true)
    errors.clear()
    try {
      if (action === 'ban') {
        await api.banReader(reader.id, why)
        props.onDone('banned', null)
        notify(`Banned ${reader.displayName}.`)
      } else if (action === 'mute') {
        await api.muteReader(reader.id, why, length)
        // The server keeps the exact end; this is what the list shows until the next load.
        props.onDone('muted', new Date(Date.now() + length * 86_400_000).toISOString())
        notify(`Muted ${reader.displayName} for ${days(length)}.`)
      } else {
        await api.restoreReader(reader.id, why)
        props.onDone('active', null)
        notify(`${reader.displayName} may comment again.`)
      }
      props.onClose()
    } catch (failure) {
      errors.fail(failure)
      setBusy(false)
    }
  }

  return (
    <Dialog title={`${text.title} ${reader.displayName}`} onClose={props.onClose}>
      <form class="form" ref={errors.form} onSubmit={submit}>
        <p>{text.intro}</p>
        <TextAreaField
          label="Reason"
          required
          autoFocus
          value={reason}
          hint="Kept in the moderation log."
          error={errors.fieldError('reason')}
          onValue={setReason}
        />
        {action === 'mute' && (
          <ChoiceField
            legend="How long"
            choices={MUTE_DAYS.map((count) => ({ value: String(count), label: days(count) }))}
            value={String(length)}
            error={errors.fieldError('days')}
            onValue={(value) => setLength(Number(value))}
          />
        )}
        <StatusMessage message={errors.general} />
        <div class="form-actions">
          <Button type="submit" variant={action === 'restore' ? 'primary' : 'danger'} busy={busy}>
            {action === 'mute' ? `${text.submit} for ${days(length)}` : text.submit}
          </Button>
          <Button onClick={props.onClose}>Cancel</Button>
        </div>
      </form>
    </Dialog>
  )
}
