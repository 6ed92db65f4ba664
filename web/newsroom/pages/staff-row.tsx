// One person on the staff page: role to change, account to disable or enable again.
import type { Role, Staff } from '../api.ts'
import { Button } from '../components/button.tsx'
import { RoleBadge } from '../components/role-badge.tsx'
import { ROLE_LABELS, ROLES } from '../i18n.ts'

export function StaffRow(props: {
  person: Staff
  isMe: boolean
  busy: boolean
  onChange: (changes: { role?: Role; disabled?: boolean }) => void
}) {
  const { person, isMe, busy, onChange } = props
  // Nobody demotes or locks out the owner, and nobody locks themselves out by accident.
  const fixed = person.owner || isMe
  const roleId = `staff-role-${person.id}`
  return (
    <tr class={person.disabled ? 'is-disabled' : undefined}>
      <td>
        {person.name}
        {isMe && <span class="muted"> (you)</span>}
        {person.owner && <span class="badge badge-owner">Owner</span>}
      </td>
      <td class="break">{person.email}</td>
      <td>
        {fixed ? (
          <RoleBadge role={person.role} />
        ) : (
          <>
            <label class="visually-hidden" for={roleId}>
              Role of {person.name}
            </label>
            <select
              id={roleId}
              value={person.role}
              disabled={busy}
              onChange={(event) => {
                const role = ROLES.find((known) => known === event.currentTarget.value)
                if (role && role !== person.role) onChange({ role })
              }}
            >
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {ROLE_LABELS[role]}
                </option>
              ))}
            </select>
          </>
        )}
      </td>
      <td>{person.disabled ? 'Disabled' : 'Active'}</td>
      <td>
        {!fixed && (
          <Button
            variant={person.disabled ? 'secondary' : 'danger'}
            busy={busy}
            onClick={() => onChange({ disabled: !person.disabled })}
          >
            {person.disabled ? 'Enable' : 'Disable'}
            <span class="visually-hidden"> {person.name}</span>
          </Button>
        )}
      </td>
    </tr>
  )
}
