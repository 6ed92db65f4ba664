// The newsroom app: loads the session, picks the view for the address, sends signed-out people to login.
import type { ComponentChild } from 'preact'
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks'
import { ApiError, api, type Session } from './api.ts'
import { AppContext, type AppContextValue } from './app-context.ts'
import { ChatsPage } from './chats/chats-page.tsx'
import { ChatRoomPage } from './chats/room-page.tsx'
import { CommentsPage } from './comments/comments-page.tsx'
import { CommunitySettingsPage } from './comments/community-settings-page.tsx'
import { ModerationLogPage } from './comments/moderation-log-page.tsx'
import { Button } from './components/button.tsx'
import { Layout } from './components/layout.tsx'
import { StatusMessage } from './components/status-message.tsx'
import { Toasts, useToasts } from './components/toasts.tsx'
import { EditorPage } from './editor/editor-page.tsx'
import { MediaLibraryPage } from './media/media-library-page.tsx'
import { AccountPage } from './pages/account-page.tsx'
import { ApiKeysPage } from './pages/api-keys-page.tsx'
import { AuditPage } from './pages/audit-page.tsx'
import { errorMessage } from './pages/error-message.ts'
import { InvitePage } from './pages/invite-page.tsx'
import { afterLogin, LoginPage } from './pages/login-page.tsx'
import { NotFoundPage } from './pages/not-found-page.tsx'
import { OutboxPage } from './pages/outbox-page.tsx'
import { SetupPage } from './pages/setup-page.tsx'
import { StaffPage } from './pages/staff-page.tsx'
import { StoryListPage } from './pages/story-list-page.tsx'
import { WebhooksPage } from './pages/webhooks-page.tsx'
import {
  currentPath,
  type Location,
  match,
  navigate,
  Redirect,
  useLocation,
  withQuery,
} from './router.ts'
import { SubscribersPage } from './subscribers/subscribers-page.tsx'

const SIGNED_OUT: Pick<Session, 'staff' | 'permissions'> = { staff: null, permissions: [] }

export function App() {
  const location = useLocation()
  const [session, setSession] = useState<Session | null>(null)
  const [bootError, setBootError] = useState('')
  const { toasts, notify } = useToasts()
  const expiring = useRef(false)

  const load = useCallback(() => {
    setBootError('')
    api.session().then(setSession, (error: unknown) => setBootError(errorMessage(error)))
  }, [])
  useEffect(load, [])

  /** The server no longer knows this person: to the login page, then back where they were. */
  const expire = useCallback(() => {
    if (expiring.current) return
    expiring.current = true
    const next = currentPath()
    setSession((old) => old && { ...old, ...SIGNED_OUT })
    navigate(withQuery('/admin/login', { next }), { replace: true })
    // A fresh session brings the CSRF token the login form needs; its staff is ignored, so an odd
    // 401 beside a live session ends on the login form instead of bouncing back and forth.
    api
      .session()
      .then(
        (fresh) => setSession({ ...fresh, ...SIGNED_OUT }),
        () => undefined,
      )
      .finally(() => {
        expiring.current = false
      })
  }, [])

  const handleError = useCallback(
    (error: unknown) => {
      if (error instanceof ApiError && error.status === 401) {
        expire()
        return 'Your session has ended. Please log in again.'
      }
      return errorMessage(error)
    },
    [expire],
  )

  // A 401 that a view left unhandled still ends the session.
  useEffect(() => {
    const onRejection = (event: PromiseRejectionEvent) => {
      if (event.reason instanceof ApiError && event.reason.status === 401) expire()
    }
    window.addEventListener('unhandledrejection', onRejection)
    return () => window.removeEventListener('unhandledrejection', onRejection)
  }, [expire])

  const context = useMemo((): AppContextValue | null => {
    if (!session?.staff) return null
    const permissions = new Set(session.permissions)
    const can = (action: string) => permissions.has(action)
    return { session, staff: session.staff, setSession, can, handleError, notify }
  }, [session, handleError, notify])

  if (!session)
    return (
      <main class="boot">
        {bootError ? (
          <>
            <StatusMessage message={bootError} />
            <Button onClick={load}>Try again</Button>
          </>
        ) : (
          <p aria-busy="true">Loading the newsroom…</p>
        )}
      </main>
    )

  const signedOut = signedOutView(location, session, setSession)
  if (signedOut) return signedOut
  if (!context) {
    const next = location.path === '/admin' ? undefined : currentPath()
    return <Redirect to={withQuery('/admin/login', { next })} />
  }

  const view = signedInView(location, context)
  return (
    <AppContext.Provider value={context}>
      <Layout path={location.path} wide={view.wide}>
        {view.node}
      </Layout>
      <Toasts toasts={toasts} />
    </AppContext.Provider>
  )
}

function signedOutView(
  { path, query }: Location,
  session: Session,
  onSession: (session: Session) => void,
): ComponentChild | null {
  const token = query.get('token') ?? ''
  switch (path) {
    case '/admin/login':
      if (session.staff) return <Redirect to={afterLogin(query.get('next'))} />
      return <LoginPage session={session} next={query.get('next')} onSession={onSession} />
    case '/admin/setup':
      return <SetupPage session={session} token={token} onSession={onSession} />
    case '/admin/invite':
      return <InvitePage token={token} onSession={onSession} />
    default:
      return null
  }
}

function signedInView(
  { path, query }: Location,
  app: AppContextValue,
): { node: ComponentChild; wide?: boolean } {
  if (path === '/admin' || path === '/admin/stories')
    return { node: <StoryListPage query={query} /> }
  const story = match('/admin/stories/:id', path)
  const id = Number(story?.id)
  if (story && Number.isInteger(id) && id > 0)
    return {
      node: <EditorPage key={id} id={id} session={app.session} navigate={navigate} />,
      wide: true,
    }
  const denied = { node: <NotFoundPage title="Not allowed" message="Your role cannot see this." /> }
  const chatRoom = match('/admin/chats/:id', path)
  const chatRoomId = Number(chatRoom?.id)
  if (chatRoom && Number.isInteger(chatRoomId) && chatRoomId > 0)
    return app.can('chat.manage')
      ? { node: <ChatRoomPage key={chatRoomId} id={chatRoomId} /> }
      : denied
  switch (path) {
    case '/admin/media':
      return { node: <MediaLibraryPage />, wide: true }
    case '/admin/staff':
      return app.can('staff.manage') ? { node: <StaffPage /> } : denied
    case '/admin/audit':
      return app.can('audit.read') ? { node: <AuditPage /> } : denied
    case '/admin/comments':
      return app.can('comments.moderate') ? { node: <CommentsPage query={query} /> } : denied
    case '/admin/comments/log':
      return app.can('comments.moderate') ? { node: <ModerationLogPage /> } : denied
    case '/admin/chats':
      return app.can('chat.manage') ? { node: <ChatsPage query={query} /> } : denied
    case '/admin/settings':
      return app.can('settings.manage')
        ? { node: <Redirect to="/admin/settings/community" /> }
        : denied
    case '/admin/settings/community':
      return app.can('settings.manage') ? { node: <CommunitySettingsPage query={query} /> } : denied
    case '/admin/subscribers':
      return app.can('subscribers.manage') ? { node: <SubscribersPage query={query} /> } : denied
    case '/admin/outbox':
      return app.can('outbox.read') ? { node: <OutboxPage /> } : denied
    case '/admin/api-keys':
      return app.can('api.manage') ? { node: <ApiKeysPage /> } : denied
    case '/admin/webhooks':
      return app.can('webhooks.manage') ? { node: <WebhooksPage /> } : denied
    case '/admin/account':
      return { node: <AccountPage /> }
    default:
      return { node: <NotFoundPage /> }
  }
}
