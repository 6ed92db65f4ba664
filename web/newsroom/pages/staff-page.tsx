// Staff: who works in the newsroom, their roles and accounts, and invitations for newcomers.
import { useEffect, useState } from 'preact/hooks'
import { api, type Role, type Staff } from '../api.ts'
import { useApp } from '../app-context.ts'
import { PageHeader } from '../components/page-header.tsx'
import { StatusMessage } from '../components/status-message.tsx'
import { ROLE_LABELS } from '../i18n.ts'
import { InviteForm } from './invite-form.tsx'
import { StaffRow } from './staff-row.tsx'

export function StaffPage() {
  const { staff: me, handleError, notify } = useApp()
  const [people, setPeople] = useState<Staff[] | null>(null)
  const [error, setError] = useState('')
  const [busyId, setBusyId] = useState<number | null>(null)

  useEffect(() => {
    api.staff().then(
      (answer) => setPeople(answer.items),
      (failure: unknown) => setError(handleError(failure)),
    )
  }, [handleError])

  const change = async (person: Staff, changes: { role?: Role; disabled?: boolean }) => {
    setBusyId(person.id)
    setError('')
    try {
      const updated = await api.updateStaff(person.id, changes)
      setPeople((list) => list?.map((item) => (item.id === updated.id ? updated : item)) ?? null)
      if (changes.role) notify(`${updated.name} is now ${ROLE_LABELS[updated.role]}.`)
      else notify(`${updated.name}'s account is ${updated.disabled ? 'disabled' : 'enabled'}.`)
    } catch (failure) {
      setError(handleError(failure))
    }
    setBusyId(null)
  }

  return (
    <>
      <PageHeader title="Staff" />
      <InviteForm />
      <StatusMessage message={error} />
      {people === null && !error && <p aria-busy="true">Loading…</p>}
      {people && (
        <div class="table-scroll">
          <table class="table staff-table">
            <caption class="visually-hidden">Staff accounts</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">E-mail</th>
                <th scope="col">Role</th>
                <th scope="col">Account</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {people.map((person) => (
                <StaffRow
                  key={person.id}
                  person={person}
                  isMe={person.id === me.id}
                  busy={busyId === person.id}
                  onChange={(changes) => void change(person, changes)}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  )
}
