// The embed node: an external page (video, post, map) by URL with a title, shown as a link card.
import { mergeAttributes, Node } from '@tiptap/core'
import { isHttpUrl } from './link-href.ts'
import {
  element,
  followEditable,
  isFieldEvent,
  labelledInput,
  showValue,
  updateAttributes,
} from './node-view-dom.ts'

export const Embed = Node.create({
  name: 'embed',
  group: 'block',
  atom: true,
  // Not draggable: its own text fields would start drags instead of selecting text.

  addAttributes() {
    return {
      url: {
        default: null,
        parseHTML: (html) => html.getAttribute('data-embed-url'),
        renderHTML: (attrs) => ({ 'data-embed-url': attrs.url }),
      },
      title: {
        default: '',
        rendered: false,
        parseHTML: (html) => html.querySelector('a')?.textContent ?? '',
      },
    }
  },

  parseHTML() {
    return [
      {
        tag: 'div[data-embed-url]',
        getAttrs: (node) => (isHttpUrl(node.getAttribute('data-embed-url') ?? '') ? null : false),
      },
    ]
  },

  renderHTML({ node, HTMLAttributes }) {
    return [
      'div',
      mergeAttributes(HTMLAttributes, { class: 'embed' }),
      ['a', { href: node.attrs.url }, node.attrs.title],
    ]
  },

  addNodeView() {
    return ({ node, view, getPos, editor }) => {
      const url = labelledInput('Embed URL', node.attrs.url)
      url.input.type = 'url'
      const title = labelledInput('Title', node.attrs.title)
      const problem = element('span', 'node-view__problem')
      problem.id = `${url.input.id}-problem`
      url.input.setAttribute('aria-describedby', problem.id)
      url.input.addEventListener('change', () => {
        const value = url.input.value.trim()
        const valid = isHttpUrl(value)
        url.input.setAttribute('aria-invalid', String(!valid))
        problem.textContent = valid ? '' : 'Use an address starting with http:// or https://'
        if (valid) updateAttributes(view, getPos, { url: value })
      })
      title.input.addEventListener('input', () =>
        updateAttributes(view, getPos, { title: title.input.value }),
      )
      const dom = element(
        'div',
        'node-view body-embed',
        element('span', 'body-embed__label', 'Embed'),
        url.field,
        problem,
        title.field,
      )
      const unfollow = followEditable(editor, [url.input, title.input])
      return {
        dom,
        update: (updated) => {
          if (updated.type !== node.type) return false
          showValue(url.input, updated.attrs.url)
          showValue(title.input, updated.attrs.title)
          return true
        },
        stopEvent: isFieldEvent,
        ignoreMutation: () => true,
        destroy: unfollow,
      }
    }
  },
})
