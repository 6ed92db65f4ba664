// The body's prosemirror-model schema, named like TipTap's so editor JSON loads unchanged.
import { type AttributeSpec, Schema } from 'prosemirror-model'
import { MARK_ATTRS, NODE_ATTRS, rulesFor } from './attrs.ts'

function attrs(table: typeof NODE_ATTRS, owner: string): Record<string, AttributeSpec> {
  const specs: Record<string, AttributeSpec> = {}
  for (const [name, rule] of Object.entries(rulesFor(table, owner))) {
    if (rule.dropped) continue
    const validate = (value: unknown) => {
      const problem = rule.check(value)
      if (problem) throw new RangeError(`attribute "${name}" ${problem}`)
    }
    specs[name] = 'default' in rule ? { default: rule.default, validate } : { validate }
  }
  return specs
}

// Link comes first as in TipTap (priority 1000), so it wraps bold and italic when rendered.
export const schema = new Schema({
  nodes: {
    doc: { content: 'block+' },
    paragraph: { group: 'block', content: 'inline*' },
    heading: { group: 'block', content: 'inline*', attrs: attrs(NODE_ATTRS, 'heading') },
    blockquote: { group: 'block', content: '(paragraph | heading | bulletList | orderedList)+' },
    bulletList: { group: 'block', content: 'listItem+' },
    orderedList: { group: 'block', content: 'listItem+', attrs: attrs(NODE_ATTRS, 'orderedList') },
    listItem: { content: 'paragraph block*' },
    horizontalRule: { group: 'block' },
    figure: { group: 'block', atom: true, attrs: attrs(NODE_ATTRS, 'figure') },
    pullQuote: {
      group: 'block',
      content: 'text*',
      marks: '',
      attrs: attrs(NODE_ATTRS, 'pullQuote'),
    },
    relatedArticle: { group: 'block', atom: true, attrs: attrs(NODE_ATTRS, 'relatedArticle') },
    embed: { group: 'block', atom: true, attrs: attrs(NODE_ATTRS, 'embed') },
    text: { group: 'inline' },
    hardBreak: { group: 'inline', inline: true, selectable: false },
  },
  marks: {
    link: { attrs: attrs(MARK_ATTRS, 'link'), inclusive: false },
    bold: {},
    italic: {},
  },
})
