// What the toolbar's dialogs do to the body once they close: links, photos, related stories, embeds.
import type { Editor, JSONContent } from '@tiptap/core'
import { TextSelection } from '@tiptap/pm/state'
import type { Media } from '../api.ts'

/**
 * Inserts a block after the selection, never over it, and leaves the cursor where typing goes on:
 * in the rest of a paragraph the block split, or else in an empty paragraph after the block.
 */
function insertBlock(editor: Editor, block: JSONContent): void {
  const { $to } = editor.state.selection
  const splits =
    $to.parent.isTextblock && $to.parentOffset > 0 && $to.parentOffset < $to.parent.content.size
  editor
    .chain()
    .focus()
    .insertContentAt($to.pos, block)
    .command(({ tr, dispatch }) => {
      if (!dispatch) return true
      const after = tr.selection.$to
      const next = after.nodeAfter
      const paragraph = tr.doc.type.schema.nodes.paragraph
      const reusable = next?.isTextblock && (splits || next.content.size === 0)
      if (!reusable && paragraph) tr.insert(after.pos, paragraph.create())
      tr.setSelection(TextSelection.near(tr.doc.resolve(after.pos + 1)))
      tr.scrollIntoView()
      return true
    })
    .run()
}

export function setLink(editor: Editor, href: string): void {
  const chain = editor.chain().focus()
  if (editor.state.selection.empty && !editor.isActive('link')) {
    // Nothing selected: the address itself becomes the linked text.
    chain.insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] })
  } else {
    chain.extendMarkRange('link').setLink({ href })
  }
  chain.run()
}

export function removeLink(editor: Editor): void {
  editor.chain().focus().extendMarkRange('link').unsetLink().run()
}

export function insertFigure(editor: Editor, media: Media): void {
  insertBlock(editor, {
    type: 'figure',
    attrs: { mediaId: media.id, caption: media.caption, credit: media.credit },
  })
}

export function insertRelatedArticle(editor: Editor, articleId: number): void {
  insertBlock(editor, { type: 'relatedArticle', attrs: { articleId } })
}

export function insertEmbed(editor: Editor, embed: { url: string; title: string }): void {
  insertBlock(editor, { type: 'embed', attrs: embed })
}

/** The href of the link at the cursor, or an empty string. */
export function currentHref(editor: Editor): string {
  const href: unknown = editor.getAttributes('link').href
  return typeof href === 'string' ? href : ''
}
