// The pull quote node: a short quotation set large, plain text only, with its attribution.
import { mergeAttributes, Node } from '@tiptap/core'
import {
  element,
  followEditable,
  isFieldEvent,
  labelledInput,
  showValue,
  updateAttributes,
} from './node-view-dom.ts'

export const PullQuote = Node.create({
  name: 'pullQuote',
  group: 'block',
  content: 'text*',
  marks: '',
  defining: true,

  addAttributes() {
    return {
      attribution: {
        default: '',
        rendered: false,
        parseHTML: (html) => html.querySelector('figcaption')?.textContent ?? '',
      },
    }
  },

  parseHTML() {
    return [{ tag: 'figure.pull-quote', contentElement: 'blockquote' }]
  },

  renderHTML({ node, HTMLAttributes }) {
    return [
      'figure',
      mergeAttributes(HTMLAttributes, { class: 'pull-quote' }),
      ['blockquote', 0],
      ['figcaption', node.attrs.attribution],
    ]
  },

  addNodeView() {
    return ({ node, view, getPos, editor }) => {
      const quote = element('blockquote', 'body-pull-quote__text')
      const attribution = labelledInput('Attribution', node.attrs.attribution)
      attribution.input.addEventListener('input', () =>
        updateAttributes(view, getPos, { attribution: attribution.input.value }),
      )
      const caption = element('figcaption', 'body-pull-quote__fields', attribution.field)
      caption.contentEditable = 'false'
      const dom = element('figure', 'node-view body-pull-quote', quote, caption)
      const unfollow = followEditable(editor, [attribution.input])
      return {
        dom,
        contentDOM: quote,
        update: (updated) => {
          if (updated.type !== node.type) return false
          showValue(attribution.input, updated.attrs.attribution)
          return true
        },
        stopEvent: isFieldEvent,
        ignoreMutation: (mutation) => !quote.contains(mutation.target),
        destroy: unfollow,
      }
    }
  },
})
