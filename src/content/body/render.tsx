// Renders a validated body to markup; every value goes through JSX, so text and attributes are escaped.
import type { ComponentChild } from 'preact'
import type {
  BlockNode,
  BodyDoc,
  EmbedNode,
  FigureNode,
  InlineNode,
  ListItemNode,
  Mark,
  PullQuoteNode,
  RelatedArticleNode,
} from './types.ts'
import { hasHttpScheme, hasLinkScheme } from './urls.ts'

export interface BodyRenderContext {
  /** The responsive image element for a media asset, or null when the asset is missing. */
  image(mediaId: number): ComponentChild | null
  /** A published related article's card data, or null (then nothing is rendered). */
  article(articleId: number): {
    url: string
    headline: string
    published: string
    /** The same time for machines, ISO 8601. */
    datetime: string
    image: ComponentChild | null
  } | null
  /** Origin of the site (e.g. 'https://news.example.com'); links to other hosts are external. */
  origin: string
  /** UI words in the edition's language, e.g. { related: 'Read also' }. */
  labels: { related: string }
}

interface Scope {
  context: BodyRenderContext
  /** The site origin without a trailing slash. */
  origin: string
}

export function Body({ doc, context }: { doc: BodyDoc; context: BodyRenderContext }) {
  const origin = context.origin.endsWith('/') ? context.origin.slice(0, -1) : context.origin
  return <>{blocks(doc.content, { context, origin })}</>
}

const HEADINGS = { 2: 'h2', 3: 'h3', 4: 'h4' } as const

function blocks(nodes: readonly BlockNode[], scope: Scope): ComponentChild[] {
  const out: ComponentChild[] = []
  for (const node of nodes) out.push(block(node, scope))
  return out
}

function block(node: BlockNode, scope: Scope): ComponentChild {
  switch (node.type) {
    case 'paragraph':
      return <p>{inline(node.content, scope)}</p>
    case 'heading': {
      const Heading = HEADINGS[node.attrs.level]
      return <Heading>{inline(node.content, scope)}</Heading>
    }
    case 'blockquote':
      return <blockquote>{blocks(node.content, scope)}</blockquote>
    case 'bulletList':
      return <ul>{items(node.content, scope)}</ul>
    case 'orderedList': {
      const start = node.attrs?.start ?? 1
      return <ol start={start === 1 ? undefined : start}>{items(node.content, scope)}</ol>
    }
    case 'horizontalRule':
      return <hr />
    case 'figure':
      return figure(node, scope.context)
    case 'pullQuote':
      return pullQuote(node)
    case 'relatedArticle':
      return relatedArticle(node, scope.context)
    case 'embed':
      return embed(node)
    default:
      return null
  }
}

function items(nodes: readonly ListItemNode[], scope: Scope): ComponentChild[] {
  const out: ComponentChild[] = []
  for (const item of nodes) out.push(<li>{blocks(item.content, scope)}</li>)
  return out
}

interface OpenMark {
  mark: Mark
  children: ComponentChild[]
}

const NO_MARKS: readonly Mark[] = []

/**
 * Neighbouring nodes that share leading marks share one element, as ProseMirror's own
 * serializer does, so "a <b>bold</b> link" is one <a>, not two.
 */
function inline(nodes: readonly InlineNode[] | undefined, scope: Scope): ComponentChild[] {
  const root: ComponentChild[] = []
  if (!nodes) return root
  const open: OpenMark[] = []
  for (const node of nodes) {
    const marks = node.marks ?? NO_MARKS
    let keep = 0
    while (keep < open.length && keep < marks.length && sameMark(open[keep]!.mark, marks[keep]!)) {
      keep++
    }
    while (open.length > keep) close(open, root, scope)
    for (let i = keep; i < marks.length; i++) open.push({ mark: marks[i]!, children: [] })
    const target = open.length > 0 ? open[open.length - 1]!.children : root
    target.push(node.type === 'text' ? node.text : <br />)
  }
  while (open.length > 0) close(open, root, scope)
  return root
}

function sameMark(a: Mark, b: Mark): boolean {
  if (a.type === 'link') return b.type === 'link' && a.attrs.href === b.attrs.href
  return a.type === b.type
}

function close(open: OpenMark[], root: ComponentChild[], scope: Scope): void {
  const { mark, children } = open.pop()!
  const parent = open.length > 0 ? open[open.length - 1]!.children : root
  parent.push(wrap(mark, children, scope))
}

function wrap(mark: Mark, children: ComponentChild[], scope: Scope): ComponentChild {
  switch (mark.type) {
    case 'bold':
      return <strong>{children}</strong>
    case 'italic':
      return <em>{children}</em>
    case 'link':
      // Validation already refuses other schemes; this keeps a bad stored href inert anyway.
      if (!hasLinkScheme(mark.attrs.href)) return children
      return (
        <a
          href={mark.attrs.href}
          rel={isExternal(mark.attrs.href, scope.origin) ? 'noopener noreferrer' : undefined}
        >
          {children}
        </a>
      )
    default:
      return children
  }
}

const SLASH = 47
const QUESTION = 63
const HASH = 35

/** Prefix test rather than URL parsing: it runs for every link on every page view. */
function isExternal(href: string, origin: string): boolean {
  if (!hasHttpScheme(href)) return false
  if (!href.startsWith(origin)) return true
  const next = href.charCodeAt(origin.length)
  return !(Number.isNaN(next) || next === SLASH || next === QUESTION || next === HASH)
}

function figure(node: FigureNode, context: BodyRenderContext): ComponentChild {
  const image = context.image(node.attrs.mediaId)
  if (image == null) return null
  const { caption, credit } = node.attrs
  return (
    <figure class="body-figure">
      {image}
      {caption || credit ? (
        <figcaption>
          {caption ? <span class="caption">{caption}</span> : null}
          {caption && credit ? ' ' : null}
          {credit ? <span class="credit">{credit}</span> : null}
        </figcaption>
      ) : null}
    </figure>
  )
}

function pullQuote(node: PullQuoteNode): ComponentChild {
  let text = ''
  for (const child of node.content ?? []) text += child.text
  if (text === '') return null
  const { attribution } = node.attrs
  return (
    <blockquote class="pull-quote">
      <p>{text}</p>
      {attribution ? <cite>{attribution}</cite> : null}
    </blockquote>
  )
}

function relatedArticle(node: RelatedArticleNode, context: BodyRenderContext): ComponentChild {
  const card = context.article(node.attrs.articleId)
  if (!card) return null
  return (
    <aside class="related-card">
      <a href={card.url}>
        {card.image}
        <span class="related-label">{context.labels.related}</span>
        <span class="related-headline">{card.headline}</span>
        <time datetime={card.datetime}>{card.published}</time>
      </a>
    </aside>
  )
}

function embed(node: EmbedNode): ComponentChild {
  const { url, title } = node.attrs
  if (!hasHttpScheme(url)) return null
  let host: string
  try {
    host = new URL(url).hostname
  } catch {
    return null
  }
  return (
    <div class="embed">
      <a class="embed-card" href={url} rel="noopener noreferrer nofollow">
        <span class="embed-host">{host}</span>
        <span class="embed-title">{title || url}</span>
      </a>
    </div>
  )
}
