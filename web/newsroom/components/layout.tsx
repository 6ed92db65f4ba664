// The signed-in frame: a skip link, the navigation the person's permissions allow, and the view.
import type { ComponentChildren } from 'preact'
import { useEffect, useRef, useState } from 'preact/hooks'
import { api } from '../api.ts'
import { useApp } from '../app-context.ts'
import { navigate } from '../router.ts'
import { Link } from './link.tsx'
import { RoleBadge } from './role-badge.tsx'

interface NavItem {
  href: string
  label: string
  permission?: string
  /** Other paths under which the item counts as the current one. */
  prefix?: string
}

const NAV: NavItem[] = [
  { href: '/admin/stories', label: 'Stories', prefix: '/admin/stories' },
  { href: '/admin/media', label: 'Media' },
  {
    href: '/admin/comments',
    label: 'Comments',
    permission: 'comments.moderate',
    prefix: '/admin/comments',
  },
  { href: '/admin/chats', label: 'Chats', permission: 'chat.manage', prefix: '/admin/chats' },
  { href: '/admin/subscribers', label: 'Subscribers', permission: 'subscribers.manage' },
  { href: '/admin/staff', label: 'Staff', permission: 'staff.manage' },
  { href: '/admin/audit', label: 'Audit log', permission: 'audit.read' },
  {
    href: '/admin/settings/community',
    label: 'Settings',
    permission: 'settings.manage',
    prefix: '/admin/settings',
  },
  { href: '/admin/outbox', label: 'Outbox', permission: 'outbox.read' },
  { href: '/admin/api-keys', label: 'API keys', permission: 'api.manage' },
  { href: '/admin/webhooks', label: 'Webhooks', permission: 'webhooks.manage' },
]

const isCurrent = (item: NavItem, path: string) =>
  path === item.href ||
  (item.prefix !== undefined && path.startsWith(item.prefix)) ||
  (item.href === '/admin/stories' && path === '/admin')

export function Layout(props: { path: string; wide?: boolean; children: ComponentChildren }) {
  const { staff, can, setSession, handleError, notify } = useApp()
  const [leaving, setLeaving] = useState(false)
  const main = useRef<HTMLElement>(null)
  const firstPath = useRef(props.path)

  // After an in-app navigation, move focus to the new view's heading so it is announced,
  // unless the view has already put focus somewhere of its own.
  useEffect(() => {
    if (props.path === firstPath.current) return
    firstPath.current = ''
    const active = document.activeElement
    if (active && active !== document.body && !active.closest('.app-header')) return
    const heading = main.current?.querySelector<HTMLElement>('h1')
    ;(heading ?? main.current)?.focus({ preventScroll: true })
  }, [props.path])

  const logout = async () => {
    setLeaving(true)
    try {
      await api.logout()
      setSession(await api.session())
      navigate('/admin/login')
    } catch (error) {
      notify(handleError(error))
      setLeaving(false)
    }
  }

  return (
    <>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="app-header">
        <Link class="brand" href="/admin/stories">
          Dateline <span>newsroom</span>
        </Link>
        <nav class="app-nav" aria-label="Newsroom">
          <ul>
            {NAV.filter((item) => !item.permission || can(item.permission)).map((item) => (
              <li key={item.href}>
                <Link
                  href={item.href}
                  aria-current={isCurrent(item, props.path) ? 'page' : undefined}
                >
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div class="app-user">
          <Link
            href="/admin/account"
            class="app-user-name"
            aria-current={props.path === '/admin/account' ? 'page' : undefined}
          >
            {staff.name}
          </Link>
          <RoleBadge role={staff.role} />
          <button
            type="button"
            class="button button-quiet"
            disabled={leaving}
            onClick={() => void logout()}
          >
            Log out
          </button>
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1} class={props.wide ? 'app-main wide' : 'app-main'}>
        {props.children}
      </main>
    </>
  )
}
