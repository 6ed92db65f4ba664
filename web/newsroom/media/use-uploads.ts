// Photo uploads in flight: a few at a time, each with its own progress and the server's verdict.
import { useRef, useState } from 'preact/hooks'
import { api, type Media } from '../api.ts'
import { useApp } from '../app-context.ts'

export const ACCEPTED_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/avif']
const AT_ONCE = 3

export interface Upload {
  id: number
  file: File
  /** 0..1 of the bytes sent. */
  progress: number
  state: 'waiting' | 'uploading' | 'done' | 'failed'
  error: string
  media?: Media
}

let nextId = 1

export function useUploads(onUploaded: (media: Media) => void) {
  const { handleError } = useApp()
  const [uploads, setUploads] = useState<Upload[]>([])
  const queue = useRef<Upload[]>([])
  const running = useRef(0)
  const latestOnUploaded = useRef(onUploaded)
  latestOnUploaded.current = onUploaded

  const patch = (id: number, changes: Partial<Upload>) =>
    setUploads((list) => list.map((item) => (item.id === id ? { ...item, ...changes } : item)))

  const pump = () => {
    while (running.current < AT_ONCE && queue.current.length > 0) {
      const upload = queue.current.shift()!
      running.current++
      patch(upload.id, { state: 'uploading' })
      api
        .uploadMedia(upload.file, (progress) => patch(upload.id, { progress }))
        .then(
          (media) => {
            patch(upload.id, { state: 'done', progress: 1, media })
            latestOnUploaded.current(media)
          },
          (failure: unknown) => patch(upload.id, { state: 'failed', error: handleError(failure) }),
        )
        .finally(() => {
          running.current--
          pump()
        })
    }
  }

  const add = (files: File[]) => {
    const fresh = files.map((file): Upload => {
      const accepted = ACCEPTED_TYPES.includes(file.type)
      return {
        id: nextId++,
        file,
        progress: 0,
        state: accepted ? 'waiting' : 'failed',
        error: accepted ? '' : 'Not a JPEG, PNG, WebP or AVIF image.',
      }
    })
    setUploads((list) => [...list, ...fresh])
    queue.current.push(...fresh.filter((upload) => upload.state === 'waiting'))
    pump()
  }

  const clearFinished = () =>
    setUploads((list) =>
      list.filter((item) => item.state === 'waiting' || item.state === 'uploading'),
    )

  return { uploads, add, clearFinished }
}
