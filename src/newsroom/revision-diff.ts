// A readable difference between a revision and the story now: word by word, field by field, with
// the body compared as the text a reader sees.
import { diffWords } from 'diff'
import type { StorySnapshot } from './desk.repository.ts'

export interface DiffPart {
  value: string
  added?: boolean
  removed?: boolean
}

export interface FieldDiff {
  field: string
  parts: DiffPart[]
}

/** Names for the ids a snapshot holds, so a changed section or tag reads as words. */
export interface SnapshotNames {
  section(id: number): string
  tags(ids: number[]): string[]
  authors(ids: number[]): string[]
  media(id: number | null): string
  stories(ids: number[]): string[]
}

interface Node {
  type?: string
  text?: string
  attrs?: Record<string, unknown>
  content?: Node[]
}

const BLOCKS = new Set(['paragraph', 'heading', 'listItem', 'blockquote', 'pullQuote'])

/** The body as plain text: one line per block, with cards and figures as bracketed notes. */
export function bodyText(doc: unknown): string {
  const lines: string[] = []
  const inline = (node: Node): string => {
    if (node.type === 'text') return node.text ?? ''
    if (node.type === 'hardBreak') return '\n'
    return (node.content ?? []).map(inline).join('')
  }
  const walk = (node: Node) => {
    const attrs = node.attrs ?? {}
    switch (node.type) {
      case 'figure':
        lines.push(`[Photo ${attrs.mediaId}: ${attrs.caption ?? ''} ${attrs.credit ?? ''}]`.trim())
        return
      case 'relatedArticle':
        lines.push(`[Related story ${attrs.articleId}]`)
        return
      case 'embed':
        lines.push(`[Embed: ${attrs.url} ${attrs.title ?? ''}]`.trim())
        return
      case 'horizontalRule':
        lines.push('---')
        return
      case 'pullQuote':
        lines.push(`“${inline(node)}” ${attrs.attribution ? `- ${attrs.attribution}` : ''}`.trim())
        return
    }
    if (
      BLOCKS.has(node.type ?? '') &&
      (node.content ?? []).every((c) => c.type === 'text' || c.type === 'hardBreak')
    ) {
      lines.push(inline(node))
      return
    }
    for (const child of node.content ?? []) walk(child)
  }
  walk(doc as Node)
  return lines.join('\n')
}

function textOf(snapshot: StorySnapshot, names: SnapshotNames): Record<string, string> {
  return {
    headline: snapshot.headline,
    dek: snapshot.dek,
    section: names.section(snapshot.sectionId),
    slug: snapshot.slug,
    datelinePlace: snapshot.datelinePlace,
    source: snapshot.source,
    leadPhoto: names.media(snapshot.leadMediaId),
    breaking: snapshot.breaking ? 'breaking' : 'not breaking',
    tags: names.tags(snapshot.tagIds).join(', '),
    authors: names.authors(snapshot.authorIds).join(', '),
    related: names.stories(snapshot.relatedIds).join('; '),
    translationGroup: snapshot.translationGroup ?? '',
    body: bodyText(snapshot.body),
  }
}

/** The fields that differ, each as the revision's text with what the story now has marked. */
export function revisionDiff(
  revision: StorySnapshot,
  current: StorySnapshot,
  names: SnapshotNames,
): FieldDiff[] {
  const before = textOf(revision, names)
  const after = textOf(current, names)
  return Object.keys(before).flatMap((field) => {
    const a = before[field] ?? ''
    const b = after[field] ?? ''
    if (a === b) return []
    const parts = diffWords(a, b).map((change) => ({
      value: change.value,
      ...(change.added && { added: true }),
      ...(change.removed && { removed: true }),
    }))
    return [{ field, parts }]
  })
}
