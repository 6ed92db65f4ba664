// Subscriber lists as CSV (RFC 4180): the newsroom's export, and the import it reads back, line by
// line, saying which lines it could not take and why.
import { NEWSLETTER_LISTS, type NewsletterList } from './newsletter.table.ts'
import type { Subscriber } from './newsletter.types.ts'

export const CSV_COLUMNS = [
  'email',
  'lists',
  'status',
  'consent_at',
  'created_at',
  'source',
] as const
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,253}\.[^\s@]{2,63}$/
const DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?)?$/
// A spreadsheet runs a cell that starts like a formula; a quote before it keeps it text.
const FORMULA = /^[=+\-@\t\r]/

function field(value: string): string {
  const safe = FORMULA.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}

export function subscribersCsv(subscribers: readonly Subscriber[]): string {
  const lines = [CSV_COLUMNS.join(',')]
  for (const s of subscribers)
    lines.push(
      [
        s.email,
        s.lists.join(';'),
        s.status,
        s.consentAt?.toISOString() ?? '',
        s.createdAt.toISOString(),
        s.source,
      ]
        .map(field)
        .join(','),
    )
  return `${lines.join('\r\n')}\r\n`
}

/** Records of CSV text, each with the line it starts on; quoted fields may span lines. */
export function parseCsv(text: string): { line: number; fields: string[] }[] {
  const records: { line: number; fields: string[] }[] = []
  let fields: string[] = []
  let value = ''
  let quoted = false
  let line = 1
  let start = 1
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0
  const end = () => {
    fields.push(value)
    value = ''
  }
  const finish = () => {
    end()
    if (fields.length > 1 || fields[0] !== '') records.push({ line: start, fields })
    fields = []
  }
  for (; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        value += '"'
        i++
      } else if (c === '"') quoted = false
      else {
        if (c === '\n') line++
        value += c
      }
    } else if (c === '"' && value === '') quoted = true
    else if (c === ',') end()
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++
      finish()
      line++
      start = line
    } else value += c
  }
  if (value !== '' || fields.length > 0) finish()
  return records
}

export interface ImportRow {
  line: number
  email: string
  lists: NewsletterList[]
  consentAt: Date
}

export interface ImportProblem {
  line: number
  message: string
}

const unquote = (value: string) =>
  value.startsWith("'") && FORMULA.test(value.slice(1)) ? value.slice(1) : value

/**
 * The rows of an import, duplicates merged (their lists joined, the latest consent kept), and the
 * lines it could not read. Needs `email` and `consent_at` columns; without `lists`, both lists.
 */
export function readImport(
  text: string,
  now: Date,
): { rows: ImportRow[]; problems: ImportProblem[] } {
  const [header, ...records] = parseCsv(text)
  if (!header) return { rows: [], problems: [{ line: 1, message: 'the file is empty' }] }
  const names = header.fields.map((name) => name.trim().toLowerCase())
  const column = (name: string) => names.indexOf(name)
  const [email, consent, lists, status] = ['email', 'consent_at', 'lists', 'status'].map(
    column,
  ) as [number, number, number, number]
  if (email < 0 || consent < 0)
    return {
      rows: [],
      problems: [
        { line: header.line, message: 'the first line must name the columns email and consent_at' },
      ],
    }
  const problems: ImportProblem[] = []
  const byEmail = new Map<string, ImportRow>()
  for (const { line, fields } of records) {
    const address = unquote(fields[email]?.trim() ?? '').toLowerCase()
    if (address.length > 254 || !EMAIL.test(address)) {
      problems.push({ line, message: `"${address.slice(0, 100)}" is not an e-mail address` })
      continue
    }
    // An export read back: who left or bounced is not subscribed again.
    const state = status < 0 ? '' : (fields[status]?.trim() ?? '')
    if (state !== '' && state !== 'confirmed') {
      problems.push({ line, message: `not imported: its status is ${state.slice(0, 20)}` })
      continue
    }
    const dateText = fields[consent]?.trim() ?? ''
    const consentAt = new Date(
      /^\d{4}-\d{2}-\d{2}$/.test(dateText) ? `${dateText}T00:00:00Z` : dateText,
    )
    if (!DATE.test(dateText) || Number.isNaN(consentAt.getTime())) {
      problems.push({ line, message: 'consent_at must be a date such as 2026-02-14' })
      continue
    }
    if (consentAt > now) {
      problems.push({ line, message: 'consent_at is in the future' })
      continue
    }
    const names =
      lists < 0 ? [...NEWSLETTER_LISTS] : (fields[lists] ?? '').split(/[;|\s]+/).filter(Boolean)
    const unknown = names.find((name) => !(NEWSLETTER_LISTS as readonly string[]).includes(name))
    if (unknown !== undefined || names.length === 0) {
      problems.push({
        line,
        message: `lists must name ${NEWSLETTER_LISTS.join(' and/or ')}, separated by ;`,
      })
      continue
    }
    const chosen = NEWSLETTER_LISTS.filter((list) => names.includes(list))
    const seen = byEmail.get(address)
    if (seen) {
      seen.lists = NEWSLETTER_LISTS.filter((l) => seen.lists.includes(l) || chosen.includes(l))
      if (consentAt > seen.consentAt) seen.consentAt = consentAt
    } else byEmail.set(address, { line, email: address, lists: chosen, consentAt })
  }
  return { rows: [...byEmail.values()], problems }
}
