import { render } from 'preact-render-to-string'
import { describe, expect, test } from 'vitest'
import { tiptapDocument } from './body.fixture.ts'
import { Body, type BodyRenderContext } from './render.tsx'
import type { BlockNode, BodyDoc, InlineNode, Mark, ParagraphNode } from './types.ts'
import { validateBody } from './validate.ts'

const context: BodyRenderContext = {
  image: (mediaId) => (mediaId === 404 ? null : <picture data-media={mediaId} />),
  article: (articleId) =>
    articleId === 404
      ? null
      : {
          url: `/news/${articleId}`,
          headline: `Story ${articleId}`,
          published: '3 May 2025',
          datetime: '2025-05-03T09:00:00.000Z',
          image: <picture data-media={articleId} />,
        },
  origin: 'https://news.example.com',
  labels: { related: 'Read also' },
}

const html = (content: BlockNode[], ctx = context) =>
  render(<Body doc={{ type: 'doc', content }} context={ctx} />)
const para = (...content: InlineNode[]): ParagraphNode => ({ type: 'paragraph', content })
const text = (value: string, ...marks: Mark[]): InlineNode => ({ type: 'text', text: value, marks })
const link = (href: string): Mark => ({ type: 'link', attrs: { href } })

const TAGS = new Set(['p', 'h2', 'h3', 'h4', 'blockquote', 'ul', 'ol', 'li', 'hr', 'br', 'strong'])
for (const tag of ['em', 'a', 'figure', 'figcaption', 'span', 'aside', 'time', 'div', 'cite']) {
  TAGS.add(tag)
}
TAGS.add('picture')
const ATTRIBUTES = new Set(['href', 'rel', 'class', 'start', 'data-media', 'datetime'])

/** Every raw "<" must open a known tag carrying only known attributes; text is escaped. */
function expectInert(markup: string): void {
  const tags = [...markup.matchAll(/<\/?([a-z0-9]+)((?:\s+[a-z-]+(?:="[^"]*")?)*)\s*\/?>/g)]
  expect(tags.length).toBe(markup.split('<').length - 1)
  for (const [, tag, attributes] of tags) {
    expect(TAGS).toContain(tag)
    for (const [, name] of (attributes ?? '').matchAll(/\s+([a-z-]+)(?:="[^"]*")?/g)) {
      expect(ATTRIBUTES).toContain(name)
    }
  }
}

describe('Body', () => {
  test('renders a TipTap document with every node type once it validates', () => {
    const result = validateBody(tiptapDocument)
    if (!result.ok) throw new Error(result.message)
    const markup = render(<Body doc={result.doc} context={context} />)
    expect(markup).toBe(
      [
        '<p>The council met on <strong>Tuesday<br/></strong>',
        '<a href="https://council.example.org/minutes" rel="noopener noreferrer"><em>minutes</em></a>.</p>',
        '<h2>What was decided</h2>',
        '<ol start="3"><li><p>A new bridge</p><ul><li><p>by 2027</p></li></ul></li></ol>',
        '<blockquote><p>We listened.</p></blockquote>',
        '<hr/>',
        '<figure class="body-figure"><picture data-media="7"></picture><figcaption>',
        '<span class="caption">The old bridge</span> <span class="credit">Ana Ruiz</span>',
        '</figcaption></figure>',
        '<blockquote class="pull-quote"><p>It is about time.</p><cite>The mayor</cite></blockquote>',
        '<aside class="related-card"><a href="/news/42"><picture data-media="42"></picture>',
        '<span class="related-label">Read also</span><span class="related-headline">Story 42</span>',
        '<time datetime="2025-05-03T09:00:00.000Z">3 May 2025</time></a></aside>',
        '<div class="embed"><a class="embed-card" href="https://video.example.net/watch?v=1" ',
        'rel="noopener noreferrer nofollow"><span class="embed-host">video.example.net</span>',
        '<span class="embed-title">The vote</span></a></div>',
        '<p></p>',
      ].join(''),
    )
    expectInert(markup)
  })

  test('headings, lists and marks', () => {
    expect(
      html([
        { type: 'heading', attrs: { level: 3 }, content: [text('Three')] },
        { type: 'heading', attrs: { level: 4 }, content: [text('Four')] },
        {
          type: 'orderedList',
          attrs: { start: 1 },
          content: [{ type: 'listItem', content: [para()] }],
        },
        para(
          text('a', { type: 'bold' }),
          text('b', { type: 'bold' }, { type: 'italic' }),
          text('c'),
        ),
      ]),
    ).toBe(
      '<h3>Three</h3><h4>Four</h4><ol><li><p></p></li></ol><p><strong>a<em>b</em></strong>c</p>',
    )
  })

  test('one link element across differently styled text', () => {
    const href = 'https://news.example.com/a'
    expect(
      html([para(text('read ', link(href)), text('this', link(href), { type: 'bold' }))]),
    ).toBe('<p><a href="https://news.example.com/a">read <strong>this</strong></a></p>')
  })
})

describe('links', () => {
  test.each([
    ['same origin', 'https://news.example.com/politics', ''],
    ['the origin itself', 'https://news.example.com', ''],
    ['same origin with a query', 'https://news.example.com?page=2', ''],
    ['mailto', 'mailto:desk@news.example.com', ''],
    ['another host', 'https://other.example.org/', ' rel="noopener noreferrer"'],
    ['plain http to the same host', 'http://news.example.com/', ' rel="noopener noreferrer"'],
    ['a look-alike host', 'https://news.example.com.evil.example/', ' rel="noopener noreferrer"'],
    [
      'credentials before another host',
      'https://news.example.com@evil.example/',
      ' rel="noopener noreferrer"',
    ],
    ['another port', 'https://news.example.com:8443/', ' rel="noopener noreferrer"'],
  ])('%s', (_name, href, rel) => {
    expect(html([para(text('x', link(href)))])).toBe(`<p><a href="${href}"${rel}>x</a></p>`)
  })

  test('an origin given with a trailing slash', () => {
    const markup = html([para(text('x', link('https://news.example.com/a')))], {
      ...context,
      origin: 'https://news.example.com/',
    })
    expect(markup).toBe('<p><a href="https://news.example.com/a">x</a></p>')
  })

  test.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\nscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    '/relative',
  ])('an unsafe href %j that slipped past validation renders as text', (href) => {
    expect(html([para(text('click', link(href), { type: 'bold' }))])).toBe(
      '<p><strong>click</strong></p>',
    )
  })
})

describe('hostile strings render inertly', () => {
  const hostile = [
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    "'><svg onload=alert(1)>",
    '\u202Egnp.exe',
  ]

  test.each(hostile)('%j everywhere', (value) => {
    const markup = html(
      [
        { type: 'heading', attrs: { level: 2 }, content: [text(value)] },
        para(text(value, link(`https://other.example/${value}`))),
        { type: 'figure', attrs: { mediaId: 1, caption: value, credit: value } },
        {
          type: 'pullQuote',
          attrs: { attribution: value },
          content: [{ type: 'text', text: value }],
        },
        { type: 'relatedArticle', attrs: { articleId: 2 } },
        { type: 'embed', attrs: { url: `https://e.example/?q=${value}`, title: value } },
      ],
      {
        ...context,
        labels: { related: value },
        article: () => ({
          url: '/a',
          headline: value,
          published: value,
          datetime: value,
          image: null,
        }),
      },
    )
    expectInert(markup)
    expect(markup).not.toMatch(/<script|<img|<svg/i)
  })

  test('escapes text and attribute values', () => {
    expect(html([para(text('<script>alert(1)</script>'))])).toBe(
      '<p>&lt;script>alert(1)&lt;/script></p>',
    )
    expect(html([para(text('x', link('https://a.example/"><img src=x onerror=alert(1)>')))])).toBe(
      '<p><a href="https://a.example/&quot;>&lt;img src=x onerror=alert(1)>" rel="noopener noreferrer">x</a></p>',
    )
  })

  test('keeps a right-to-left override inside its own element', () => {
    expect(html([para(text('\u202Egnp.exe'))])).toBe('<p>\u202Egnp.exe</p>')
  })
})

describe('figures, related articles and embeds', () => {
  const figure = (caption: string, credit: string, mediaId = 1): BlockNode => ({
    type: 'figure',
    attrs: { mediaId, caption, credit },
  })
  const image = '<picture data-media="1"></picture>'

  test.each([
    [
      'caption and credit',
      figure('Cap', 'Cred'),
      '<figcaption><span class="caption">Cap</span> <span class="credit">Cred</span></figcaption>',
    ],
    [
      'caption only',
      figure('Cap', ''),
      '<figcaption><span class="caption">Cap</span></figcaption>',
    ],
    [
      'credit only',
      figure('', 'Cred'),
      '<figcaption><span class="credit">Cred</span></figcaption>',
    ],
    ['neither', figure('', ''), ''],
  ])('a figure with %s', (_name, node, caption) => {
    expect(html([node])).toBe(`<figure class="body-figure">${image}${caption}</figure>`)
  })

  test('nothing for a missing image, related article or empty pull quote', () => {
    expect(
      html([
        figure('Cap', 'Cred', 404),
        { type: 'relatedArticle', attrs: { articleId: 404 } },
        { type: 'pullQuote', attrs: { attribution: 'Someone' } },
      ]),
    ).toBe('')
  })

  test('a related card without an image', () => {
    const markup = html([{ type: 'relatedArticle', attrs: { articleId: 5 } }], {
      ...context,
      article: () => ({
        url: '/b',
        headline: 'B',
        published: 'today',
        datetime: '2025-05-03',
        image: null,
      }),
    })
    expect(markup).toBe(
      '<aside class="related-card"><a href="/b"><span class="related-label">Read also</span><span class="related-headline">B</span><time datetime="2025-05-03">today</time></a></aside>',
    )
  })

  test('an embed without a title shows its URL, and never a frame', () => {
    const url = 'https://www.youtube.com/watch?v=abc'
    const markup = html([{ type: 'embed', attrs: { url, title: '' } }])
    expect(markup).toBe(
      `<div class="embed"><a class="embed-card" href="${url}" rel="noopener noreferrer nofollow"><span class="embed-host">www.youtube.com</span><span class="embed-title">${url}</span></a></div>`,
    )
    expect(markup).not.toMatch(/<iframe|<script/)
  })

  test('an embed with a non-http URL that slipped past validation renders nothing', () => {
    expect(html([{ type: 'embed', attrs: { url: 'javascript:alert(1)', title: 'x' } }])).toBe('')
  })
})

test('a hard break between plain text', () => {
  const doc: BodyDoc = { type: 'doc', content: [para(text('a'), { type: 'hardBreak' }, text('b'))] }
  expect(render(<Body doc={doc} context={context} />)).toBe('<p>a<br/>b</p>')
})
