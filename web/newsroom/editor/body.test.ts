// Checks that the editor's schema produces bodies the server accepts, and reads its stored ones.
import { getSchema } from '@tiptap/core'
import { Node } from '@tiptap/pm/model'
import { describe, expect, test } from 'vitest'
import { MARK_ATTRS, NODE_ATTRS, rulesFor } from '../../../src/content/body/attrs.ts'
import { tiptapDocument } from '../../../src/content/body/body.fixture.ts'
import { schema as serverSchema } from '../../../src/content/body/schema.ts'
import { validateBody } from '../../../src/content/body/validate.ts'
import { cleanBody } from './body/clean-body.ts'
import { bodyExtensions } from './body/extensions.ts'
import { readEmbedUrl, readLinkHref } from './body/link-href.ts'

const schema = getSchema(bodyExtensions())
const inGroup = (groups: string | undefined, group: string) =>
  (groups ?? '').split(' ').includes(group)
const roundTrip = (json: unknown) => Node.fromJSON(schema, json).toJSON()

describe('the editor schema', () => {
  test('has exactly the server body’s node and mark types', () => {
    expect(Object.keys(schema.nodes).sort()).toEqual(Object.keys(serverSchema.nodes).sort())
    expect(Object.keys(schema.marks).sort()).toEqual(Object.keys(serverSchema.marks).sort())
  })

  test.each(Object.keys(serverSchema.nodes))('nests "%s" as the server does', (name) => {
    const mine = schema.nodes[name]!.spec
    const theirs = serverSchema.nodes[name]!.spec
    expect(mine.content ?? '').toBe(theirs.content ?? '')
    // Content expressions name only these groups; TipTap adds a harmless "list" group of its own.
    for (const group of ['block', 'inline']) {
      expect(inGroup(mine.group, group), group).toBe(inGroup(theirs.group, group))
    }
    expect(mine.marks).toBe(theirs.marks)
    expect(Boolean(mine.atom)).toBe(Boolean(theirs.atom))
  })

  test('writes only attributes the server knows', () => {
    const known = (table: typeof NODE_ATTRS, owner: string) => Object.keys(rulesFor(table, owner))
    for (const [name, type] of Object.entries(schema.nodes)) {
      for (const attr of Object.keys(type.spec.attrs ?? {})) {
        expect(known(NODE_ATTRS, name), `${name}.${attr}`).toContain(attr)
      }
    }
    for (const [name, type] of Object.entries(schema.marks)) {
      for (const attr of Object.keys(type.spec.attrs ?? {})) {
        expect(known(MARK_ATTRS, name), `${name}.${attr}`).toContain(attr)
      }
    }
  })

  test('loads a stored body with every node type unchanged', () => {
    const stored = validateBody(tiptapDocument)
    if (!stored.ok) throw new Error(stored.message)
    expect(cleanBody(roundTrip(stored.doc))).toEqual(stored.doc)
  })
})

describe('the JSON the editor saves', () => {
  test('passes the server’s validation for a document with every node type', () => {
    const json = roundTrip(tiptapDocument)
    expect(validateBody(json)).toMatchObject({ ok: true })
    expect(validateBody(cleanBody(json))).toEqual(validateBody(json))
  })

  test('gives new nodes defaults the server accepts', () => {
    const { nodes } = schema
    const text = schema.text('Quoted')
    const doc = nodes.doc!.create(null, [
      nodes.heading!.create({ level: 3 }, schema.text('Heading')),
      nodes.orderedList!.create(null, nodes.listItem!.create(null, nodes.paragraph!.create())),
      nodes.figure!.create({ mediaId: 3 }),
      nodes.pullQuote!.create(null, text),
      nodes.relatedArticle!.create({ articleId: 9 }),
      nodes.embed!.create({ url: 'https://video.example.net/1' }),
    ])
    expect(validateBody(doc.toJSON())).toMatchObject({ ok: true })
    expect(cleanBody(doc.toJSON()).content[2]).toEqual({
      type: 'figure',
      attrs: { mediaId: 3, caption: '', credit: '' },
    })
  })

  test('loses empty text, editor-only attributes and unsafe links when cleaned', () => {
    const link = (href: string) => ({
      type: 'link',
      attrs: { href, target: '_blank', rel: 'noopener', class: null, title: null },
    })
    const cleaned = cleanBody({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: '' },
            { type: 'text', text: 'bad', marks: [link('javascript:alert(1)'), { type: 'bold' }] },
            { type: 'text', text: 'good', marks: [link('mailto:desk@example.com')] },
          ],
        },
      ],
    })
    expect(cleaned).toEqual({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'bad', marks: [{ type: 'bold' }] },
            {
              type: 'text',
              text: 'good',
              marks: [{ type: 'link', attrs: { href: 'mailto:desk@example.com' } }],
            },
          ],
        },
      ],
    })
    expect(validateBody(cleaned)).toMatchObject({ ok: true })
  })

  test('is never an empty document', () => {
    expect(validateBody(cleanBody({ type: 'doc', content: [] }))).toMatchObject({ ok: true })
  })
})

describe('typed link addresses', () => {
  test.each([
    ['https://example.com/a?b=1', 'https://example.com/a?b=1'],
    ['  http://example.com ', 'http://example.com'],
    ['example.com/news', 'https://example.com/news'],
    ['www.example.com:8080/x', 'https://www.example.com:8080/x'],
    ['desk@example.com', 'mailto:desk@example.com'],
    ['mailto:desk@example.com', 'mailto:desk@example.com'],
    ['javascript:alert(1)', null],
    ['JavaScript:alert(1)', null],
    ['data:text/html,hi', null],
    ['ftp://example.com', null],
    ['/relative/path', null],
    ['just words', null],
    ['', null],
  ])('reads %j as %j', (typed, href) => {
    expect(readLinkHref(typed)).toBe(href)
  })

  test('embeds take web pages only', () => {
    expect(readEmbedUrl('video.example.net/watch?v=1')).toBe('https://video.example.net/watch?v=1')
    expect(readEmbedUrl('desk@example.com')).toBeNull()
  })
})
