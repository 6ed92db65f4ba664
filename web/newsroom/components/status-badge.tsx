// A story's workflow status as a coloured label, and the "Breaking" flag beside it.
import type { Status } from '../api.ts'
import { STATUS_LABELS } from '../i18n.ts'

export function StatusBadge(props: { status: Status }) {
  return <span class={`badge badge-status-${props.status}`}>{STATUS_LABELS[props.status]}</span>
}

export function BreakingBadge() {
  return <span class="badge badge-breaking">Breaking</span>
}
