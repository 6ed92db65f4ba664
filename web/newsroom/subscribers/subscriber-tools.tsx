// The subscriber page's tools for one edition: the digest's send time, the CSV export, and the
// import with each row's consent date and a report of what was taken and which lines were not.
import { useEffect, useState } from 'preact/hooks'
import type { Edition } from '../api.ts'
import { useApp } from '../app-context.ts'
import { Button } from '../components/button.tsx'
import { TextField } from '../components/field.tsx'
import { useFormError } from '../components/form-error.ts'
import { StatusMessage } from '../components/status-message.tsx'
import { Time } from '../components/time.tsx'
import { formatCount } from '../i18n.ts'
import {
  subscribersApi as api,
  exportUrl,
  type ImportReport,
  type NewsletterSettings,
} from './subscribers-api.ts'

export function DigestTimeForm(props: { edition: Edition }) {
  const { edition } = props
  const { handleError, notify } = useApp()
  const [settings, setSettings] = useState<NewsletterSettings | null>(null)
  const [time, setTime] = useState('')
  const [busy, setBusy] = useState(false)
  const errors = useFormError(['digestTime'], handleError)

  useEffect(() => {
    let current = true
    api.settings(edition.id).then(
      (answer) => {
        if (!current) return
        setSettings(answer)
        setTime(answer.digestTime)
      },
      (failure: unknown) => current && errors.fail(failure),
    )
    return () => {
      current = false
    }
  }, [api, edition.id])

  const submit = async (event: Event) => {
    event.preventDefault()
    setBusy(true)
    errors.clear()
    try {
      const answer = await api.saveSettings(edition.id, time)
      setSettings(answer)
      notify(`The daily digest of ${edition.name} now goes out at ${answer.digestTime}.`)
    } catch (failure) {
      errors.fail(failure)
    }
    setBusy(false)
  }

  return (
    <form class="form form-inline" ref={errors.form} onSubmit={submit}>
      <TextField
        label="Daily digest at"
        type="time"
        required
        value={time}
        hint={settings ? `Local time in ${settings.timeZone}.` : undefined}
        error={errors.fieldError('digestTime')}
        onValue={setTime}
      />
      <div class="form-actions">
        <Button type="submit" variant="primary" busy={busy} disabled={!settings}>
          Save time
        </Button>
      </div>
      {settings && (
        <p class="muted small">
          Next digest: <Time value={settings.nextDigestAt} />
        </p>
      )}
      <StatusMessage message={errors.general} />
    </form>
  )
}

function Report(props: { report: ImportReport }) {
  const { report } = props
  const lines = (items: { line: number; message: string }[], count: number, title: string) =>
    count > 0 && (
      <details open={count <= 20}>
        <summary>
          {title}: {formatCount(count, 'line', 'lines')}
        </summary>
        <ul class="subscribers-report">
          {items.map((item) => (
            <li key={item.line}>
              Line {item.line}: {item.message}
            </li>
          ))}
          {count > items.length && <li>… and {count - items.length} more</li>}
        </ul>
      </details>
    )
  return (
    <div class="subscribers-import-report">
      <p>
        Added {formatCount(report.added, 'subscriber', 'subscribers')}, merged{' '}
        {formatCount(report.merged, 'known address', 'known addresses')}.
      </p>
      {lines(report.problems, report.problemCount, 'Not read')}
      {lines(report.skipped, report.skippedCount, 'Left as they are')}
    </div>
  )
}

export function ImportExport(props: { edition: Edition; onImported: () => void }) {
  const { edition } = props
  const { handleError } = useApp()
  const [file, setFile] = useState<File | null>(null)
  const [busy, setBusy] = useState(false)
  const [report, setReport] = useState<ImportReport | null>(null)
  const [error, setError] = useState('')

  const submit = async (event: Event) => {
    event.preventDefault()
    if (!file) return setError('Choose a CSV file first.')
    setBusy(true)
    setError('')
    setReport(null)
    try {
      setReport(await api.importCsv(edition.id, await file.text()))
      props.onImported()
    } catch (failure) {
      setError(handleError(failure))
    }
    setBusy(false)
  }

  return (
    <>
      <p>
        <a class="button button-secondary" href={exportUrl(edition.id)} download>
          Export {edition.name} as CSV
        </a>
      </p>
      <form class="form" onSubmit={submit}>
        <div class="field">
          <label for="subscribers-import-file">Import a CSV file</label>
          <input
            id="subscribers-import-file"
            type="file"
            accept=".csv,text/csv"
            aria-describedby="subscribers-import-hint"
            onChange={(event) => setFile(event.currentTarget.files?.[0] ?? null)}
          />
          <p class="field-hint" id="subscribers-import-hint">
            The first line names the columns: <code>email</code> and <code>consent_at</code> (the
            date each person agreed, such as 2025-06-01), and optionally <code>lists</code> (
            <code>digest;breaking</code>; both when left out). Everyone in it is subscribed at once,
            without a confirmation mail: import only people who agreed to receive the newsletters.
          </p>
        </div>
        <div class="form-actions">
          <Button type="submit" variant="primary" busy={busy}>
            Import
          </Button>
        </div>
        <StatusMessage message={error} />
        <div aria-live="polite">{report && <Report report={report} />}</div>
      </form>
    </>
  )
}
