// The focal point of a photo: the spot crops keep in view, set by a click or the arrow keys.
import { useId } from 'preact/hooks'

const clamp = (value: number) => Math.round(Math.min(1, Math.max(0, value)) * 1000) / 1000
const percent = (value: number) => `${Math.round(value * 100)}%`

export function FocalPointPicker(props: {
  src: string
  x: number
  y: number
  onChange: (x: number, y: number) => void
}) {
  const hintId = useId()
  const { x, y, onChange } = props

  const onClick = (event: MouseEvent) => {
    // Enter and Space also "click" a button; only a pointer says where.
    if (event.detail === 0) return
    const image = (event.currentTarget as HTMLElement).querySelector('img')
    if (!image) return
    const box = image.getBoundingClientRect()
    onChange(
      clamp((event.clientX - box.left) / box.width),
      clamp((event.clientY - box.top) / box.height),
    )
  }

  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.shiftKey ? 0.01 : 0.05
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, -step],
      ArrowDown: [0, step],
    }
    const move = moves[event.key]
    if (!move) return
    event.preventDefault()
    onChange(clamp(x + move[0]), clamp(y + move[1]))
  }

  // Image coordinates are physical, so this box is always laid out left to right.
  return (
    <div class="focal" dir="ltr">
      <button
        type="button"
        class="focal-target"
        aria-label={`Focal point: ${percent(x)} from the left, ${percent(y)} from the top`}
        aria-describedby={hintId}
        onClick={onClick}
        onKeyDown={onKeyDown}
      >
        <img src={props.src} alt="" />
        <span
          class="focal-marker"
          aria-hidden="true"
          style={{ insetInlineStart: percent(x), insetBlockStart: percent(y) }}
        />
      </button>
      <p class="field-hint" id={hintId}>
        Click the part of the photo that crops must keep in view; arrow keys move the point. Now{' '}
        {percent(x)} across, {percent(y)} down.
      </p>
    </div>
  )
}
