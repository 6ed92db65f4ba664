// The body's formatting toolbar: one tab stop, arrow keys between buttons, pressed states announced.
import type { Editor } from '@tiptap/core'
import { useEffect, useRef } from 'preact/hooks'
import { useEditorTransactions } from './body-editor.tsx'
import { announceShortcut, showShortcut } from './shortcuts.ts'

export type InsertDialog = 'link' | 'figure' | 'related' | 'embed'

interface Tool {
  label: string
  /** What the button shows; the label is its accessible name. */
  face: string
  shortcut?: string
  /** Toggles have a pressed state; insertions and undo do not. */
  pressed?: (editor: Editor) => boolean
  enabled?: (editor: Editor) => boolean
  run: (editor: Editor, open: (dialog: InsertDialog) => void) => void
}

const chain = (editor: Editor) => editor.chain().focus()

const heading = (level: 2 | 3 | 4): Tool => ({
  label: `Heading ${level}`,
  face: `H${level}`,
  shortcut: `Mod-Alt-${level}`,
  pressed: (editor) => editor.isActive('heading', { level }),
  enabled: (editor) => editor.can().toggleHeading({ level }),
  run: (editor) => chain(editor).toggleHeading({ level }).run(),
})

const GROUPS: Tool[][] = [
  [
    {
      label: 'Bold',
      face: 'B',
      shortcut: 'Mod-B',
      pressed: (editor) => editor.isActive('bold'),
      enabled: (editor) => editor.can().toggleBold(),
      run: (editor) => chain(editor).toggleBold().run(),
    },
    {
      label: 'Italic',
      face: 'I',
      shortcut: 'Mod-I',
      pressed: (editor) => editor.isActive('italic'),
      enabled: (editor) => editor.can().toggleItalic(),
      run: (editor) => chain(editor).toggleItalic().run(),
    },
    {
      label: 'Link',
      face: 'Link',
      shortcut: 'Mod-K',
      pressed: (editor) => editor.isActive('link'),
      enabled: (editor) => editor.can().setMark('link', { href: 'https://example.com' }),
      run: (_editor, open) => open('link'),
    },
  ],
  [heading(2), heading(3), heading(4)],
  [
    {
      label: 'Bulleted list',
      face: '• List',
      shortcut: 'Mod-Shift-8',
      pressed: (editor) => editor.isActive('bulletList'),
      enabled: (editor) => editor.can().toggleBulletList(),
      run: (editor) => chain(editor).toggleBulletList().run(),
    },
    {
      label: 'Numbered list',
      face: '1. List',
      shortcut: 'Mod-Shift-7',
      pressed: (editor) => editor.isActive('orderedList'),
      enabled: (editor) => editor.can().toggleOrderedList(),
      run: (editor) => chain(editor).toggleOrderedList().run(),
    },
    {
      label: 'Quotation',
      face: '“ ”',
      shortcut: 'Mod-Shift-B',
      pressed: (editor) => editor.isActive('blockquote'),
      enabled: (editor) => editor.can().toggleBlockquote(),
      run: (editor) => chain(editor).toggleBlockquote().run(),
    },
    {
      label: 'Pull quote',
      face: 'Pull quote',
      pressed: (editor) => editor.isActive('pullQuote'),
      enabled: (editor) => editor.can().toggleNode('pullQuote', 'paragraph'),
      run: (editor) => chain(editor).toggleNode('pullQuote', 'paragraph').run(),
    },
  ],
  [
    {
      label: 'Horizontal rule',
      face: '―',
      enabled: (editor) => editor.can().setHorizontalRule(),
      run: (editor) => chain(editor).setHorizontalRule().run(),
    },
    { label: 'Photo', face: 'Photo', run: (_editor, open) => open('figure') },
    { label: 'Related story', face: 'Related', run: (_editor, open) => open('related') },
    { label: 'Embed', face: 'Embed', run: (_editor, open) => open('embed') },
  ],
  [
    {
      label: 'Undo',
      face: '↶',
      shortcut: 'Mod-Z',
      enabled: (editor) => editor.can().undo(),
      run: (editor) => chain(editor).undo().run(),
    },
    {
      label: 'Redo',
      face: '↷',
      shortcut: 'Mod-Shift-Z',
      enabled: (editor) => editor.can().redo(),
      run: (editor) => chain(editor).redo().run(),
    },
  ],
]

/** Arrow keys move along the toolbar (mirrored right to left); Tab leaves it. */
function useRovingFocus(toolbar: { current: HTMLDivElement | null }) {
  useEffect(() => {
    const root = toolbar.current
    if (!root) return
    const buttons = () => [...root.querySelectorAll<HTMLButtonElement>('button')]
    const settle = (current: HTMLButtonElement | undefined) => {
      for (const button of buttons()) button.tabIndex = button === current ? 0 : -1
    }
    settle(buttons()[0])
    const focusin = (event: FocusEvent) => settle(event.target as HTMLButtonElement)
    const keydown = (event: KeyboardEvent) => {
      const all = buttons()
      const index = all.indexOf(event.target as HTMLButtonElement)
      if (index < 0) return
      const rtl = getComputedStyle(root).direction === 'rtl'
      const step = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1 }[event.key]
      let next: HTMLButtonElement | undefined
      if (step) next = all[(index + step + all.length) % all.length]
      else if (event.key === 'Home') next = all[0]
      else if (event.key === 'End') next = all.at(-1)
      if (!next) return
      event.preventDefault()
      next.focus()
    }
    root.addEventListener('focusin', focusin)
    root.addEventListener('keydown', keydown)
    return () => {
      root.removeEventListener('focusin', focusin)
      root.removeEventListener('keydown', keydown)
    }
  }, [toolbar])
}

export function Toolbar(props: {
  editor: Editor | null
  editable: boolean
  controls: string
  onOpen: (dialog: InsertDialog) => void
}) {
  const { editor, editable, onOpen } = props
  const toolbar = useRef<HTMLDivElement>(null)
  useEditorTransactions(editor)
  useRovingFocus(toolbar)

  return (
    <div
      ref={toolbar}
      role="toolbar"
      aria-label="Body formatting"
      aria-controls={props.controls}
      class="editor-toolbar"
    >
      {GROUPS.map((tools) => (
        <div class="editor-toolbar__group" key={tools[0]?.label}>
          {tools.map((tool) => {
            const usable = editor !== null && editable && (tool.enabled?.(editor) ?? true)
            const title = tool.shortcut
              ? `${tool.label} (${showShortcut(tool.shortcut)})`
              : tool.label
            return (
              <button
                key={tool.label}
                type="button"
                class="editor-toolbar__button"
                aria-label={tool.label}
                title={title}
                aria-keyshortcuts={tool.shortcut ? announceShortcut(tool.shortcut) : undefined}
                aria-pressed={tool.pressed && editor ? tool.pressed(editor) : undefined}
                // aria-disabled rather than disabled: the buttons stay reachable with the arrow keys.
                aria-disabled={!usable}
                onClick={() => {
                  if (usable && editor) tool.run(editor, onOpen)
                }}
              >
                <span aria-hidden="true">{tool.face}</span>
              </button>
            )
          })}
        </div>
      ))}
    </div>
  )
}
