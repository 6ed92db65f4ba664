// A modal dialog on the native <dialog>: focus stays inside, Escape closes, focus goes back after.
import type { ComponentChildren } from 'preact'
import { useEffect, useId, useRef } from 'preact/hooks'

export function Dialog(props: {
  title: string
  onClose: () => void
  children: ComponentChildren
  size?: 'small' | 'large'
}) {
  const ref = useRef<HTMLDialogElement>(null)
  const unmounting = useRef(false)
  const titleId = useId()
  const closeRef = useRef(props.onClose)
  closeRef.current = props.onClose

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    dialog.showModal()
    // A click on the backdrop lands on the <dialog> itself; Escape is its keyboard twin.
    const onBackdrop = (event: MouseEvent) => {
      if (event.target === dialog) closeRef.current()
    }
    dialog.addEventListener('click', onBackdrop)
    return () => {
      dialog.removeEventListener('click', onBackdrop)
      unmounting.current = true
      dialog.close()
      if (opener?.isConnected) opener.focus()
    }
  }, [])

  return (
    <dialog
      ref={ref}
      class={`dialog dialog-${props.size ?? 'small'}`}
      aria-labelledby={titleId}
      // Escape and the close button both end in the native close event; the owner then unmounts us.
      onClose={() => {
        if (!unmounting.current) closeRef.current()
      }}
    >
      <div class="dialog-body">
        <header class="dialog-header">
          <h2 id={titleId}>{props.title}</h2>
          <button
            type="button"
            class="dialog-close"
            aria-label="Close"
            onClick={() => props.onClose()}
          >
            ×
          </button>
        </header>
        {props.children}
      </div>
    </dialog>
  )
}
