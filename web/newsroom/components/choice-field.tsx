// A labelled group of radio buttons, each with an optional one-line explanation, and an error
// tied to the group (the first button takes focus when the server names the field).
import { useId } from 'preact/hooks'

export interface Choice<T extends string> {
  value: T
  label: string
  hint?: string
}

export function ChoiceField<T extends string>(props: {
  legend: string
  choices: Choice<T>[]
  value: T
  onValue: (value: T) => void
  error?: string | undefined
  class?: string
}) {
  const id = useId()
  const errorId = `${id}-error`
  return (
    <fieldset class={`choice-group${props.class ? ` ${props.class}` : ''}`}>
      <legend>{props.legend}</legend>
      {props.choices.map((choice) => {
        const hintId = `${id}-${choice.value}-hint`
        const described = [choice.hint && hintId, props.error && errorId].filter(Boolean).join(' ')
        return (
          <div key={choice.value} class="choice-option">
            <label class="choice">
              <input
                type="radio"
                name={id}
                value={choice.value}
                checked={props.value === choice.value}
                aria-invalid={props.error ? true : undefined}
                aria-describedby={described || undefined}
                onChange={() => props.onValue(choice.value)}
              />
              {choice.label}
            </label>
            {choice.hint && (
              <p class="field-hint choice-hint" id={hintId}>
                {choice.hint}
              </p>
            )}
          </div>
        )
      })}
      {props.error && (
        <p class="field-error" id={errorId}>
          {props.error}
        </p>
      )}
    </fieldset>
  )
}
