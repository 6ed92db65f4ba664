// The article body as stored and rendered: ProseMirror JSON with TipTap's node and mark names.

export interface BoldMark {
  type: 'bold'
}

export interface ItalicMark {
  type: 'italic'
}

export interface LinkMark {
  type: 'link'
  attrs: { href: string }
}

export type Mark = BoldMark | ItalicMark | LinkMark

export interface TextNode {
  type: 'text'
  text: string
  marks?: Mark[]
}

/** ProseMirror puts the surrounding marks on a hard break when a selection spanning it is styled. */
export interface HardBreakNode {
  type: 'hardBreak'
  marks?: Mark[]
}

export type InlineNode = TextNode | HardBreakNode

export interface ParagraphNode {
  type: 'paragraph'
  content?: InlineNode[]
}

export type HeadingLevel = 2 | 3 | 4

export interface HeadingNode {
  type: 'heading'
  attrs: { level: HeadingLevel }
  content?: InlineNode[]
}

export interface BulletListNode {
  type: 'bulletList'
  content: ListItemNode[]
}

export interface OrderedListNode {
  type: 'orderedList'
  attrs?: { start: number }
  content: ListItemNode[]
}

export interface ListItemNode {
  type: 'listItem'
  content: [ParagraphNode, ...BlockNode[]]
}

export type QuotedNode = ParagraphNode | HeadingNode | BulletListNode | OrderedListNode

export interface BlockquoteNode {
  type: 'blockquote'
  content: QuotedNode[]
}

export interface HorizontalRuleNode {
  type: 'horizontalRule'
}

export interface FigureNode {
  type: 'figure'
  attrs: { mediaId: number; caption: string; credit: string }
}

export interface PullQuoteNode {
  type: 'pullQuote'
  attrs: { attribution: string }
  content?: { type: 'text'; text: string }[]
}

export interface RelatedArticleNode {
  type: 'relatedArticle'
  attrs: { articleId: number }
}

/** Shown as a link card to the URL; never loaded as a script or frame. */
export interface EmbedNode {
  type: 'embed'
  attrs: { url: string; title: string }
}

export type BlockNode =
  | ParagraphNode
  | HeadingNode
  | BlockquoteNode
  | BulletListNode
  | OrderedListNode
  | HorizontalRuleNode
  | FigureNode
  | PullQuoteNode
  | RelatedArticleNode
  | EmbedNode

export interface BodyDoc {
  type: 'doc'
  content: BlockNode[]
}
