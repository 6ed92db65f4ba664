// What a valid attribute value is for each node and mark, shared by the schema and the validator.
import { isHttpUrl, isLinkHref } from './urls.ts'

export const LIMITS = { nodes: 20_000, depth: 12, string: 50_000, url: 2_000 } as const

/** Says what is wrong with a value (to follow `attribute "x"`), or null when it is fine. */
type Check = (value: unknown) => string | null

export interface AttrRule {
  /** Present when the attribute may be omitted. */
  readonly default?: unknown
  readonly check: Check
  /**
   * Written by stock TipTap extensions but meaningless here (the renderer decides rel and
   * target), so it is accepted, then dropped from the stored document.
   */
  readonly dropped?: true
}

const plainString: Check = (value) => {
  if (typeof value !== 'string') return 'must be a string'
  return value.length > LIMITS.string ? `must be at most ${LIMITS.string} characters` : null
}

// Ids are 32-bit integer columns on both databases.
const positiveInteger: Check = (value) =>
  Number.isSafeInteger(value) && (value as number) > 0 && (value as number) <= 2_147_483_647
    ? null
    : 'must be a positive integer'

const headingLevel: Check = (value) =>
  value === 2 || value === 3 || value === 4 ? null : 'must be 2, 3 or 4'

const url =
  (accept: (value: string) => boolean, kind: string): Check =>
  (value) => {
    if (typeof value !== 'string') return 'must be a string'
    if (value.length > LIMITS.url) return `must be at most ${LIMITS.url} characters`
    return accept(value) ? null : `must be ${kind} URL`
  }

const stringOrNull: Check = (value) =>
  value === null || typeof value === 'string'
    ? plainString(value ?? '')
    : 'must be a string or null'

const editorOnly: AttrRule = { check: stringOrNull, dropped: true }

export type Rules = Readonly<Record<string, AttrRule>>

export const NODE_ATTRS: Readonly<Record<string, Rules>> = {
  heading: { level: { check: headingLevel } },
  orderedList: { start: { default: 1, check: positiveInteger }, type: editorOnly },
  figure: {
    mediaId: { check: positiveInteger },
    caption: { default: '', check: plainString },
    credit: { default: '', check: plainString },
  },
  pullQuote: { attribution: { default: '', check: plainString } },
  relatedArticle: { articleId: { check: positiveInteger } },
  embed: {
    url: { check: url(isHttpUrl, 'an http(s)') },
    title: { default: '', check: plainString },
  },
}

export const MARK_ATTRS: Readonly<Record<string, Rules>> = {
  link: {
    href: { check: url(isLinkHref, 'an http(s) or mailto') },
    target: editorOnly,
    rel: editorOnly,
    class: editorOnly,
    title: editorOnly,
  },
}

const NONE: Rules = {}

/** Own properties only, so names like "constructor" are never mistaken for rules. */
export function rulesFor(table: Readonly<Record<string, Rules>>, owner: string): Rules {
  return Object.hasOwn(table, owner) ? (table[owner] as Rules) : NONE
}

export function ruleFor(rules: Rules, name: string): AttrRule | undefined {
  return Object.hasOwn(rules, name) ? rules[name] : undefined
}
