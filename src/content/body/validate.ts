// Checks an untrusted body: a walk over the raw JSON for precise paths and messages, then
// prosemirror-model as the final word (it silently ignores unknown attributes, hence the walk).
import { type MarkType, type NodeType, Node as PmNode } from 'prosemirror-model'
import { LIMITS, MARK_ATTRS, NODE_ATTRS, type Rules, ruleFor, rulesFor } from './attrs.ts'
import { schema } from './schema.ts'
import type { BodyDoc } from './types.ts'

export type BodyValidation =
  | { ok: true; doc: BodyDoc }
  | { ok: false; path: string; message: string }

type Json = Record<string, unknown>

interface Tally {
  nodes: number
}

class Invalid {
  constructor(
    readonly path: string,
    readonly message: string,
  ) {}
}

const NODE_KEYS = new Set(['type', 'attrs', 'content', 'text', 'marks'])
const MARK_KEYS = new Set(['type', 'attrs'])

/** Paths and messages echo user input, so long values are cut short. */
function shown(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value
}

function at(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function validateBody(input: unknown): BodyValidation {
  try {
    const type = nodeType(input, '')
    if (type !== schema.topNodeType) {
      throw new Invalid('', `the root node must be "doc", not "${type.name}"`)
    }
    walkNode(input as Json, type, type, '', 0, { nodes: 0 })
  } catch (error) {
    if (error instanceof Invalid) return { ok: false, path: error.path, message: error.message }
    throw error
  }
  try {
    const doc = PmNode.fromJSON(schema, input)
    doc.check()
    return { ok: true, doc: doc.toJSON() as BodyDoc }
  } catch (error) {
    // The walk above should have caught everything prosemirror-model objects to.
    return { ok: false, path: '', message: (error as Error).message }
  }
}

function nodeType(value: unknown, path: string): NodeType {
  if (!isObject(value)) throw new Invalid(path, 'a node must be an object')
  const name = value.type
  if (typeof name !== 'string') throw new Invalid(path, 'a node must have a string "type"')
  if (!Object.hasOwn(schema.nodes, name)) {
    throw new Invalid(path, `unknown node type "${shown(name)}"`)
  }
  return schema.nodes[name] as NodeType
}

function walkNode(
  node: Json,
  type: NodeType,
  parent: NodeType,
  path: string,
  depth: number,
  count: Tally,
): void {
  if (++count.nodes > LIMITS.nodes) {
    throw new Invalid(path, `the document has more than ${LIMITS.nodes} nodes`)
  }
  if (depth > LIMITS.depth) {
    throw new Invalid(path, `nodes are nested more than ${LIMITS.depth} levels deep`)
  }
  for (const key of Object.keys(node)) {
    if (!NODE_KEYS.has(key)) throw new Invalid(at(path, shown(key)), `unknown key "${shown(key)}"`)
  }
  if (type.isText) checkText(node.text, at(path, 'text'))
  else if ('text' in node) throw new Invalid(at(path, 'text'), 'only text nodes have "text"')
  checkAttrs(node.attrs, rulesFor(NODE_ATTRS, type.name), type.name, path)
  if ('marks' in node) {
    if (!type.isInline) throw new Invalid(at(path, 'marks'), `"${type.name}" cannot have marks`)
    checkMarks(node.marks, parent, at(path, 'marks'))
  }
  if (type.isLeaf) {
    if (node.content !== undefined && !(Array.isArray(node.content) && node.content.length === 0)) {
      throw new Invalid(at(path, 'content'), `"${type.name}" cannot have content`)
    }
    return
  }
  walkContent(node.content, type, path, depth, count)
}

function walkContent(
  content: unknown,
  type: NodeType,
  path: string,
  depth: number,
  count: Tally,
): void {
  if (content !== undefined && !Array.isArray(content)) {
    throw new Invalid(at(path, 'content'), '"content" must be an array')
  }
  const children = content ?? []
  let match = type.contentMatch
  for (let i = 0; i < children.length; i++) {
    const childPath = at(path, `content[${i}]`)
    const child = children[i]
    const childType = nodeType(child, childPath)
    const next = match.matchType(childType)
    if (!next) {
      throw new Invalid(childPath, `"${childType.name}" is not allowed here in "${type.name}"`)
    }
    match = next
    walkNode(child as Json, childType, type, childPath, depth + 1, count)
  }
  if (!match.validEnd) {
    const problem = children.length === 0 ? 'must not be empty' : 'is missing content at its end'
    throw new Invalid(path, `"${type.name}" ${problem}`)
  }
}

function checkText(text: unknown, path: string): void {
  if (typeof text !== 'string') throw new Invalid(path, 'a text node must have a string "text"')
  if (text === '') throw new Invalid(path, 'a text node must not be empty')
  if (text.length > LIMITS.string) {
    throw new Invalid(path, `text must be at most ${LIMITS.string} characters`)
  }
}

function checkAttrs(attrs: unknown, rules: Rules, owner: string, path: string): void {
  const attrsPath = at(path, 'attrs')
  if (attrs !== undefined && !isObject(attrs)) {
    throw new Invalid(attrsPath, '"attrs" must be an object')
  }
  const given = attrs ?? {}
  for (const [name, value] of Object.entries(given)) {
    const rule = ruleFor(rules, name)
    const namePath = at(attrsPath, shown(name))
    if (!rule) throw new Invalid(namePath, `unknown attribute "${shown(name)}" on "${owner}"`)
    const problem = rule.check(value)
    if (problem) throw new Invalid(namePath, `attribute "${name}" ${problem}`)
  }
  for (const [name, rule] of Object.entries(rules)) {
    if (!('default' in rule) && !rule.dropped && !Object.hasOwn(given, name)) {
      throw new Invalid(at(attrsPath, name), `attribute "${name}" is required on "${owner}"`)
    }
  }
}

function checkMarks(marks: unknown, parent: NodeType, path: string): void {
  if (!Array.isArray(marks)) throw new Invalid(path, '"marks" must be an array')
  const seen = new Set<MarkType>()
  for (let i = 0; i < marks.length; i++) {
    const markPath = `${path}[${i}]`
    const type = markType(marks[i], markPath)
    if (seen.has(type)) throw new Invalid(markPath, `mark "${type.name}" appears more than once`)
    seen.add(type)
    if (!parent.allowsMarkType(type)) {
      throw new Invalid(markPath, `mark "${type.name}" is not allowed in "${parent.name}"`)
    }
    const mark = marks[i] as Json
    for (const key of Object.keys(mark)) {
      if (!MARK_KEYS.has(key)) {
        throw new Invalid(at(markPath, shown(key)), `unknown key "${shown(key)}" on a mark`)
      }
    }
    checkAttrs(mark.attrs, rulesFor(MARK_ATTRS, type.name), type.name, markPath)
  }
}

function markType(value: unknown, path: string): MarkType {
  if (!isObject(value)) throw new Invalid(path, 'a mark must be an object')
  const name = value.type
  if (typeof name !== 'string') throw new Invalid(path, 'a mark must have a string "type"')
  if (!Object.hasOwn(schema.marks, name)) throw new Invalid(path, `unknown mark "${shown(name)}"`)
  return schema.marks[name] as MarkType
}
