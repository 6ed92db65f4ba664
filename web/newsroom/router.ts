// A tiny history-API router for the newsroom's paths under /admin: location, navigation, patterns.
import { useEffect, useState } from 'preact/hooks'

export const BASE = '/admin'

export interface Location {
  /** The path without a trailing slash: "/admin/stories/12". */
  path: string
  query: URLSearchParams
}

const listeners = new Set<() => void>()

/** Takes "/admin/stories" as it is and "/stories" (relative to /admin) as "/admin/stories". */
export function adminPath(path: string): string {
  if (path === BASE || path.startsWith(`${BASE}/`) || path.startsWith(`${BASE}?`)) return path
  return `${BASE}${path.startsWith('/') ? '' : '/'}${path}`
}

function readLocation(): Location {
  const path = window.location.pathname.replace(/\/+$/, '') || '/'
  return { path, query: new URLSearchParams(window.location.search) }
}

export function currentPath(): string {
  return window.location.pathname + window.location.search
}

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  const url = adminPath(path)
  if (url === currentPath()) return
  if (options.replace) window.history.replaceState(null, '', url)
  else {
    window.history.pushState(null, '', url)
    window.scrollTo(0, 0)
  }
  for (const listener of listeners) listener()
}

/** The current location; the component re-renders on every navigation and on back/forward. */
export function useLocation(): Location {
  const [location, setLocation] = useState(readLocation)
  useEffect(() => {
    const update = () => setLocation(readLocation())
    listeners.add(update)
    window.addEventListener('popstate', update)
    return () => {
      listeners.delete(update)
      window.removeEventListener('popstate', update)
    }
  }, [])
  return location
}

/** Matches "/admin/stories/:id" against a path; answers the named parts, or null. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/')
  const have = path.split('/')
  if (want.length !== have.length) return null
  const params: Record<string, string> = {}
  for (const [index, part] of want.entries()) {
    const actual = have[index] ?? ''
    if (part.startsWith(':')) {
      if (!actual) return null
      params[part.slice(1)] = decodeURIComponent(actual)
    } else if (part !== actual) return null
  }
  return params
}

/** A path with a query made of the non-empty values, in the given order. */
export function withQuery(
  path: string,
  params: Record<string, string | number | null | undefined>,
) {
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value))
  const text = search.toString()
  return text ? `${path}?${text}` : path
}

/** Navigates once when rendered: for views that only send the reader elsewhere. */
export function Redirect(props: { to: string }) {
  useEffect(() => navigate(props.to, { replace: true }), [props.to])
  return null
}
