// A view's heading and its main actions; also names the browser tab after the view.
import type { ComponentChildren } from 'preact'
import { useEffect } from 'preact/hooks'

export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Dateline newsroom`
  }, [title])
}

export function PageHeader(props: { title: string; children?: ComponentChildren }) {
  usePageTitle(props.title)
  return (
    <header class="page-header">
      <h1 tabIndex={-1}>{props.title}</h1>
      {props.children && <div class="page-actions">{props.children}</div>}
    </header>
  )
}
