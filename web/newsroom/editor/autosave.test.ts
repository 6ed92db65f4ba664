// Checks the autosave rhythm: at most one save per interval, versions chained, conflicts stop it,
// public stories saved only on purpose.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { ApiError, type Status, type Story, type StoryFields } from '../api.ts'
import { Autosaver, type SaveState } from './autosave.ts'

let values: StoryFields
let sent: (StoryFields & { baseVersion: string })[]
let answer: (fields: StoryFields & { baseVersion: string }) => Promise<Story>
let states: SaveState['phase'][]

const story = (version: string, status: Status = 'draft') => ({ version, status }) as Story

function saver(options: { interval?: number; status?: Status } = {}) {
  return new Autosaver({
    version: 'v1',
    status: 'draft',
    read: (names) => Object.fromEntries([...names].map((name) => [name, values[name]])),
    save: (fields) => {
      sent.push(fields)
      return answer(fields)
    },
    onState: (state) => states.push(state.phase),
    onSaved: () => {},
    ...options,
  })
}

beforeEach(() => {
  vi.useFakeTimers()
  values = { headline: 'One', dek: 'Dek' }
  sent = []
  states = []
  let version = 1
  answer = async () => story(`v${++version}`)
})

afterEach(() => {
  vi.useRealTimers()
})

describe('Autosaver', () => {
  test('gathers changes for an interval, then saves them on the version before', async () => {
    const autosave = saver()
    autosave.touch('headline')
    await vi.advanceTimersByTimeAsync(2999)
    expect(sent).toEqual([])
    await vi.advanceTimersByTimeAsync(1)
    expect(sent).toEqual([{ headline: 'One', baseVersion: 'v1' }])

    values.headline = 'Two'
    autosave.touch('headline')
    values.dek = 'New dek'
    autosave.touch('dek')
    await vi.advanceTimersByTimeAsync(2999)
    expect(sent).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(sent[1]).toEqual({ headline: 'Two', dek: 'New dek', baseVersion: 'v2' })
    expect(autosave.dirty).toBe(false)
    expect(states.at(-1)).toBe('saved')
  })

  test('saves at once on flush and keeps changes made while a save was under way', async () => {
    const autosave = saver()
    let release: (value: Story) => void = () => {}
    answer = () => new Promise((resolve) => (release = resolve))
    autosave.touch('headline')
    const flushed = autosave.flush()
    values.dek = 'Typed while saving'
    autosave.touch('dek')
    release(story('v2'))
    expect(await flushed).toBe(true)
    expect(autosave.pending).toEqual(new Set(['dek']))
    answer = async () => story('v3')
    await vi.advanceTimersByTimeAsync(3000)
    expect(sent.map((fields) => fields.baseVersion)).toEqual(['v1', 'v2'])
    expect(autosave.dirty).toBe(false)
  })

  test('stops for good on a conflict', async () => {
    const autosave = saver()
    answer = () => Promise.reject(new ApiError(409, 'conflict', 'Someone else saved'))
    autosave.touch('headline')
    await vi.advanceTimersByTimeAsync(3000)
    expect(autosave.state).toEqual({ phase: 'conflict' })
    autosave.touch('dek')
    await vi.advanceTimersByTimeAsync(60_000)
    expect(sent).toHaveLength(1)
    expect(await autosave.flush()).toBe(false)
  })

  test('waits for the next change or a retry after a refusal, keeping its field', async () => {
    const autosave = saver()
    answer = () => Promise.reject(new ApiError(422, 'invalid_input', 'is taken', 'slug'))
    autosave.touch('headline')
    await vi.advanceTimersByTimeAsync(60_000)
    expect(sent).toHaveLength(1)
    expect(autosave.state).toEqual({ phase: 'failed', message: 'is taken', field: 'slug' })

    answer = async () => story('v2')
    expect(await autosave.retry()).toBe(true)
    expect(sent[1]).toEqual({ headline: 'One', baseVersion: 'v1' })
  })

  test('tries again by itself after a network failure', async () => {
    const autosave = saver()
    answer = () => Promise.reject(new ApiError(0, 'network', 'offline'))
    autosave.touch('headline')
    await vi.advanceTimersByTimeAsync(3000)
    expect(autosave.state.phase).toBe('failed')
    answer = async () => story('v2')
    await vi.advanceTimersByTimeAsync(10_000)
    expect(sent).toHaveLength(2)
    expect(autosave.state.phase).toBe('saved')
  })

  test('on leaving, saves what is left with what it holds at that moment', async () => {
    const autosave = saver()
    autosave.touch('headline')
    autosave.dispose()
    values.headline = 'Changed after leaving'
    await vi.advanceTimersByTimeAsync(10_000)
    expect(sent).toEqual([{ headline: 'One', baseVersion: 'v1' }])
  })
})

describe('Autosaver on a public story', () => {
  test.each(['published', 'scheduled'] as const)(
    'holds the changes of a %s story until flushed',
    async (status) => {
      answer = async () => story('v2', status)
      const autosave = saver({ status })
      expect(autosave.manual).toBe(true)
      autosave.touch('headline')
      await vi.advanceTimersByTimeAsync(60_000)
      expect(sent).toEqual([])
      expect(autosave.state).toEqual({ phase: 'dirty' })
      expect(autosave.dirty).toBe(true)

      expect(await autosave.flush()).toBe(true)
      expect(sent).toEqual([{ headline: 'One', baseVersion: 'v1' }])
      expect(autosave.state.phase).toBe('saved')
      autosave.touch('dek')
      await vi.advanceTimersByTimeAsync(60_000)
      expect(sent).toHaveLength(1)
    },
  )

  test('keeps on autosaving drafts, stories in review and unpublished ones', () => {
    for (const status of ['draft', 'in_review', 'unpublished'] as const)
      expect(saver({ status }).manual).toBe(false)
  })

  test('does not save on leaving', async () => {
    const autosave = saver({ status: 'published' })
    autosave.touch('headline')
    autosave.dispose()
    await vi.advanceTimersByTimeAsync(60_000)
    expect(sent).toEqual([])
  })

  test('does not try again by itself after a network failure', async () => {
    const autosave = saver({ status: 'published' })
    answer = () => Promise.reject(new ApiError(0, 'network', 'offline'))
    autosave.touch('headline')
    expect(await autosave.flush()).toBe(false)
    answer = async () => story('v2', 'published')
    await vi.advanceTimersByTimeAsync(60_000)
    expect(sent).toHaveLength(1)
    expect(await autosave.retry()).toBe(true)
    expect(sent).toHaveLength(2)
  })

  test('follows the status: holds changes once published, autosaves them once unpublished', async () => {
    const autosave = saver()
    autosave.touch('headline')
    autosave.adopt(story('v2', 'published'))
    await vi.advanceTimersByTimeAsync(60_000)
    expect(sent).toEqual([])
    expect(autosave.manual).toBe(true)

    autosave.adopt(story('v3', 'unpublished'))
    expect(autosave.manual).toBe(false)
    await vi.advanceTimersByTimeAsync(3000)
    expect(sent).toEqual([{ headline: 'One', baseVersion: 'v3' }])
  })

  test('holds changes once a save answers that someone published the story meanwhile', async () => {
    const autosave = saver()
    let release: (value: Story) => void = () => {}
    answer = () => new Promise((resolve) => (release = resolve))
    autosave.touch('headline')
    await vi.advanceTimersByTimeAsync(3000)
    autosave.touch('dek')
    release(story('v2', 'published'))
    await vi.advanceTimersByTimeAsync(60_000)
    expect(sent).toHaveLength(1)
    expect(autosave.manual).toBe(true)
    expect(autosave.state).toEqual({ phase: 'dirty' })
  })

  test('settles a save under way without saving what is held', async () => {
    const autosave = saver({ status: 'published' })
    let release: (value: Story) => void = () => {}
    answer = () => new Promise((resolve) => (release = resolve))
    autosave.touch('headline')
    const flushed = autosave.flush()
    autosave.touch('dek')
    const settled = autosave.settle()
    release(story('v2', 'published'))
    expect(await settled).toBe(true)
    await flushed
    expect(sent).toHaveLength(1)
    expect(autosave.pending).toEqual(new Set(['dek']))
  })
})
