// Hosts TipTap's framework-agnostic editor in a preact component: made on mount, destroyed on unmount.
import { Editor, type JSONContent } from '@tiptap/core'
import { useEffect, useReducer, useRef } from 'preact/hooks'
import type { BodyDoc } from '../api.ts'
import { bodyExtensions } from './body/extensions.ts'
import './body.css'

export interface BodyEditorProps {
  id: string
  /** The body as loaded; later changes to this prop are ignored (the editor owns the content). */
  body: BodyDoc
  dir: 'ltr' | 'rtl'
  lang: string
  editable: boolean
  headline: (articleId: number) => Promise<string | null>
  onReady: (editor: Editor | null) => void
  onChange: () => void
  onLinkShortcut: () => void
  onContentError: (message: string) => void
}

export function BodyEditor(props: BodyEditorProps) {
  const host = useRef<HTMLDivElement>(null)
  const editorRef = useRef<Editor | null>(null)
  const latest = useRef(props)
  latest.current = props

  useEffect(() => {
    if (!host.current) return
    const editor = new Editor({
      element: host.current,
      extensions: bodyExtensions({
        headline: (articleId) => latest.current.headline(articleId),
        onLinkShortcut: () => latest.current.onLinkShortcut(),
      }),
      content: props.body as JSONContent,
      editable: props.editable,
      injectCSS: false,
      enableContentCheck: true,
      onContentError: ({ error }) => latest.current.onContentError(error.message),
      editorProps: {
        attributes: {
          id: props.id,
          class: 'body-editor__content',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': 'Story body',
          dir: props.dir,
          lang: props.lang,
        },
      },
      onUpdate: ({ transaction }) => {
        // setEditable also emits "update"; only real edits make the story dirty.
        if (transaction.docChanged) latest.current.onChange()
      },
    })
    editorRef.current = editor
    latest.current.onReady(editor)
    return () => {
      latest.current.onReady(null)
      editorRef.current = null
      editor.destroy()
    }
  }, [])

  useEffect(() => {
    const editor = editorRef.current
    if (editor && editor.isEditable !== props.editable) editor.setEditable(props.editable)
  }, [props.editable])

  return <div ref={host} class="body-editor" />
}

/** Re-renders the calling component on every editor transaction (toolbar states, undo). */
export function useEditorTransactions(editor: Editor | null): void {
  const [, tick] = useReducer((count: number) => count + 1, 0)
  useEffect(() => {
    if (!editor) return
    const update = () => tick(undefined)
    editor.on('transaction', update)
    editor.on('focus', update)
    editor.on('blur', update)
    return () => {
      editor.off('transaction', update)
      editor.off('focus', update)
      editor.off('blur', update)
    }
  }, [editor])
}
