// What every newsroom view may ask of the app: the session, permission checks, errors and notices.
import { createContext } from 'preact'
import { useContext } from 'preact/hooks'
import type { Session, Staff } from './api.ts'

export interface AppContextValue {
  session: Session
  /** The signed-in person; views under the signed-in layout only render when there is one. */
  staff: Staff
  setSession: (session: Session) => void
  can: (action: string) => boolean
  /** The message to show for a failed call; a 401 also sends the person to the login page. */
  handleError: (error: unknown) => string
  notify: (message: string) => void
}

export const AppContext = createContext<AppContextValue | null>(null)

export function useApp(): AppContextValue {
  const value = useContext(AppContext)
  if (!value) throw new Error('useApp outside the signed-in app')
  return value
}
