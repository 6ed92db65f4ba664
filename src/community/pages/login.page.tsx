// Logging in with e-mail address and password, with the ways out: register, or reset the password.
import type { PageContext } from '../../site/page-context.ts'
import type { PageView } from '../../site/page-view.ts'
import {
  AccountForm,
  AccountLinks,
  accountFrame,
  accountPaths,
  Field,
  type FormState,
  withNext,
} from './account-form.tsx'

export function loginPage(props: { ctx: PageContext; state: FormState }): PageView {
  const { ctx, state } = props
  const { t } = ctx
  const paths = accountPaths(ctx.edition.code)
  return accountFrame({
    ctx,
    heading: t('account.login.title'),
    failed: state.problem !== undefined,
    children: (
      <>
        <AccountForm action={paths.login} state={state} submit={t('account.login.submit')}>
          <Field
            id="login-email"
            name="email"
            label={t('account.field.email')}
            type="email"
            autocomplete="email"
            max={254}
            state={state}
          />
          <Field
            id="login-password"
            name="password"
            label={t('account.field.password')}
            type="password"
            autocomplete="current-password"
            state={state}
          />
        </AccountForm>
        <AccountLinks
          links={[
            { href: paths.forgot, label: t('account.login.forgot') },
            {
              lead: t('account.login.noAccount'),
              href: withNext(paths.register, state.next),
              label: t('account.register.link'),
            },
          ]}
        />
      </>
    ),
  })
}
