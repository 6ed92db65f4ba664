// The related article node: a card pointing to another story by id, showing its headline.
import { mergeAttributes, Node } from '@tiptap/core'
import { readId } from './figure.ts'
import { element } from './node-view-dom.ts'

export interface RelatedArticleOptions {
  /** The headline of a story, for the card; null when it cannot be found. */
  headline: (articleId: number) => Promise<string | null>
}

export const RelatedArticle = Node.create<RelatedArticleOptions>({
  name: 'relatedArticle',
  group: 'block',
  atom: true,
  draggable: true,

  addOptions() {
    return { headline: async () => null }
  },

  addAttributes() {
    return {
      articleId: {
        default: null,
        parseHTML: (html) => readId(html.getAttribute('data-article-id')),
        renderHTML: (attrs) => ({ 'data-article-id': attrs.articleId }),
      },
    }
  },

  parseHTML() {
    return [
      {
        tag: 'aside[data-article-id]',
        getAttrs: (node) => (readId(node.getAttribute('data-article-id')) ? null : false),
      },
    ]
  },

  renderHTML({ node, HTMLAttributes }) {
    return [
      'aside',
      mergeAttributes(HTMLAttributes, { class: 'related-article' }),
      `Related story ${node.attrs.articleId}`,
    ]
  },

  addNodeView() {
    const { headline } = this.options
    return ({ node }) => {
      const title = element('span', 'body-related__headline', '…')
      const dom = element(
        'aside',
        'node-view body-related',
        element('span', 'body-related__label', 'Related story'),
        title,
      )
      let articleId: number = node.attrs.articleId
      const show = () => {
        const asked = articleId
        title.textContent = '…'
        headline(asked).then(
          (text) => {
            if (asked === articleId) title.textContent = text ?? `Story ${asked} (not found)`
          },
          () => {
            if (asked === articleId) title.textContent = `Story ${asked}`
          },
        )
      }
      show()
      return {
        dom,
        update: (updated) => {
          if (updated.type !== node.type) return false
          if (updated.attrs.articleId !== articleId) {
            articleId = updated.attrs.articleId
            show()
          }
          return true
        },
        ignoreMutation: () => true,
      }
    }
  },
})
