import { describe, expect, test } from 'vitest'
import { tiptapDocument } from './body.fixture.ts'
import { validateBody } from './validate.ts'

const doc = (...content: unknown[]) => ({ type: 'doc', content })
const para = (...content: unknown[]) => ({ type: 'paragraph', content })
const text = (value: string, marks?: unknown[]) =>
  marks ? { type: 'text', text: value, marks } : { type: 'text', text: value }
const link = (href: string) => ({ type: 'link', attrs: { href } })
const linked = (href: string) => doc(para(text('here', [link(href)])))
const hrefPath = 'content[0].content[0].marks[0].attrs.href'
const badHref = 'attribute "href" must be an http(s) or mailto URL'
const item = (...content: unknown[]) => ({ type: 'listItem', content })
const list = (...items: unknown[]) => ({ type: 'bulletList', content: items })

/** Lists nested `levels` deep, so the innermost text sits at depth 2 * levels + 2. */
function nestedLists(levels: number): unknown {
  let inner: unknown = list(item(para(text('deepest'))))
  for (let i = 1; i < levels; i++) inner = list(item(para(text('level')), inner))
  return doc(inner)
}

describe('validateBody accepts', () => {
  test.each([
    ['an empty paragraph', doc({ type: 'paragraph' })],
    ['a stock TipTap document with every node type', tiptapDocument],
    ['a mailto link', linked('mailto:desk@news.example.com')],
    ['an http link', linked('http://example.com')],
    [
      'a heading and lists inside a blockquote',
      doc({
        type: 'blockquote',
        content: [{ type: 'heading', attrs: { level: 4 } }, list(item(para()))],
      }),
    ],
    [
      'a figure inside a list item',
      doc(list(item(para(), { type: 'figure', attrs: { mediaId: 1 } }))),
    ],
    ['lists nested up to the depth limit', nestedLists(5)],
    [
      'marks in any order',
      doc(para(text('x', [{ type: 'italic' }, { type: 'bold' }, link('https://a.example')]))),
    ],
    ['text with hostile characters', doc(para(text('<script>alert(1)</script> \u202Egnp.exe')))],
  ])('%s', (_name, input) => {
    expect(validateBody(input)).toMatchObject({ ok: true })
  })

  test('fills in defaults and drops TipTap-only link and list attributes', () => {
    const result = validateBody(
      doc(
        { type: 'figure', attrs: { mediaId: 3 } },
        { type: 'orderedList', attrs: { type: null }, content: [item(para())] },
        { type: 'pullQuote' },
        { type: 'embed', attrs: { url: 'https://e.example' } },
        para(text('a', [{ type: 'link', attrs: { href: 'https://a.example', target: '_blank' } }])),
      ),
    )
    expect(result).toEqual({
      ok: true,
      doc: doc(
        { type: 'figure', attrs: { mediaId: 3, caption: '', credit: '' } },
        { type: 'orderedList', attrs: { start: 1 }, content: [item({ type: 'paragraph' })] },
        { type: 'pullQuote', attrs: { attribution: '' } },
        { type: 'embed', attrs: { url: 'https://e.example', title: '' } },
        para(text('a', [link('https://a.example')])),
      ),
    })
  })

  test('orders marks the way TipTap does: link, bold, italic', () => {
    const result = validateBody(
      doc(para(text('x', [{ type: 'italic' }, link('https://a.example'), { type: 'bold' }]))),
    )
    expect(result.ok && result.doc.content[0]).toEqual(
      para(text('x', [link('https://a.example'), { type: 'bold' }, { type: 'italic' }])),
    )
  })
})

const many = (count: number) => doc(...Array.from({ length: count }, () => ({ type: 'paragraph' })))

describe('validateBody rejects', () => {
  test.each([
    ['a string', 'hello', '', 'a node must be an object'],
    ['null', null, '', 'a node must be an object'],
    ['an array', [], '', 'a node must be an object'],
    ['a root that is not a doc', para(), '', 'the root node must be "doc", not "paragraph"'],
    ['a doc without content', { type: 'doc' }, '', '"doc" must not be empty'],
    [
      'content that is not an array',
      { type: 'doc', content: {} },
      'content',
      '"content" must be an array',
    ],
    [
      'a node without a type',
      doc({ content: [] }),
      'content[0]',
      'a node must have a string "type"',
    ],
    ['an unknown node type', doc({ type: 'script' }), 'content[0]', 'unknown node type "script"'],
    [
      'an inherited property as node type',
      doc({ type: 'constructor' }),
      'content[0]',
      'unknown node type "constructor"',
    ],
    [
      'an unknown key on a node',
      doc({ type: 'paragraph', onclick: 'x' }),
      'content[0].onclick',
      'unknown key "onclick"',
    ],
    [
      '"text" on a paragraph',
      doc({ type: 'paragraph', text: 'x' }),
      'content[0].text',
      'only text nodes have "text"',
    ],
    [
      'attrs that are not an object',
      doc({ type: 'heading', attrs: [2] }),
      'content[0].attrs',
      '"attrs" must be an object',
    ],
    [
      'an unknown attribute',
      doc({ type: 'heading', attrs: { level: 2, id: 'x' } }),
      'content[0].attrs.id',
      'unknown attribute "id" on "heading"',
    ],
    [
      'an attribute on a node without any',
      doc({ type: 'paragraph', attrs: { class: 'x' } }),
      'content[0].attrs.class',
      'unknown attribute "class" on "paragraph"',
    ],
    [
      'heading level 5',
      doc({ type: 'heading', attrs: { level: 5 } }),
      'content[0].attrs.level',
      'attribute "level" must be 2, 3 or 4',
    ],
    [
      'heading level as a string',
      doc({ type: 'heading', attrs: { level: '2' } }),
      'content[0].attrs.level',
      'attribute "level" must be 2, 3 or 4',
    ],
    [
      'a heading without level',
      doc({ type: 'heading' }),
      'content[0].attrs.level',
      'attribute "level" is required on "heading"',
    ],
    [
      'mediaId 0',
      doc({ type: 'figure', attrs: { mediaId: 0 } }),
      'content[0].attrs.mediaId',
      'attribute "mediaId" must be a positive integer',
    ],
    [
      'mediaId "3"',
      doc({ type: 'figure', attrs: { mediaId: '3' } }),
      'content[0].attrs.mediaId',
      'attribute "mediaId" must be a positive integer',
    ],
    [
      'mediaId 1.5',
      doc({ type: 'figure', attrs: { mediaId: 1.5 } }),
      'content[0].attrs.mediaId',
      'attribute "mediaId" must be a positive integer',
    ],
    [
      'a caption that is not a string',
      doc({ type: 'figure', attrs: { mediaId: 1, caption: 5 } }),
      'content[0].attrs.caption',
      'attribute "caption" must be a string',
    ],
    [
      'a related article without id',
      doc({ type: 'relatedArticle', attrs: {} }),
      'content[0].attrs.articleId',
      'attribute "articleId" is required on "relatedArticle"',
    ],
    [
      'list start 0',
      doc({ type: 'orderedList', attrs: { start: 0 }, content: [item(para())] }),
      'content[0].attrs.start',
      'attribute "start" must be a positive integer',
    ],
    ['a javascript: href', linked('javascript:alert(1)'), hrefPath, badHref],
    ['a javascript: href in capitals', linked('JavaScript:alert(1)'), hrefPath, badHref],
    ['a javascript: href behind a space', linked(' javascript:alert(1)'), hrefPath, badHref],
    ['a data: href', linked('data:text/html,<script>alert(1)</script>'), hrefPath, badHref],
    ['a relative href', linked('/politics/article'), hrefPath, badHref],
    ['a protocol-relative href', linked('//evil.example'), hrefPath, badHref],
    ['an http href without host', linked('https://'), hrefPath, badHref],
    [
      'a non-string href',
      doc(para(text('x', [{ type: 'link', attrs: { href: 1 } }]))),
      hrefPath,
      'attribute "href" must be a string',
    ],
    [
      'a link without href',
      doc(para(text('x', [{ type: 'link' }]))),
      hrefPath,
      'attribute "href" is required on "link"',
    ],
    [
      'a TipTap link target of the wrong type',
      doc(para(text('x', [{ type: 'link', attrs: { href: 'https://a.example', target: 1 } }]))),
      'content[0].content[0].marks[0].attrs.target',
      'attribute "target" must be a string or null',
    ],
    [
      'an embed url that is mailto',
      doc({ type: 'embed', attrs: { url: 'mailto:a@b.example' } }),
      'content[0].attrs.url',
      'attribute "url" must be an http(s) URL',
    ],
    [
      'an embed url that is javascript:',
      doc({ type: 'embed', attrs: { url: 'javascript:alert(1)' } }),
      'content[0].attrs.url',
      'attribute "url" must be an http(s) URL',
    ],
    [
      'an unknown mark',
      doc(para(text('x', [{ type: 'underline' }]))),
      'content[0].content[0].marks[0]',
      'unknown mark "underline"',
    ],
    [
      'a repeated mark',
      doc(para(text('x', [{ type: 'bold' }, { type: 'bold' }]))),
      'content[0].content[0].marks[1]',
      'mark "bold" appears more than once',
    ],
    [
      'two links on one text',
      doc(para(text('x', [link('https://a.example'), link('https://b.example')]))),
      'content[0].content[0].marks[1]',
      'mark "link" appears more than once',
    ],
    [
      'an unknown key on a mark',
      doc(para(text('x', [{ type: 'bold', style: 'x' }]))),
      'content[0].content[0].marks[0].style',
      'unknown key "style" on a mark',
    ],
    [
      'marks that are not an array',
      doc(para(text('x', {} as unknown[]))),
      'content[0].content[0].marks',
      '"marks" must be an array',
    ],
    [
      'marks on a paragraph',
      doc({ type: 'paragraph', marks: [{ type: 'bold' }] }),
      'content[0].marks',
      '"paragraph" cannot have marks',
    ],
    [
      'marks on a figure',
      doc({ type: 'figure', attrs: { mediaId: 1 }, marks: [] }),
      'content[0].marks',
      '"figure" cannot have marks',
    ],
    [
      'an empty text node',
      doc(para(text(''))),
      'content[0].content[0].text',
      'a text node must not be empty',
    ],
    [
      'a text node without text',
      doc(para({ type: 'text' })),
      'content[0].content[0].text',
      'a text node must have a string "text"',
    ],
    [
      'a list item directly in the doc',
      doc(item(para())),
      'content[0]',
      '"listItem" is not allowed here in "doc"',
    ],
    [
      'text directly in the doc',
      doc(text('x')),
      'content[0]',
      '"text" is not allowed here in "doc"',
    ],
    ['a doc inside the doc', doc(doc(para())), 'content[0]', '"doc" is not allowed here in "doc"'],
    [
      'a paragraph inside a paragraph',
      doc(para(para())),
      'content[0].content[0]',
      '"paragraph" is not allowed here in "paragraph"',
    ],
    [
      'a figure inside a blockquote',
      doc({ type: 'blockquote', content: [{ type: 'figure', attrs: { mediaId: 1 } }] }),
      'content[0].content[0]',
      '"figure" is not allowed here in "blockquote"',
    ],
    [
      'marks inside a pull quote',
      doc({ type: 'pullQuote', content: [text('x', [{ type: 'bold' }])] }),
      'content[0].content[0].marks[0]',
      'mark "bold" is not allowed in "pullQuote"',
    ],
    [
      'a hard break inside a pull quote',
      doc({ type: 'pullQuote', content: [{ type: 'hardBreak' }] }),
      'content[0].content[0]',
      '"hardBreak" is not allowed here in "pullQuote"',
    ],
    [
      'a list item starting with a list',
      doc(list(item(list(item(para()))))),
      'content[0].content[0].content[0]',
      '"bulletList" is not allowed here in "listItem"',
    ],
    ['an empty list', doc(list()), 'content[0]', '"bulletList" must not be empty'],
    [
      'content on an atom',
      doc({ type: 'figure', attrs: { mediaId: 1 }, content: [para()] }),
      'content[0].content',
      '"figure" cannot have content',
    ],
    [
      'text over 50,000 characters',
      doc(para(text('x'.repeat(50_001)))),
      'content[0].content[0].text',
      'text must be at most 50000 characters',
    ],
    [
      'a caption over 50,000 characters',
      doc({ type: 'figure', attrs: { mediaId: 1, caption: 'x'.repeat(50_001) } }),
      'content[0].attrs.caption',
      'attribute "caption" must be at most 50000 characters',
    ],
    [
      'an href over 2,000 characters',
      linked(`https://a.example/${'x'.repeat(2_000)}`),
      hrefPath,
      'attribute "href" must be at most 2000 characters',
    ],
    [
      'more than 20,000 nodes',
      many(20_000),
      'content[19999]',
      'the document has more than 20000 nodes',
    ],
    [
      'nesting deeper than 12 levels',
      nestedLists(6),
      `content[0].content[0]${'.content[1].content[0]'.repeat(5)}.content[0]`,
      'nodes are nested more than 12 levels deep',
    ],
  ])('%s', (_name, input, path, message) => {
    expect(validateBody(input)).toEqual({ ok: false, path, message })
  })

  test('__proto__ keys from JSON.parse', () => {
    const onNode = JSON.parse('{"type":"doc","content":[{"type":"paragraph","__proto__":{}}]}')
    expect(validateBody(onNode)).toEqual({
      ok: false,
      path: 'content[0].__proto__',
      message: 'unknown key "__proto__"',
    })
    const onAttrs = JSON.parse(
      '{"type":"doc","content":[{"type":"heading","attrs":{"level":2,"__proto__":{}}}]}',
    )
    expect(validateBody(onAttrs)).toMatchObject({ ok: false, path: 'content[0].attrs.__proto__' })
  })

  test('cuts echoed input short', () => {
    expect(validateBody(doc({ type: 'x'.repeat(10_000) }))).toEqual({
      ok: false,
      path: 'content[0]',
      message: `unknown node type "${'x'.repeat(40)}…"`,
    })
  })
})
