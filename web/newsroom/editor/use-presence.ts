// Tells the server this story is open (now and every 10 s), answers who else has it, leaves on unmount.
import { useEffect, useState } from 'preact/hooks'
import { api } from '../api.ts'

const EVERY = 10_000

export function usePresence(storyId: number): { id: number; name: string }[] {
  const [others, setOthers] = useState<{ id: number; name: string }[]>([])
  useEffect(() => {
    let open = true
    const ping = () => {
      api.presence(storyId).then(
        (answer) => {
          if (open) setOthers(answer.others)
        },
        // Presence is a courtesy: a missed beat only delays the warning.
        () => {},
      )
    }
    ping()
    const timer = setInterval(ping, EVERY)
    return () => {
      open = false
      clearInterval(timer)
      api.leave(storyId).catch(() => {})
    }
  }, [storyId])
  return others
}
