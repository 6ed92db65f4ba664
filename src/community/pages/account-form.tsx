// What every account page shares: its addresses, the page frame, labelled fields with their hint
// and error, and forms that carry the CSRF token and the address to return to.
import type { ComponentChildren } from 'preact'
import type { PageContext } from '../../site/page-context.ts'
import type { PageView } from '../../site/page-view.ts'

/** The addresses of an edition's account pages. */
export function accountPaths(editionCode: string) {
  const base = `/${editionCode}/account`
  return {
    base,
    register: `${base}/register`,
    confirm: `${base}/confirm`,
    login: `${base}/login`,
    logout: `${base}/logout`,
    forgot: `${base}/forgot`,
    reset: `${base}/reset`,
    name: `${base}/name`,
    data: `${base}/data.json`,
    delete: `${base}/delete`,
  }
}

export type AccountPaths = ReturnType<typeof accountPaths>

/** A path with the address to return to afterwards, when there is one. */
export const withNext = (path: string, next: string | undefined) =>
  next ? `${path}?next=${encodeURIComponent(next)}` : path

/** What went wrong with a form: about one field, or the whole form when `field` is absent. */
export interface FormProblem {
  field?: string
  message: string
}

/** A form as the page shows it, first or again after a problem. */
export interface FormState {
  csrf: string
  /** Where to go once done, already checked to be a path on this site. */
  next?: string
  /** What the reader typed, shown again so nothing is lost; never a password. */
  values?: Record<string, string>
  problem?: FormProblem
}

/** A page of the account area in the site's layout; its title says when a form needs fixing. */
export function accountFrame(props: {
  ctx: PageContext
  heading: string
  intro?: string
  failed?: boolean
  children?: ComponentChildren
}): PageView {
  const { ctx, heading } = props
  const title = props.failed ? ctx.t('account.errorTitle', { title: heading }) : heading
  return {
    ctx,
    title: `${title} · ${ctx.siteName}`,
    main: (
      <section class="account">
        <h1>{heading}</h1>
        {props.intro && <p class="account__intro">{props.intro}</p>}
        {props.children}
      </section>
    ),
  }
}

export function AccountForm(props: {
  action: string
  state: Pick<FormState, 'csrf' | 'next' | 'problem'>
  submit: string
  danger?: boolean
  children?: ComponentChildren
}) {
  const { state } = props
  const problem = state.problem && !state.problem.field ? state.problem.message : undefined
  return (
    <form
      method="post"
      action={props.action}
      class={props.danger ? 'account__form account__form--danger' : 'account__form'}
      noValidate
    >
      <input type="hidden" name="_csrf" value={state.csrf} />
      {state.next && <input type="hidden" name="next" value={state.next} />}
      {problem && (
        <p class="account__alert" role="alert">
          {problem}
        </p>
      )}
      {props.children}
      <button type="submit" class="account__submit">
        {props.submit}
      </button>
    </form>
  )
}

export function Field(props: {
  /** The id of the input, unique on the page. */
  id: string
  name: string
  label: string
  type: 'text' | 'email' | 'password'
  autocomplete: 'email' | 'current-password' | 'new-password' | 'nickname'
  state?: Pick<FormState, 'values' | 'problem'>
  hint?: string
  /** The longest value the input takes, in characters. */
  max?: number
  min?: number
}) {
  const { id, state } = props
  const value = props.type === 'password' ? undefined : state?.values?.[props.name]
  const error = state?.problem?.field === props.name ? state.problem.message : undefined
  const hintId = props.hint ? `${id}-hint` : undefined
  const errorId = error ? `${id}-error` : undefined
  const describedBy = [hintId, errorId].filter(Boolean).join(' ')
  return (
    <div class={error ? 'account__field account__field--error' : 'account__field'}>
      <label for={id}>{props.label}</label>
      {props.hint && (
        <p class="account__hint" id={hintId}>
          {props.hint}
        </p>
      )}
      {error && (
        <p class="account__error" id={errorId}>
          {error}
        </p>
      )}
      <input
        id={id}
        name={props.name}
        type={props.type}
        autocomplete={props.autocomplete}
        inputMode={props.type === 'email' ? 'email' : undefined}
        spellcheck={props.type === 'text' ? undefined : false}
        autoCapitalize={props.type === 'text' ? undefined : 'none'}
        value={value}
        required
        minLength={props.min}
        maxLength={props.max}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy || undefined}
      />
    </div>
  )
}

/** Links under a form or a message: to the other account pages, or back to reading. */
export function AccountLinks(props: { links: { href: string; label: string; lead?: string }[] }) {
  return (
    <ul class="account__links">
      {props.links.map((link) => (
        <li>
          {link.lead && <>{link.lead} </>}
          <a href={link.href}>{link.label}</a>
        </li>
      ))}
    </ul>
  )
}
