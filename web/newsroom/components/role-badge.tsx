// A staff member's role as a small label.
import type { Role } from '../api.ts'
import { ROLE_LABELS } from '../i18n.ts'

export function RoleBadge(props: { role: Role }) {
  return <span class={`badge badge-role-${props.role}`}>{ROLE_LABELS[props.role]}</span>
}
