// One revision's differences from the story as it is now, field by field, readable without colour:
// removed parts are only in the revision, added ones only in the story now.
import type { DiffPart, RevisionDiff } from '../api.ts'
import { fieldLabel } from './draft.ts'

export function RevisionDiffView(props: { diff: RevisionDiff }) {
  const { fields } = props.diff
  if (fields.length === 0) return <p class="muted">This revision is the same as the story now.</p>
  return (
    <div class="revision-diff">
      <p class="small muted">
        Since this revision, <del class="diff-removed">struck-through</del> text was removed (it is
        only in the revision) and <ins class="diff-added">underlined</ins> text was added (it is
        only in the story now).
      </p>
      {fields.map(({ field, parts }) => (
        <section key={field} class="revision-diff__field">
          <h3 class="revision-diff__name">{fieldLabel(field)}</h3>
          <p class="revision-diff__text">
            {parts.map((part, index) => (
              <Part key={index} part={part} />
            ))}
          </p>
        </section>
      ))}
    </div>
  )
}

/** Added and removed text is marked up as such, and said in words for screen readers. */
function Part(props: { part: DiffPart }) {
  const { value, added, removed } = props.part
  if (added)
    return (
      <ins class="diff-added">
        <span class="visually-hidden">[added since: </span>
        {value}
        <span class="visually-hidden">]</span>
      </ins>
    )
  if (removed)
    return (
      <del class="diff-removed">
        <span class="visually-hidden">[removed since: </span>
        {value}
        <span class="visually-hidden">]</span>
      </del>
    )
  return <span>{value}</span>
}
