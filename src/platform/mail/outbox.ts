// The file outbox under DATA_DIR/outbox: one JSON file (and an .eml rendering) per mail kept.
import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import MailComposer from 'nodemailer/lib/mail-composer/index.js'
import type { Clock } from '../clock.ts'
import { invalidInput } from '../errors.ts'
import type { Mail, OutboxMail, OutboxPage } from './mail.types.ts'

/** An outbox id: the time it was kept, then 16 hex digits; so ids sort by time. */
export const OUTBOX_ID_PATTERN =
  '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z-[0-9a-f]{16}$'
const OUTBOX_ID = new RegExp(OUTBOX_ID_PATTERN)

/** Only ids of this exact shape reach the filesystem: no separators, dots or traversal. */
export const isOutboxId = (id: string): boolean => OUTBOX_ID.test(id)

interface KeptMail extends Mail {
  id: string
  from: string
  createdAt: string
}

/** Written beside, then renamed: a reader never sees half a file. */
async function writeAtomically(file: string, data: string | Buffer): Promise<void> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`)
  await fs.writeFile(temporary, data)
  await fs.rename(temporary, file)
}

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT'

export function createOutbox(deps: { dir: string; clock: Clock }) {
  const { dir, clock } = deps

  const read = async (id: string): Promise<OutboxMail | null> => {
    let kept: KeptMail
    try {
      kept = JSON.parse(await fs.readFile(path.join(dir, `${id}.json`), 'utf8'))
    } catch (error) {
      if (isMissing(error) || error instanceof SyntaxError) return null
      throw error
    }
    return { id, to: kept.to, subject: kept.subject, createdAt: kept.createdAt, text: kept.text }
  }

  /** Every id in the outbox, newest first. */
  const ids = async (): Promise<string[]> => {
    let names: string[]
    try {
      names = await fs.readdir(dir)
    } catch (error) {
      if (isMissing(error)) return []
      throw error
    }
    return names
      .filter((name) => name.endsWith('.json'))
      .map((name) => name.slice(0, -'.json'.length))
      .filter(isOutboxId)
      .sort()
      .reverse()
  }

  return {
    /** Keeps the mail; returns its id. */
    async keep(mail: Mail & { from: string }): Promise<string> {
      const createdAt = clock.now().toISOString()
      const id = `${createdAt}-${randomBytes(8).toString('hex')}`
      const kept: KeptMail = { id, createdAt, ...mail }
      await fs.mkdir(dir, { recursive: true })
      const eml = await new MailComposer({ ...mail, date: new Date(createdAt) }).compile().build()
      await writeAtomically(path.join(dir, `${id}.eml`), eml)
      // The JSON file last: it is what lists the mail.
      await writeAtomically(path.join(dir, `${id}.json`), `${JSON.stringify(kept, null, 2)}\n`)
      return id
    },

    async list(page: { before?: string; limit: number }): Promise<OutboxPage> {
      const { before, limit } = page
      if (before !== undefined && !isOutboxId(before))
        throw invalidInput('before', 'before must be the id of a mail in the outbox')
      const older = (await ids()).filter((id) => before === undefined || id < before)
      const shown = older.slice(0, limit)
      const items = (await Promise.all(shown.map(read))).filter((mail) => mail !== null)
      return { items, nextBefore: older.length > limit ? (shown.at(-1) ?? null) : null }
    },

    /** The mail, or null when there is none by that id (or the id is not one). */
    async get(id: string): Promise<OutboxMail | null> {
      return isOutboxId(id) ? read(id) : null
    },
  }
}

export type Outbox = ReturnType<typeof createOutbox>
