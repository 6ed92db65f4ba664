// The editing workspace for one loaded story: top bar, toolbar, body, side panel and dialogs.
import type { Editor } from '@tiptap/core'
import { useCallback, useState } from 'preact/hooks'
import { api, type Edition, type Session, type Story } from '../api.ts'
import { useApp } from '../app-context.ts'
import { StatusMessage } from '../components/status-message.tsx'
import { type FieldName, isPublic } from './autosave.ts'
import { ConflictBanner } from './banners.tsx'
import { BodyEditor } from './body-editor.tsx'
import { isFieldPath } from './draft.ts'
import { createHeadlineCache } from './headline-cache.ts'
import { InsertDialogs } from './insert-dialogs.tsx'
import { PublishControls } from './publish-controls.tsx'
import { RevisionsDrawer } from './revisions-drawer.tsx'
import { SidePanel } from './side-panel.tsx'
import { storyPermissions } from './story-permissions.ts'
import { type InsertDialog, Toolbar } from './toolbar.tsx'
import { TopBar } from './top-bar.tsx'
import { useStoryActions } from './use-story-actions.ts'
import { useStoryAutosave } from './use-story-autosave.ts'

export function StoryWorkspace(props: {
  story: Story
  edition: Edition
  editions: Edition[]
  session: Session
  navigate: (path: string) => void
  onReload: () => void
  /** Shows another state of the story from scratch (a restored revision). */
  onReplace: (story: Story) => void
}) {
  const { edition } = props
  const app = useApp()
  const [editor, setEditor] = useState<Editor | null>(null)
  const autosave = useStoryAutosave(props.story, editor)
  const { story, draft, saver, saveState } = autosave
  const actions = useStoryActions({
    storyId: story.id,
    saver,
    app,
    setStory: autosave.setStory,
    onReplace: props.onReplace,
  })
  const [dialog, setDialog] = useState<InsertDialog | null>(null)
  const [revisionsOpen, setRevisionsOpen] = useState(false)
  const [headlines] = useState(() => createHeadlineCache(props.story.related))
  const [bodyProblem, setBodyProblem] = useState('')

  const permissions = storyPermissions(props.session, story)
  const conflict = saveState.phase === 'conflict'
  const readOnly = !permissions.edit || conflict
  // Changes to a published or scheduled story wait for Update instead of going live half-typed.
  const manual = isPublic(story.status)
  const bodyEditable = !readOnly && !bodyProblem
  const bodyId = `story-body-${story.id}`

  const errorFor = (field: FieldName) =>
    saveState.phase === 'failed' && isFieldPath(saveState.field, field)
      ? saveState.message
      : undefined
  const openLink = useCallback(() => setDialog('link'), [])
  const describeError = useCallback((error: unknown) => app.handleError(error), [app])

  return (
    <div class="story-editor">
      {conflict ? <ConflictBanner onReload={props.onReload} /> : null}
      {!permissions.edit ? (
        <p class="note story-banner">You can read this story but not change it.</p>
      ) : null}
      {bodyProblem ? (
        <p class="note story-banner" role="alert">
          The stored body does not fit the editor ({bodyProblem}), so it cannot be edited here. The
          other fields can still be changed.
        </p>
      ) : null}
      <TopBar
        story={story}
        edition={edition}
        headline={draft.headline}
        headlineError={errorFor('headline')}
        readOnly={readOnly}
        saveState={saveState}
        onHeadline={(headline) => autosave.change({ headline })}
        onHeadlineDone={() => editor?.commands.focus('start')}
        onRetry={() => void saver.retry()}
        onUpdate={manual && !readOnly ? () => void saver.flush() : undefined}
        onPreview={() => void actions.preview()}
        onRevisions={() => setRevisionsOpen(true)}
      >
        <PublishControls
          story={story}
          edition={edition}
          permissions={permissions}
          busy={actions.busy}
          run={actions.run}
        />
      </TopBar>
      <StatusMessage message={actions.notice} />
      <div class="story-editor__layout">
        <div class="story-editor__main">
          <Toolbar editor={editor} editable={bodyEditable} controls={bodyId} onOpen={setDialog} />
          <BodyEditor
            id={bodyId}
            body={props.story.body}
            dir={edition.direction}
            lang={edition.locale}
            editable={bodyEditable}
            headline={headlines.headline}
            onReady={setEditor}
            onChange={autosave.touchBody}
            onLinkShortcut={openLink}
            onContentError={setBodyProblem}
          />
          {errorFor('body') ? <p class="field-error">{errorFor('body')}</p> : null}
        </div>
        <SidePanel
          story={story}
          draft={draft}
          edition={edition}
          editions={props.editions}
          permissions={permissions}
          readOnly={readOnly}
          errorFor={errorFor}
          onChange={autosave.change}
          onAddCorrection={(text) =>
            actions.run('Correction added', () => api.addCorrection(story.id, text), {
              saveFirst: false,
            })
          }
          navigate={props.navigate}
        />
      </div>
      <InsertDialogs
        open={dialog}
        editor={editor}
        edition={edition}
        storyId={story.id}
        headlines={headlines}
        onClose={() => setDialog(null)}
      />
      {revisionsOpen ? (
        <RevisionsDrawer
          storyId={story.id}
          edition={edition}
          canRestore={permissions.edit && !conflict}
          dropsUnsaved={manual && saver.dirty}
          onRestore={actions.restore}
          onClose={() => setRevisionsOpen(false)}
          describeError={describeError}
        />
      ) : null}
    </div>
  )
}
