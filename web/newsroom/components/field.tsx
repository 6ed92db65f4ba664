// Labelled form fields: text inputs, selects and text areas with a hint and an error tied to them.
import type { ComponentChildren, JSX } from 'preact'
import { useId } from 'preact/hooks'

interface FieldFrame {
  label: string
  hint?: string | undefined
  error?: string | undefined
  class?: string
}

function Frame(props: FieldFrame & { id: string; children: ComponentChildren }) {
  return (
    <div class={`field${props.class ? ` ${props.class}` : ''}`}>
      <label for={props.id}>{props.label}</label>
      {props.children}
      {props.hint && (
        <p class="field-hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p class="field-error" id={`${props.id}-error`}>
          {props.error}
        </p>
      )}
    </div>
  )
}

function describedBy(id: string, frame: FieldFrame): string | undefined {
  const ids = [frame.hint && `${id}-hint`, frame.error && `${id}-error`].filter(Boolean)
  return ids.length ? ids.join(' ') : undefined
}

type InputProps = FieldFrame &
  Omit<JSX.InputHTMLAttributes<HTMLInputElement>, 'class' | 'label'> & {
    onValue?: (value: string) => void
  }

export function TextField({ label, hint, error, class: className, onValue, ...input }: InputProps) {
  const id = useId()
  const frame = { label, hint, error, class: className }
  return (
    <Frame {...frame} id={id}>
      <input
        type="text"
        {...input}
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, frame)}
        onInput={(event) => onValue?.(event.currentTarget.value)}
      />
    </Frame>
  )
}

type SelectProps = FieldFrame &
  Omit<JSX.SelectHTMLAttributes<HTMLSelectElement>, 'class' | 'label'> & {
    onValue?: (value: string) => void
    children: ComponentChildren
  }

export function SelectField(props: SelectProps) {
  const { label, hint, error, class: className, onValue, children, ...select } = props
  const id = useId()
  const frame = { label, hint, error, class: className }
  return (
    <Frame {...frame} id={id}>
      <select
        {...select}
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, frame)}
        onChange={(event) => onValue?.(event.currentTarget.value)}
      >
        {children}
      </select>
    </Frame>
  )
}

type TextAreaProps = FieldFrame &
  Omit<JSX.TextareaHTMLAttributes<HTMLTextAreaElement>, 'class' | 'label'> & {
    onValue?: (value: string) => void
  }

export function TextAreaField(props: TextAreaProps) {
  const { label, hint, error, class: className, onValue, ...area } = props
  const id = useId()
  const frame = { label, hint, error, class: className }
  return (
    <Frame {...frame} id={id}>
      <textarea
        rows={3}
        {...area}
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, frame)}
        onInput={(event) => onValue?.(event.currentTarget.value)}
      />
    </Frame>
  )
}
