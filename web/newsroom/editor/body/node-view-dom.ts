// Plain-DOM helpers shared by the body's node views: elements, labelled fields, attribute updates.
import type { Editor } from '@tiptap/core'
import type { EditorView } from '@tiptap/pm/view'

export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag)
  if (className) node.className = className
  node.append(...children)
  return node
}

let fieldCount = 0

/** A text input with a visible label, for an attribute edited inside a node view. */
export function labelledInput(
  label: string,
  value: string,
): { field: HTMLElement; input: HTMLInputElement } {
  const input = element('input', 'node-view__input')
  input.type = 'text'
  input.value = value
  input.id = `node-view-field-${++fieldCount}`
  const caption = element('label', 'node-view__label', label)
  caption.htmlFor = input.id
  return { field: element('span', 'node-view__field', caption, input), input }
}

/** Sets some attributes of the node at `getPos()`, as one undoable step. */
export function updateAttributes(
  view: EditorView,
  getPos: () => number | undefined,
  attrs: Record<string, unknown>,
): void {
  const pos = getPos()
  if (pos === undefined) return
  const node = view.state.doc.nodeAt(pos)
  if (!node) return
  view.dispatch(view.state.tr.setNodeMarkup(pos, undefined, { ...node.attrs, ...attrs }))
}

/** Events in a node view's own fields and buttons are theirs, not ProseMirror's. */
export function isFieldEvent(event: Event): boolean {
  const target = event.target
  return target instanceof HTMLElement && target.closest('input, textarea, button, select') !== null
}

/** Shows an attribute's new value unless the person is typing in that very field. */
export function showValue(input: HTMLInputElement, value: unknown): void {
  const text = typeof value === 'string' ? value : ''
  if (document.activeElement !== input && input.value !== text) input.value = text
}

/** Keeps the fields of a node view disabled while the editor is read-only; returns the cleanup. */
export function followEditable(editor: Editor, fields: HTMLInputElement[]): () => void {
  const sync = () => {
    for (const field of fields) field.disabled = !editor.isEditable
  }
  sync()
  editor.on('update', sync)
  return () => {
    editor.off('update', sync)
  }
}
