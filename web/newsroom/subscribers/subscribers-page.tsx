// Newsletter subscribers at /admin/subscribers: for one edition at a time, how many are on each
// list in each status, a search by address with paging, unsubscribing or deleting one, the digest
// time, and the CSV export and import.
import { useCallback, useEffect, useState } from 'preact/hooks'
import type { Edition } from '../api.ts'
import { useApp } from '../app-context.ts'
import { Button } from '../components/button.tsx'
import { SelectField, TextField } from '../components/field.tsx'
import { PageHeader } from '../components/page-header.tsx'
import { Pagination } from '../components/pagination.tsx'
import { StatusMessage } from '../components/status-message.tsx'
import { Time } from '../components/time.tsx'
import { useEditions } from '../pages/use-editions.ts'
import { navigate, withQuery } from '../router.ts'
import { DigestTimeForm, ImportExport } from './subscriber-tools.tsx'
import {
  subscribersApi as api,
  type Subscriber,
  type SubscriberCount,
  type SubscriberStatus,
} from './subscribers-api.ts'
import './subscribers.css'

const PAGE_SIZE = 50
const STATUSES: { value: SubscriberStatus; label: string }[] = [
  { value: 'confirmed', label: 'Confirmed' },
  { value: 'pending', label: 'Waiting for confirmation' },
  { value: 'unsubscribed', label: 'Unsubscribed' },
  { value: 'bounced', label: 'Bounced or complained' },
]
const LISTS = { digest: 'Daily digest', breaking: 'Breaking alerts' } as const
const SOURCES = { form: 'Subscribe form', account: 'Reader account', import: 'Import' } as const

function Counts(props: { edition: Edition; counts: SubscriberCount[] | null }) {
  const rows = props.counts?.filter((row) => row.editionId === props.edition.id) ?? []
  const of = (status: SubscriberStatus) => rows.find((row) => row.status === status)
  const number = (value: number | undefined) => new Intl.NumberFormat().format(value ?? 0)
  if (props.counts === null) return <p aria-busy="true">Counting…</p>
  return (
    <div class="table-scroll">
      <table class="table subscribers-counts">
        <caption class="visually-hidden">Subscribers of {props.edition.name} by status</caption>
        <thead>
          <tr>
            <th scope="col">Status</th>
            <th scope="col">{LISTS.digest}</th>
            <th scope="col">{LISTS.breaking}</th>
            <th scope="col">All</th>
          </tr>
        </thead>
        <tbody>
          {STATUSES.map((status) => (
            <tr key={status.value}>
              <th scope="row">{status.label}</th>
              <td>{number(of(status.value)?.digest)}</td>
              <td>{number(of(status.value)?.breaking)}</td>
              <td>{number(of(status.value)?.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function SubscriberRow(props: {
  subscriber: Subscriber
  busy: boolean
  onUnsubscribe: () => void
  onDelete: () => void
}) {
  const { subscriber } = props
  const status = STATUSES.find((s) => s.value === subscriber.status)?.label ?? subscriber.status
  return (
    <tr>
      <td class="subscribers-email">{subscriber.email}</td>
      <td>{subscriber.lists.map((list) => LISTS[list]).join(', ') || '—'}</td>
      <td>{status}</td>
      <td>{SOURCES[subscriber.source]}</td>
      <td>{subscriber.consentAt ? <Time value={subscriber.consentAt} /> : '—'}</td>
      <td class="subscribers-actions">
        {(subscriber.status === 'confirmed' || subscriber.status === 'pending') && (
          <Button variant="quiet" busy={props.busy} onClick={props.onUnsubscribe}>
            Unsubscribe<span class="visually-hidden"> {subscriber.email}</span>
          </Button>
        )}
        <Button variant="danger" busy={props.busy} onClick={props.onDelete}>
          Delete<span class="visually-hidden"> {subscriber.email}</span>
        </Button>
      </td>
    </tr>
  )
}

function SubscriberList(props: { edition: Edition; version: number; onChange: () => void }) {
  const { edition } = props
  const { handleError, notify } = useApp()
  const [q, setQ] = useState('')
  const [status, setStatus] = useState('')
  const [page, setPage] = useState(1)
  const [found, setFound] = useState<{ items: Subscriber[]; total: number } | null>(null)
  const [busyId, setBusyId] = useState<number | null>(null)
  const [error, setError] = useState('')

  const load = useCallback(
    (wanted: number) => {
      setError('')
      api.search({ editionId: edition.id, q: q.trim(), status, page: wanted }).then(
        (answer) => {
          setFound(answer)
          setPage(wanted)
        },
        (failure: unknown) => setError(handleError(failure)),
      )
    },
    [api, edition.id, q, status, handleError],
  )
  // A new edition, filter or change elsewhere on the page: from the first page again.
  useEffect(() => load(1), [edition.id, status, props.version])

  const act = async (subscriber: Subscriber, action: 'unsubscribe' | 'delete') => {
    const question =
      action === 'delete'
        ? `Delete ${subscriber.email} and the record of what was sent to them? This cannot be undone.`
        : `Take ${subscriber.email} off every newsletter of ${edition.name}?`
    if (!window.confirm(question)) return
    setBusyId(subscriber.id)
    try {
      if (action === 'delete') await api.remove(subscriber.id)
      else await api.unsubscribe(subscriber.id)
      notify(
        action === 'delete'
          ? `Deleted ${subscriber.email}.`
          : `${subscriber.email} is unsubscribed from every list.`,
      )
      props.onChange()
    } catch (failure) {
      setError(handleError(failure))
    }
    setBusyId(null)
  }

  return (
    <>
      <form
        class="form form-inline subscribers-search"
        aria-label="Search subscribers"
        onSubmit={(event) => {
          event.preventDefault()
          load(1)
        }}
      >
        <TextField
          label="Address contains"
          type="search"
          maxLength={254}
          value={q}
          onValue={setQ}
        />
        <SelectField label="Status" value={status} onValue={setStatus}>
          <option value="">Any</option>
          {STATUSES.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </SelectField>
        <div class="form-actions">
          <Button type="submit">Search</Button>
        </div>
      </form>
      <StatusMessage message={error} />
      {found === null && !error && <p aria-busy="true">Loading…</p>}
      {found?.items.length === 0 && <p class="empty">No subscribers found.</p>}
      {found && found.items.length > 0 && (
        <>
          <p class="muted small" aria-live="polite">
            {new Intl.NumberFormat().format(found.total)} found
          </p>
          <div class="table-scroll">
            <table class="table subscribers-table">
              <caption class="visually-hidden">Subscribers of {edition.name}</caption>
              <thead>
                <tr>
                  <th scope="col">Address</th>
                  <th scope="col">Lists</th>
                  <th scope="col">Status</th>
                  <th scope="col">Came from</th>
                  <th scope="col">Consent</th>
                  <th scope="col">
                    <span class="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {found.items.map((subscriber) => (
                  <SubscriberRow
                    key={subscriber.id}
                    subscriber={subscriber}
                    busy={busyId === subscriber.id}
                    onUnsubscribe={() => void act(subscriber, 'unsubscribe')}
                    onDelete={() => void act(subscriber, 'delete')}
                  />
                ))}
              </tbody>
            </table>
          </div>
          <Pagination
            page={page}
            pageSize={PAGE_SIZE}
            total={found.total}
            onPage={load}
            label="Pages of subscribers"
          />
        </>
      )}
    </>
  )
}

export function SubscribersPage(props: { query: URLSearchParams }) {
  const editions = useEditions()
  const { handleError } = useApp()
  const [counts, setCounts] = useState<SubscriberCount[] | null>(null)
  const [version, setVersion] = useState(0)
  const [error, setError] = useState('')
  const wanted = Number(props.query.get('edition'))
  const edition = editions?.find((item) => item.id === wanted) ?? editions?.[0]

  useEffect(() => {
    api.counts().then(
      (answer) => setCounts(answer.items),
      (failure: unknown) => setError(handleError(failure)),
    )
  }, [api, version, handleError])
  const changed = () => setVersion((n) => n + 1)

  return (
    <>
      <PageHeader title="Subscribers" />
      <p class="muted">
        Who receives each edition’s newsletters by e-mail: the daily digest and breaking-news
        alerts.
      </p>
      <StatusMessage message={error} />
      {editions === null && <p aria-busy="true">Loading…</p>}
      {editions?.length === 0 && <p class="empty">There are no editions yet.</p>}
      {edition && editions && (
        <>
          <SelectField
            class="subscribers-edition"
            label="Edition"
            value={edition.id}
            onValue={(value) => navigate(withQuery('/admin/subscribers', { edition: value }))}
          >
            {editions.map((item) => (
              <option key={item.id} value={item.id}>
                {item.name}
              </option>
            ))}
          </SelectField>
          <section class="panel" aria-labelledby="subscribers-counts">
            <h2 id="subscribers-counts">How many</h2>
            <Counts edition={edition} counts={counts} />
          </section>
          <section class="panel" aria-labelledby="subscribers-digest">
            <h2 id="subscribers-digest">Daily digest</h2>
            <DigestTimeForm key={edition.id} edition={edition} />
          </section>
          <section class="panel" aria-labelledby="subscribers-list">
            <h2 id="subscribers-list">Find a subscriber</h2>
            <SubscriberList
              key={edition.id}
              edition={edition}
              version={version}
              onChange={changed}
            />
          </section>
          <section class="panel" aria-labelledby="subscribers-files">
            <h2 id="subscribers-files">Export and import</h2>
            <ImportExport key={edition.id} edition={edition} onImported={changed} />
          </section>
        </>
      )}
    </>
  )
}
