// A stored UTC time shown in the browser's locale, with the full date and time on hover.
import { formatTime } from '../i18n.ts'

export function Time(props: { value: string }) {
  return (
    <time dateTime={props.value} title={formatTime(props.value, 'full')}>
      {formatTime(props.value)}
    </time>
  )
}
