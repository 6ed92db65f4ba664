// The figure node: a photo from the media library by id, its caption and credit edited in place.
import { mergeAttributes, Node } from '@tiptap/core'
import {
  element,
  followEditable,
  isFieldEvent,
  labelledInput,
  showValue,
  updateAttributes,
} from './node-view-dom.ts'

/** The 640 px WebP rendition, as the media library serves it. */
export const thumbnailUrl = (mediaId: number) => `/media/${mediaId}/640.webp`

/** A positive integer id from an HTML attribute, or null. */
export function readId(value: string | null): number | null {
  const id = Number(value)
  return Number.isSafeInteger(id) && id > 0 ? id : null
}

export const Figure = Node.create({
  name: 'figure',
  group: 'block',
  atom: true,
  // Not draggable: its own text fields would start drags instead of selecting text.

  addAttributes() {
    return {
      mediaId: {
        default: null,
        parseHTML: (html) => readId(html.getAttribute('data-media-id')),
        renderHTML: (attrs) => ({ 'data-media-id': attrs.mediaId }),
      },
      caption: {
        default: '',
        rendered: false,
        parseHTML: (html) => html.querySelector('.figure-caption')?.textContent ?? '',
      },
      credit: {
        default: '',
        rendered: false,
        parseHTML: (html) => html.querySelector('.figure-credit')?.textContent ?? '',
      },
    }
  },

  parseHTML() {
    return [
      {
        tag: 'figure[data-media-id]',
        getAttrs: (node) => (readId(node.getAttribute('data-media-id')) ? null : false),
      },
    ]
  },

  renderHTML({ node, HTMLAttributes }) {
    return [
      'figure',
      mergeAttributes(HTMLAttributes),
      ['img', { src: thumbnailUrl(node.attrs.mediaId), alt: '' }],
      [
        'figcaption',
        ['span', { class: 'figure-caption' }, node.attrs.caption],
        ' ',
        ['span', { class: 'figure-credit' }, node.attrs.credit],
      ],
    ]
  },

  addNodeView() {
    return ({ node, view, getPos, editor }) => {
      const image = element('img', 'body-figure__image')
      image.alt = ''
      image.src = thumbnailUrl(node.attrs.mediaId)
      const caption = labelledInput('Caption', node.attrs.caption)
      const credit = labelledInput('Credit', node.attrs.credit)
      caption.input.addEventListener('input', () =>
        updateAttributes(view, getPos, { caption: caption.input.value }),
      )
      credit.input.addEventListener('input', () =>
        updateAttributes(view, getPos, { credit: credit.input.value }),
      )
      const dom = element(
        'figure',
        'node-view body-figure',
        image,
        element('figcaption', 'body-figure__fields', caption.field, credit.field),
      )
      const unfollow = followEditable(editor, [caption.input, credit.input])
      let mediaId = node.attrs.mediaId
      return {
        dom,
        update: (updated) => {
          if (updated.type !== node.type) return false
          if (updated.attrs.mediaId !== mediaId) {
            mediaId = updated.attrs.mediaId
            image.src = thumbnailUrl(mediaId)
          }
          showValue(caption.input, updated.attrs.caption)
          showValue(credit.input, updated.attrs.credit)
          return true
        },
        stopEvent: isFieldEvent,
        ignoreMutation: () => true,
        destroy: unfollow,
      }
    }
  },
})
