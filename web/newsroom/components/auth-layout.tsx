// The plain frame around the signed-out views: login, setup and invitation.
import type { ComponentChildren } from 'preact'
import { usePageTitle } from './page-header.tsx'

export function AuthLayout(props: { title: string; children: ComponentChildren }) {
  usePageTitle(props.title)
  return (
    <main class="auth">
      <div class="auth-card">
        <p class="brand">Dateline newsroom</p>
        <h1>{props.title}</h1>
        {props.children}
      </div>
    </main>
  )
}
