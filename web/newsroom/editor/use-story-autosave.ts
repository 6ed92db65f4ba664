// The story's editing state wired to the autosaver: draft fields, body changes, Mod-S, leaving the page.
import type { Editor } from '@tiptap/core'
import { useCallback, useEffect, useRef, useState } from 'preact/hooks'
import { api, type Story } from '../api.ts'
import { Autosaver, type SaveState } from './autosave.ts'
import { cleanBody } from './body/clean-body.ts'
import { type Draft, draftOf, mergeSaved, SAVED_AS, storyFields } from './draft.ts'
import { isModKey } from './shortcuts.ts'

export function useStoryAutosave(initial: Story, editor: Editor | null) {
  const [story, setStory] = useState(initial)
  const [draft, setDraft] = useState(() => draftOf(initial))
  const [saveState, setSaveState] = useState<SaveState>({ phase: 'clean' })
  // The autosaver reads the newest values when a save starts, not those of the last render.
  const draftRef = useRef(draft)
  const editorRef = useRef(editor)
  editorRef.current = editor

  const [saver] = useState(
    () =>
      new Autosaver({
        version: initial.version,
        status: initial.status,
        read: (names) =>
          storyFields(
            draftRef.current,
            () => {
              const current = editorRef.current
              return current && !current.isDestroyed ? cleanBody(current.getJSON()) : undefined
            },
            names,
          ),
        save: (fields) => api.saveStory(initial.id, fields),
        onState: setSaveState,
        onSaved: (saved, pending) => {
          setStory(saved)
          draftRef.current = mergeSaved(draftRef.current, saved, pending)
          setDraft(draftRef.current)
        },
      }),
  )

  const change = useCallback(
    (patch: Partial<Draft>) => {
      draftRef.current = { ...draftRef.current, ...patch }
      setDraft(draftRef.current)
      saver.touch(...(Object.keys(patch) as (keyof Draft)[]).map((key) => SAVED_AS[key]))
    },
    [saver],
  )

  const touchBody = useCallback(() => saver.touch('body'), [saver])

  useEffect(() => {
    const keydown = (event: KeyboardEvent) => {
      if (!isModKey(event, 's')) return
      event.preventDefault()
      void saver.flush()
    }
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (!saver.dirty) return
      event.preventDefault()
      // Older browsers still need returnValue to ask before leaving.
      event.returnValue = ''
    }
    window.addEventListener('keydown', keydown)
    window.addEventListener('beforeunload', beforeUnload)
    return () => {
      window.removeEventListener('keydown', keydown)
      window.removeEventListener('beforeunload', beforeUnload)
      // Runs before the body editor is destroyed (preact cleans up parents first). A public
      // story's unsaved changes are not saved on leaving; beforeunload asked first.
      saver.dispose()
    }
  }, [saver])

  return { story, setStory, draft, change, saver, saveState, touchBody }
}
