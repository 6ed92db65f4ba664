// Saves a story's changed fields at most every few seconds, based on the version last seen; a
// public story's changes wait until they are saved on purpose.
import { ApiError, type Status, type Story, type StoryFields } from '../api.ts'

export type FieldName = keyof StoryFields

export type SaveState =
  | { phase: 'clean' }
  | { phase: 'dirty' }
  | { phase: 'saving' }
  | { phase: 'saved'; at: Date }
  | { phase: 'failed'; message: string; field?: string }
  | { phase: 'conflict' }

export interface AutosaveOptions {
  /** The version of the story as loaded; every save sends the latest one as baseVersion. */
  version: string
  /** The story's status as loaded; while it is public, changes are saved only by flush. */
  status: Status
  /** The current values of the named fields, read when a save starts. */
  read: (fields: ReadonlySet<FieldName>) => StoryFields
  save: (fields: StoryFields & { baseVersion: string }) => Promise<Story>
  onState: (state: SaveState) => void
  /** `pending` holds the fields changed again while this save was under way. */
  onSaved: (story: Story, pending: ReadonlySet<FieldName>) => void
  /** How long changes gather before a save, and the shortest time between two saves. */
  interval?: number
  /** How long to wait after a network or server failure before trying again by itself. */
  retryDelay?: number
}

/** Published and scheduled stories: what is saved goes (or will go) out to readers. */
export const isPublic = (status: Status) => status === 'published' || status === 'scheduled'

const savedWell = (state: SaveState) => state.phase !== 'failed' && state.phase !== 'conflict'

export class Autosaver {
  readonly #options: Required<AutosaveOptions>
  readonly #dirty = new Set<FieldName>()
  #version: string
  #manual: boolean
  #timer: ReturnType<typeof setTimeout> | undefined
  #saving: Promise<void> | null = null
  #notBefore = 0
  /** After a refusal (4xx) nothing is retried until the next change or an explicit retry. */
  #halted = false
  #state: SaveState = { phase: 'clean' }
  #disposed = false

  constructor(options: AutosaveOptions) {
    this.#options = { interval: 3000, retryDelay: 10_000, ...options }
    this.#version = options.version
    this.#manual = isPublic(options.status)
  }

  get state(): SaveState {
    return this.#state
  }

  /** Whether anything typed has not reached the server yet. */
  get dirty(): boolean {
    return this.#dirty.size > 0 || this.#saving !== null
  }

  get pending(): ReadonlySet<FieldName> {
    return this.#dirty
  }

  /** Whether changes wait for flush (the story is public) instead of being saved by the clock. */
  get manual(): boolean {
    return this.#manual
  }

  /** Marks fields as changed; they are saved within the interval, or on flush when manual. */
  touch(...fields: FieldName[]): void {
    if (this.#state.phase === 'conflict') return
    for (const field of fields) this.#dirty.add(field)
    this.#halted = false
    if (this.#state.phase !== 'saving' && this.#state.phase !== 'failed') {
      this.#setState({ phase: 'dirty' })
    }
    this.#schedule()
  }

  /** Saves now (Update, Mod-S, before an action); answers whether all changes so far are saved. */
  async flush(): Promise<boolean> {
    this.#clearTimer()
    while (this.#saving) {
      await this.#saving
      this.#clearTimer()
    }
    if (this.#dirty.size > 0 && this.#state.phase !== 'conflict') await this.#run()
    return savedWell(this.#state)
  }

  retry(): Promise<boolean> {
    this.#halted = false
    return this.flush()
  }

  /** Waits for a save under way without starting one; answers whether there was no conflict. */
  async settle(): Promise<boolean> {
    while (this.#saving) await this.#saving
    return this.#state.phase !== 'conflict'
  }

  /** Takes the version and status of a story the server answered to something other than a save. */
  adopt(story: Story): void {
    this.#version = story.version
    this.#follow(story.status)
  }

  /**
   * For leaving the page: reads what is left now (the editor is about to go), saves it after
   * any save under way, and reports nothing more. A public story's unsaved changes are dropped.
   */
  dispose(): void {
    this.#clearTimer()
    this.#disposed = true
    this.#options.onState = () => {}
    this.#options.onSaved = () => {}
    if (this.#dirty.size === 0 || this.#state.phase === 'conflict' || this.#manual) return
    const fields = this.#options.read(new Set(this.#dirty))
    const save = () =>
      this.#state.phase === 'conflict'
        ? undefined
        : this.#options.save({ ...fields, baseVersion: this.#version }).catch(() => undefined)
    void (this.#saving ?? Promise.resolve()).then(save)
  }

  #follow(status: Status): void {
    this.#manual = isPublic(status)
    if (this.#manual) this.#clearTimer()
    else this.#schedule()
  }

  #schedule(): void {
    if (this.#disposed || this.#manual || this.#timer || this.#saving || this.#halted) return
    if (this.#dirty.size === 0 || this.#state.phase === 'conflict') return
    // Changes gather for one interval, and saves start at least one interval apart.
    const wait = Math.max(this.#options.interval, this.#notBefore - Date.now())
    this.#timer = setTimeout(() => {
      this.#timer = undefined
      if (this.#dirty.size > 0) void this.#run()
    }, wait)
  }

  #clearTimer(): void {
    clearTimeout(this.#timer)
    this.#timer = undefined
  }

  #run(): Promise<void> {
    const sent = new Set(this.#dirty)
    this.#dirty.clear()
    const fields = this.#options.read(sent)
    this.#notBefore = Date.now() + this.#options.interval
    this.#setState({ phase: 'saving' })
    const saving = this.#send(fields, sent).finally(() => {
      this.#saving = null
      this.#schedule()
    })
    this.#saving = saving
    return saving
  }

  async #send(fields: StoryFields, sent: ReadonlySet<FieldName>): Promise<void> {
    try {
      const story = await this.#options.save({ ...fields, baseVersion: this.#version })
      this.#version = story.version
      // Someone may have published or unpublished it meanwhile.
      this.#follow(story.status)
      this.#options.onSaved(story, this.#dirty)
      this.#setState(this.#dirty.size > 0 ? { phase: 'dirty' } : { phase: 'saved', at: new Date() })
    } catch (error) {
      for (const field of sent) this.#dirty.add(field)
      const problem = error instanceof ApiError ? error : null
      if (problem?.status === 409 || problem?.code === 'conflict') {
        this.#setState({ phase: 'conflict' })
        return
      }
      const refused = problem !== null && problem.status >= 400 && problem.status < 500
      if (refused) this.#halted = true
      else this.#notBefore = Date.now() + this.#options.retryDelay
      const message = (error as Error).message || 'the server did not answer'
      this.#setState(
        problem?.field
          ? { phase: 'failed', message, field: problem.field }
          : { phase: 'failed', message },
      )
    }
  }

  #setState(state: SaveState): void {
    this.#state = state
    this.#options.onState(state)
  }
}
