// Community settings at /admin/settings/community: for one edition at a time, whether and how
// readers comment, the limits on a comment, the word lists, and what a deleted account leaves.
import { useEffect, useState } from 'preact/hooks'
import { ApiError, api, type CommentMode, type CommunitySettings, type Edition } from '../api.ts'
import { useApp } from '../app-context.ts'
import { Button } from '../components/button.tsx'
import { ChoiceField } from '../components/choice-field.tsx'
import { SelectField, TextAreaField, TextField } from '../components/field.tsx'
import { useFormError } from '../components/form-error.ts'
import { PageHeader } from '../components/page-header.tsx'
import { StatusMessage } from '../components/status-message.tsx'
import { COMMENT_MODE_HINTS, COMMENT_MODE_LABELS, COMMENT_MODES, formatCount } from '../i18n.ts'
import { useEditions } from '../pages/use-editions.ts'
import { navigate, withQuery } from '../router.ts'
import { parseWordList } from './moderation-text.ts'
import './comments.css'

type OnDelete = CommunitySettings['onAccountDelete']

/** The form as typed: numbers and word lists are text until saved. */
interface Form {
  mode: CommentMode
  autoCloseDays: string
  maxLength: string
  maxLinks: string
  bannedWords: string
  suspectWords: string
  onAccountDelete: OnDelete
}

const FIELDS: (keyof CommunitySettings)[] = [
  'mode',
  'autoCloseDays',
  'maxLength',
  'maxLinks',
  'bannedWords',
  'suspectWords',
  'onAccountDelete',
]

const formOf = (settings: CommunitySettings): Form => ({
  mode: settings.mode,
  autoCloseDays: String(settings.autoCloseDays),
  maxLength: String(settings.maxLength),
  maxLinks: String(settings.maxLinks),
  bannedWords: settings.bannedWords.join('\n'),
  suspectWords: settings.suspectWords.join('\n'),
  onAccountDelete: settings.onAccountDelete,
})

const NUMBERS = {
  autoCloseDays: { min: 0, label: 'Auto-close after' },
  maxLength: { min: 1, label: 'Longest comment' },
  maxLinks: { min: 0, label: 'Most links in a comment' },
} as const

type NumberField = keyof typeof NUMBERS

/** The settings to send, or the first field that cannot be sent and why. */
function settingsOf(form: Form): CommunitySettings | { field: NumberField; message: string } {
  const numbers = {} as Record<NumberField, number>
  for (const field of Object.keys(NUMBERS) as NumberField[]) {
    const text = form[field].trim()
    const value = Number(text)
    const { min } = NUMBERS[field]
    if (!text || !Number.isInteger(value) || value < min)
      return { field, message: `A whole number, ${min} or more.` }
    numbers[field] = value
  }
  return {
    mode: form.mode,
    ...numbers,
    bannedWords: parseWordList(form.bannedWords),
    suspectWords: parseWordList(form.suspectWords),
    onAccountDelete: form.onAccountDelete,
  }
}

/** "bannedWords[3]" and "bannedWords.3" are both about the banned words. */
const fieldHead = (path: string | undefined) => path?.split(/[.[]/)[0]

const ON_DELETE: { value: OnDelete; label: string; hint: string }[] = [
  {
    value: 'anonymize',
    label: 'Keep their comments',
    hint: 'The comments stay, signed “deleted user”.',
  },
  { value: 'remove', label: 'Remove their comments', hint: 'The comments go with the account.' },
]

function SettingsForm(props: { edition: Edition; onDirty: (dirty: boolean) => void }) {
  const { edition } = props
  const { handleError, notify } = useApp()
  const [saved, setSaved] = useState<Form | null>(null)
  const [form, setForm] = useState<Form | null>(null)
  const [loadError, setLoadError] = useState('')
  const [busy, setBusy] = useState(false)
  const errors = useFormError(FIELDS, handleError)

  useEffect(() => {
    let current = true
    api.communitySettings(edition.id).then(
      (settings) => {
        if (!current) return
        setSaved(formOf(settings))
        setForm(formOf(settings))
      },
      (failure: unknown) => current && setLoadError(handleError(failure)),
    )
    return () => {
      current = false
    }
  }, [edition.id, handleError])

  const dirty = Boolean(form && saved && JSON.stringify(form) !== JSON.stringify(saved))
  useEffect(() => props.onDirty(dirty), [dirty])

  if (loadError) return <StatusMessage message={loadError} />
  if (!form) return <p aria-busy="true">Loading the settings of {edition.name}…</p>

  const change = (patch: Partial<Form>) => setForm({ ...form, ...patch })
  const banned = parseWordList(form.bannedWords).length
  const suspect = parseWordList(form.suspectWords).length

  const submit = async (event: Event) => {
    event.preventDefault()
    const settings = settingsOf(form)
    if ('field' in settings) return errors.set(settings.message, settings.field)
    setBusy(true)
    errors.clear()
    try {
      const answer = await api.saveCommunitySettings(edition.id, settings)
      setSaved(formOf(answer))
      setForm(formOf(answer))
      notify(`Saved the community settings of ${edition.name}.`)
    } catch (failure) {
      if (failure instanceof ApiError) errors.set(handleError(failure), fieldHead(failure.field))
      else errors.fail(failure)
    }
    setBusy(false)
  }

  const number = (field: NumberField, hint: string, unit?: string) => (
    <TextField
      class="settings-number"
      label={unit ? `${NUMBERS[field].label} (${unit})` : NUMBERS[field].label}
      type="number"
      inputMode="numeric"
      min={NUMBERS[field].min}
      step={1}
      required
      hint={hint}
      value={form[field]}
      error={errors.fieldError(field)}
      onValue={(value) => change({ [field]: value })}
    />
  )

  return (
    <form class="form settings-form" ref={errors.form} onSubmit={submit} noValidate>
      <ChoiceField
        legend="Comments on this edition’s stories"
        choices={COMMENT_MODES.map((mode) => ({
          value: mode,
          label: COMMENT_MODE_LABELS[mode],
          hint: COMMENT_MODE_HINTS[mode],
        }))}
        value={form.mode}
        error={errors.fieldError('mode')}
        onValue={(mode) => change({ mode })}
      />
      <p class="field-hint">A story can choose another mode in its side panel.</p>
      <div class="settings-numbers">
        {number('autoCloseDays', '0 keeps comments open for good.', 'days after publication')}
        {number('maxLength', 'In characters.')}
        {number('maxLinks', '0 allows no links.')}
      </div>
      <TextAreaField
        label="Banned words"
        rows={6}
        lang={edition.locale}
        dir={edition.direction}
        value={form.bannedWords}
        hint={`One per line. A comment with one of these is refused. ${formatCount(banned, 'word', 'words')}.`}
        error={errors.fieldError('bannedWords')}
        onValue={(bannedWords) => change({ bannedWords })}
      />
      <TextAreaField
        label="Suspect words"
        rows={6}
        lang={edition.locale}
        dir={edition.direction}
        value={form.suspectWords}
        hint={`One per line. A comment with one of these is held for review. ${formatCount(suspect, 'word', 'words')}.`}
        error={errors.fieldError('suspectWords')}
        onValue={(suspectWords) => change({ suspectWords })}
      />
      <ChoiceField
        legend="When a reader deletes their account"
        choices={ON_DELETE}
        value={form.onAccountDelete}
        error={errors.fieldError('onAccountDelete')}
        onValue={(onAccountDelete) => change({ onAccountDelete })}
      />
      <StatusMessage message={errors.general} />
      <div class="form-actions">
        <Button type="submit" variant="primary" busy={busy}>
          Save settings
        </Button>
        <Button disabled={!dirty || busy} onClick={() => saved && setForm(saved)}>
          Discard changes
        </Button>
        <span class="muted small settings-dirty" aria-live="polite">
          {dirty ? 'Unsaved changes' : ''}
        </span>
      </div>
    </form>
  )
}

export function CommunitySettingsPage(props: { query: URLSearchParams }) {
  const editions = useEditions()
  const [dirty, setDirty] = useState(false)
  // A refused switch re-renders, so the select shows the edition still being edited.
  const [, redraw] = useState(0)
  const wanted = Number(props.query.get('edition'))
  const edition = editions?.find((item) => item.id === wanted) ?? editions?.[0]

  const choose = (value: string) => {
    if (Number(value) === edition?.id) return
    if (dirty && !window.confirm('Leave the unsaved changes of this edition’s settings?'))
      return redraw((count) => count + 1)
    setDirty(false)
    navigate(withQuery('/admin/settings/community', { edition: value }))
  }

  return (
    <>
      <PageHeader title="Community settings" />
      <p class="muted">How readers comment on each edition’s stories.</p>
      {editions === null && <p aria-busy="true">Loading…</p>}
      {editions?.length === 0 && <p class="empty">There are no editions yet.</p>}
      {edition && editions && (
        <section class="panel" aria-labelledby="community-edition">
          <h2 id="community-edition" class="visually-hidden">
            {edition.name}
          </h2>
          <SelectField class="settings-edition" label="Edition" value={edition.id} onValue={choose}>
            {editions.map((item) => (
              <option key={item.id} value={item.id}>
                {item.name}
              </option>
            ))}
          </SelectField>
          <SettingsForm key={edition.id} edition={edition} onDirty={setDirty} />
        </section>
      )}
    </>
  )
}
