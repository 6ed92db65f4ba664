// Tidies editor JSON into exactly what the server stores: known attributes, safe links, no empty text.
import type { JSONContent } from '@tiptap/core'
import type { BodyDoc } from '../../api.ts'
import { isLinkHref } from './link-href.ts'

type Mark = NonNullable<JSONContent['marks']>[number]

/** The attributes the server keeps; TipTap also writes link target/rel/class/title and list type. */
const NODE_ATTRS: Readonly<Record<string, readonly string[]>> = {
  heading: ['level'],
  orderedList: ['start'],
  figure: ['mediaId', 'caption', 'credit'],
  pullQuote: ['attribution'],
  relatedArticle: ['articleId'],
  embed: ['url', 'title'],
}

function pick(attrs: Record<string, unknown> | undefined, names: readonly string[] | undefined) {
  if (!attrs || !names) return undefined
  const kept: Record<string, unknown> = {}
  for (const name of names) if (attrs[name] !== undefined) kept[name] = attrs[name]
  return Object.keys(kept).length > 0 ? kept : undefined
}

function cleanMark(mark: Mark): Mark | null {
  if (mark.type !== 'link') return { type: mark.type }
  const href: unknown = mark.attrs?.href
  return typeof href === 'string' && isLinkHref(href) ? { type: 'link', attrs: { href } } : null
}

function cleanNode(node: JSONContent): JSONContent | null {
  if (node.type === 'text' && !node.text) return null
  const clean: JSONContent = { type: node.type }
  const attrs = pick(node.attrs, node.type ? NODE_ATTRS[node.type] : undefined)
  if (attrs) clean.attrs = attrs
  if (node.type === 'text') clean.text = node.text
  const marks = (node.marks ?? []).map(cleanMark).filter((mark) => mark !== null)
  if (marks.length > 0) clean.marks = marks
  const content = (node.content ?? []).map(cleanNode).filter((child) => child !== null)
  if (content.length > 0) clean.content = content
  return clean
}

export function cleanBody(doc: JSONContent): BodyDoc {
  return { type: 'doc', content: cleanNode(doc)?.content ?? [{ type: 'paragraph' }] }
}
