// A forgotten password: ask for a link by e-mail, then choose a new password through it.
import type { PageContext } from '../../site/page-context.ts'
import type { PageView } from '../../site/page-view.ts'
import {
  AccountForm,
  AccountLinks,
  accountFrame,
  accountPaths,
  Field,
  type FormState,
} from './account-form.tsx'

export function forgotPage(props: { ctx: PageContext; state: FormState }): PageView {
  const { ctx, state } = props
  const { t } = ctx
  const paths = accountPaths(ctx.edition.code)
  return accountFrame({
    ctx,
    heading: t('account.forgot.title'),
    intro: t('account.forgot.intro'),
    failed: state.problem !== undefined,
    children: (
      <>
        <AccountForm action={paths.forgot} state={state} submit={t('account.forgot.submit')}>
          <Field
            id="forgot-email"
            name="email"
            label={t('account.field.email')}
            type="email"
            autocomplete="email"
            max={254}
            state={state}
          />
        </AccountForm>
        <AccountLinks links={[{ href: paths.login, label: t('account.login.title') }]} />
      </>
    ),
  })
}

/** The new password, twice; the link's token travels as a hidden field, out of the address. */
export function resetPage(props: { ctx: PageContext; state: FormState; token: string }): PageView {
  const { ctx, state } = props
  const { t } = ctx
  return accountFrame({
    ctx,
    heading: t('account.reset.title'),
    failed: state.problem !== undefined,
    children: (
      <AccountForm
        action={accountPaths(ctx.edition.code).reset}
        state={state}
        submit={t('account.reset.submit')}
      >
        <input type="hidden" name="token" value={props.token} />
        <Field
          id="reset-password"
          name="password"
          label={t('account.field.newPassword')}
          hint={t('account.field.passwordHint')}
          type="password"
          autocomplete="new-password"
          min={12}
          state={state}
        />
        <Field
          id="reset-confirm"
          name="confirm"
          label={t('account.field.newPasswordAgain')}
          type="password"
          autocomplete="new-password"
          min={12}
          state={state}
        />
      </AccountForm>
    ),
  })
}
