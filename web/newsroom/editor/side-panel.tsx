// The side panel: where, by whom and about what the story is, its photo, comments, links and corrections.
import type { Edition, Story } from '../api.ts'
import { SelectField, TextAreaField, TextField } from '../components/field.tsx'
import { COMMENT_MODE_LABELS, COMMENT_MODES, formatCount } from '../i18n.ts'
import type { FieldName } from './autosave.ts'
import { CorrectionsField } from './corrections-field.tsx'
import type { Draft } from './draft.ts'
import { LeadPhotoField } from './lead-photo-field.tsx'
import { RelatedStoriesField } from './related-stories-field.tsx'
import type { StoryPermissions } from './story-permissions.ts'
import { BylineField, TagsField } from './taxonomy-fields.tsx'
import { TranslationsField } from './translations-field.tsx'
import './side-panel.css'

export function SidePanel(props: {
  story: Story
  draft: Draft
  edition: Edition
  editions: Edition[]
  permissions: StoryPermissions
  readOnly: boolean
  errorFor: (field: FieldName) => string | undefined
  onChange: (patch: Partial<Draft>) => void
  onAddCorrection: (text: string) => Promise<string | null>
  navigate: (path: string) => void
}) {
  const { story, draft, edition, errorFor, onChange } = props
  return (
    <aside class="story-side" aria-label="Story details">
      <fieldset class="story-side__fields" disabled={props.readOnly}>
        <legend class="visually-hidden">Story details</legend>
        <div class="field">
          <span class="side-label">Edition</span>
          <span>{edition.name}</span>
        </div>
        <SelectField
          label="Section"
          value={String(draft.sectionId)}
          error={errorFor('sectionId')}
          onValue={(value) => onChange({ sectionId: Number(value) })}
        >
          {edition.sections.map((section) => (
            <option key={section.id} value={section.id}>
              {section.name}
            </option>
          ))}
        </SelectField>
        <TagsField
          editionId={edition.id}
          selected={draft.tagIds}
          known={story.tags}
          canCreate={props.permissions.manageTags}
          error={errorFor('tagIds')}
          onChange={(tagIds) => onChange({ tagIds })}
        />
        <BylineField
          editionId={edition.id}
          selected={draft.authorIds}
          known={story.authors}
          error={errorFor('authorIds')}
          onChange={(authorIds) => onChange({ authorIds })}
        />
        <TextField
          label="Dateline"
          dir={edition.direction}
          value={draft.datelinePlace}
          hint="Where the story was filed from, e.g. MOSCOW."
          error={errorFor('datelinePlace')}
          onValue={(datelinePlace) => onChange({ datelinePlace })}
        />
        <TextAreaField
          label="Dek"
          dir={edition.direction}
          value={draft.dek}
          hint="One or two sentences under the headline."
          error={errorFor('dek')}
          onValue={(dek) => onChange({ dek })}
        />
        <TextField
          label="Source"
          dir={edition.direction}
          value={draft.source}
          error={errorFor('source')}
          onValue={(source) => onChange({ source })}
        />
        <TextField
          label="Slug"
          dir="ltr"
          value={draft.slug}
          hint="The last part of the story’s address."
          error={errorFor('slug')}
          onValue={(slug) => onChange({ slug })}
        />
        <LeadPhotoField
          lead={draft.lead}
          leadMediaId={draft.leadMediaId}
          error={errorFor('leadMediaId')}
          onChange={(lead) => onChange({ lead, leadMediaId: lead?.id ?? null })}
        />
        <div class="field side-check">
          <label>
            <input
              type="checkbox"
              checked={draft.breaking}
              onChange={(event) => onChange({ breaking: event.currentTarget.checked })}
            />{' '}
            Breaking news
          </label>
          <p class="field-hint">Shows the story in the breaking banner and sends alerts.</p>
        </div>
        <SelectField
          label="Comments"
          value={draft.commentMode ?? ''}
          hint={
            typeof story.commentCount === 'number'
              ? `${formatCount(story.commentCount, 'comment', 'comments')} on this story.`
              : undefined
          }
          error={errorFor('commentMode')}
          onValue={(value) =>
            onChange({ commentMode: COMMENT_MODES.find((mode) => mode === value) ?? null })
          }
        >
          <option value="">Edition default</option>
          {COMMENT_MODES.map((mode) => (
            <option key={mode} value={mode}>
              {COMMENT_MODE_LABELS[mode]}
            </option>
          ))}
        </SelectField>
        <RelatedStoriesField
          storyId={story.id}
          related={draft.related}
          edition={edition}
          error={errorFor('relatedIds')}
          onChange={(related) => onChange({ related })}
        />
        <TranslationsField
          translations={story.translations}
          editions={props.editions}
          group={draft.translationGroup}
          error={errorFor('translationGroup')}
          onGroup={(translationGroup) => onChange({ translationGroup })}
          navigate={props.navigate}
        />
      </fieldset>
      <CorrectionsField
        corrections={story.corrections}
        edition={edition}
        published={story.status === 'published'}
        canAdd={props.permissions.correct}
        onAdd={props.onAddCorrection}
      />
    </aside>
  )
}
