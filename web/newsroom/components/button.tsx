// Buttons in four weights; a busy button is disabled and says so to assistive technology.
import type { JSX } from 'preact'

type ButtonProps = JSX.ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: 'primary' | 'secondary' | 'danger' | 'quiet'
  busy?: boolean
}

export function Button({
  variant = 'secondary',
  busy = false,
  type,
  disabled,
  ...rest
}: ButtonProps) {
  return (
    <button
      {...rest}
      type={type ?? 'button'}
      class={`button button-${variant}${rest.class ? ` ${rest.class}` : ''}`}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
    />
  )
}
