// The editor's extension list: StarterKit cut down to the server's body schema, plus our own nodes.
import { type AnyExtension, Extension, type Extensions } from '@tiptap/core'
import { StarterKit } from '@tiptap/starter-kit'
import { Embed } from './embed.ts'
import { Figure } from './figure.ts'
import { isLinkHref } from './link-href.ts'
import { PullQuote } from './pull-quote.ts'
import { RelatedArticle } from './related-article.ts'

/** The server's blockquote holds text blocks and lists, not figures or embeds (schema.ts). */
const BLOCKQUOTE_CONTENT = '(paragraph | heading | bulletList | orderedList)+'

const BodyKit = StarterKit.extend({
  addExtensions() {
    const parent = this.parent?.() ?? []
    return parent.map((extension: AnyExtension) =>
      extension.name === 'blockquote'
        ? extension.extend({ content: BLOCKQUOTE_CONTENT })
        : extension,
    )
  },
})

export interface BodyExtensionOptions {
  /** The headline of a related story, for its card in the editor. */
  headline?: (articleId: number) => Promise<string | null>
  /** Mod-K: ask for a link address. */
  onLinkShortcut?: () => void
}

const LinkShortcut = Extension.create<{ onLinkShortcut: () => void }>({
  name: 'linkShortcut',
  addOptions() {
    return { onLinkShortcut: () => {} }
  },
  addKeyboardShortcuts() {
    return {
      'Mod-k': () => {
        this.options.onLinkShortcut()
        return true
      },
    }
  },
})

/**
 * Everything the body allows and nothing more. Deliberately not TipTap's `textDirection` option:
 * it writes a `dir` attribute into every node, which the server rejects; the page sets `dir`
 * on the editable element instead.
 */
export function bodyExtensions(options: BodyExtensionOptions = {}): Extensions {
  const extensions: Extensions = [
    BodyKit.configure({
      code: false,
      codeBlock: false,
      strike: false,
      underline: false,
      heading: { levels: [2, 3, 4] },
      link: {
        openOnClick: false,
        enableClickSelection: false,
        autolink: true,
        linkOnPaste: true,
        defaultProtocol: 'https',
        // http, https and mailto are linkify's own schemes; anything else must not become a link.
        isAllowedUri: (url) => isLinkHref(url),
        shouldAutoLink: (url) => isLinkHref(url),
        HTMLAttributes: { target: null, rel: 'noopener noreferrer nofollow', class: null },
      },
    }),
    Figure,
    PullQuote,
    RelatedArticle.configure(options.headline ? { headline: options.headline } : {}),
    Embed,
  ]
  if (options.onLinkShortcut) {
    extensions.push(LinkShortcut.configure({ onLinkShortcut: options.onLinkShortcut }))
  }
  return extensions
}
