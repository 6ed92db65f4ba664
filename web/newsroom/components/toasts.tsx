// Short notices in a corner ("Saved", "Copied"), read out politely and gone after a few seconds.
import { useCallback, useState } from 'preact/hooks'

interface Toast {
  id: number
  message: string
}

let nextId = 1

export function useToasts() {
  const [toasts, setToasts] = useState<Toast[]>([])
  const notify = useCallback((message: string) => {
    const id = nextId++
    setToasts((list) => [...list.slice(-2), { id, message }])
    setTimeout(() => setToasts((list) => list.filter((toast) => toast.id !== id)), 4000)
  }, [])
  return { toasts, notify }
}

export function Toasts(props: { toasts: Toast[] }) {
  return (
    <div class="toasts" aria-live="polite" role="status">
      {props.toasts.map((toast) => (
        <p class="toast" key={toast.id}>
          {toast.message}
        </p>
      ))}
    </div>
  )
}
