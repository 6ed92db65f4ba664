// A live region for a form's or a view's outcome: errors and confirmations are read out when they appear.
export function StatusMessage(props: { message: string; kind?: 'error' | 'success' | 'info' }) {
  const kind = props.kind ?? 'error'
  return (
    <div class="status-region" aria-live={kind === 'error' ? 'assertive' : 'polite'}>
      {props.message && <p class={`status status-${kind}`}>{props.message}</p>}
    </div>
  )
}
