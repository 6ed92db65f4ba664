// What a body points at (for one query per kind) and its plain text (for feeds, search, meta).
import type { BlockNode, BodyDoc, InlineNode } from './types.ts'

export interface BodyReferences {
  mediaIds: number[]
  articleIds: number[]
}

/** Unique ids in reading order, so a page loads every figure and related card in one query each. */
export function collectReferences(doc: BodyDoc): BodyReferences {
  const media = new Set<number>()
  const articles = new Set<number>()
  const visit = (blocks: readonly BlockNode[]): void => {
    for (const block of blocks) {
      if (block.type === 'figure') media.add(block.attrs.mediaId)
      else if (block.type === 'relatedArticle') articles.add(block.attrs.articleId)
      else if (block.type === 'blockquote') visit(block.content)
      else if (block.type === 'bulletList' || block.type === 'orderedList') {
        for (const item of block.content) visit(item.content)
      }
    }
  }
  visit(doc.content)
  return { mediaIds: [...media], articleIds: [...articles] }
}

/**
 * The reader's text, one block per paragraph, heading or list item paragraph, separated by blank
 * lines. Pull quotes repeat the article and captions describe images, so both are left out.
 */
export function plainText(doc: BodyDoc): string {
  const parts: string[] = []
  const visit = (blocks: readonly BlockNode[]): void => {
    for (const block of blocks) {
      if (block.type === 'paragraph' || block.type === 'heading') {
        const text = inlineText(block.content)
        if (text.trim() !== '') parts.push(text)
      } else if (block.type === 'blockquote') visit(block.content)
      else if (block.type === 'bulletList' || block.type === 'orderedList') {
        for (const item of block.content) visit(item.content)
      }
    }
  }
  visit(doc.content)
  return parts.join('\n\n')
}

function inlineText(nodes: readonly InlineNode[] | undefined): string {
  let text = ''
  for (const node of nodes ?? []) text += node.type === 'text' ? node.text : '\n'
  return text
}
