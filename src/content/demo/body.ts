// Builds a story's body document (ProseMirror JSON with TipTap's names) from its plan and text.
import type {
  BlockNode,
  BodyDoc,
  InlineNode,
  ListItemNode,
  ParagraphNode,
  TextNode,
} from '../body/index.ts'
import type { BlockPlan, Sentence, StoryPlan } from './lexicon.ts'
import type { StoryText } from './story-text.ts'

export interface FigureMedia {
  id: number
  caption: string
  credit: string
}

export interface BodyInput {
  plan: StoryPlan
  text: StoryText
  /** The edition's demo photos, by photo number. */
  media: readonly FigureMedia[]
  /** Earlier stories of the same edition this one links to. */
  related: readonly number[]
}

const LINK_PATHS = ['statements', 'documents', 'reports', 'briefings'] as const
const LINK_HOSTS = ['example.org', 'example.com', 'example.net'] as const

export function buildBody(input: BodyInput): BodyDoc {
  return { type: 'doc', content: input.plan.blocks.flatMap((block) => blockNodes(block, input)) }
}

function blockNodes(block: BlockPlan, { plan, text, media, related }: BodyInput): BlockNode[] {
  const sentence = (s: Sentence): string => {
    const pools = {
      fact: text.facts,
      background: text.background,
      outlook: text.outlook,
      link: text.links,
    }
    const pool = pools[s.pool]
    return pool[s.index % pool.length] ?? ''
  }
  const para = (source: string, lead?: string) => paragraph(source, plan.seed, lead)
  switch (block.type) {
    case 'lead':
      return [para(text.lead)]
    case 'quote':
      return [para(text.quoteLine)]
    case 'paragraph': {
      const lead = block.boldLead === null ? undefined : text.boldLeads[block.boldLead]
      return [para(block.sentences.map(sentence).join(' '), lead)]
    }
    case 'heading':
      return [heading(block.level, text.headings[block.text])]
    case 'list': {
      const items = block.items.map(
        (item): ListItemNode => ({ type: 'listItem', content: [para(sentence(item))] }),
      )
      const list: BlockNode = block.ordered
        ? { type: 'orderedList', attrs: { start: 1 }, content: items }
        : { type: 'bulletList', content: items }
      return [heading(2, text.listHeadings[block.heading]), list]
    }
    case 'statement':
      return [
        para(text.statementIntro),
        { type: 'blockquote', content: [para(text.statements[block.text] ?? '')] },
      ]
    case 'figure': {
      const photo = media[block.photo]
      if (!photo) return []
      return [
        {
          type: 'figure',
          attrs: { mediaId: photo.id, caption: photo.caption, credit: photo.credit },
        },
      ]
    }
    case 'pullQuote': {
      const quote = text.quotes[block.quote % text.quotes.length]
      if (!quote) return []
      return [
        {
          type: 'pullQuote',
          attrs: { attribution: text.attribution },
          content: [{ type: 'text', text: `${quote}.` }],
        },
      ]
    }
    case 'related': {
      const articleId = related[0]
      return articleId === undefined ? [] : [{ type: 'relatedArticle', attrs: { articleId } }]
    }
    case 'embed': {
      const url = `https://video.example.net/watch/${plan.seed.toString(36)}`
      return [{ type: 'embed', attrs: { url, title: text.embedTitle } }]
    }
    case 'rule':
      return [{ type: 'horizontalRule' }]
    case 'note': {
      const source: InlineNode[] = text.sourceLine
        ? [{ type: 'hardBreak' }, italic(text.sourceLine)]
        : []
      return [{ type: 'paragraph', content: [italic(text.note), ...source] }]
    }
  }
}

function italic(text: string): TextNode {
  return { type: 'text', text, marks: [{ type: 'italic' }] }
}

function heading(level: 2 | 3 | 4, text = ''): BlockNode {
  return { type: 'heading', attrs: { level }, content: [{ type: 'text', text }] }
}

/** A paragraph from text in which one [bracketed] phrase becomes a link to a made-up page. */
function paragraph(source: string, seed: number, lead?: string): ParagraphNode {
  const href = `https://${LINK_HOSTS[seed % LINK_HOSTS.length]}/${LINK_PATHS[seed % LINK_PATHS.length]}/${seed.toString(36)}`
  const content: InlineNode[] = lead
    ? [{ type: 'text', text: `${lead} `, marks: [{ type: 'bold' }] }]
    : []
  source.split(/\[([^\]]+)\]/).forEach((part, i) => {
    if (part === '') return
    content.push(
      i % 2 === 0
        ? { type: 'text', text: part }
        : { type: 'text', text: part, marks: [{ type: 'link', attrs: { href } }] },
    )
  })
  return { type: 'paragraph', content }
}
