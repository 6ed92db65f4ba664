import { expect, test } from 'vitest'
import { tiptapDocument } from './body.fixture.ts'
import { collectReferences, plainText } from './references.ts'
import type { BodyDoc } from './types.ts'
import { validateBody } from './validate.ts'

const body: BodyDoc = {
  type: 'doc',
  content: [
    { type: 'figure', attrs: { mediaId: 9, caption: 'Not in the text', credit: '' } },
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Title' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'one', marks: [{ type: 'bold' }] },
        { type: 'hardBreak' },
        { type: 'text', text: 'two' },
      ],
    },
    { type: 'paragraph' },
    { type: 'relatedArticle', attrs: { articleId: 4 } },
    {
      type: 'bulletList',
      content: [
        {
          type: 'listItem',
          content: [
            { type: 'paragraph', content: [{ type: 'text', text: 'item' }] },
            { type: 'figure', attrs: { mediaId: 2, caption: '', credit: '' } },
            { type: 'figure', attrs: { mediaId: 9, caption: '', credit: '' } },
            { type: 'relatedArticle', attrs: { articleId: 1 } },
          ],
        },
      ],
    },
    {
      type: 'blockquote',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'quoted' }] }],
    },
    {
      type: 'pullQuote',
      attrs: { attribution: '' },
      content: [{ type: 'text', text: 'repeated' }],
    },
    { type: 'relatedArticle', attrs: { articleId: 4 } },
  ],
}

test('collectReferences lists each figure and related article once, in reading order', () => {
  expect(collectReferences(body)).toEqual({ mediaIds: [9, 2], articleIds: [4, 1] })
})

test('plainText separates blocks with blank lines and leaves out captions and pull quotes', () => {
  expect(plainText(body)).toBe('Title\n\none\ntwo\n\nitem\n\nquoted')
})

test('a validated TipTap document', () => {
  const result = validateBody(tiptapDocument)
  if (!result.ok) throw new Error(result.message)
  expect(collectReferences(result.doc)).toEqual({ mediaIds: [7], articleIds: [42] })
  expect(plainText(result.doc)).toBe(
    'The council met on Tuesday\nminutes.\n\nWhat was decided\n\nA new bridge\n\nby 2027\n\nWe listened.',
  )
})
