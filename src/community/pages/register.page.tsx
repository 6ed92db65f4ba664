// Registration: display name, e-mail address and password; the mail that follows confirms the address.
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

export function registerPage(props: { ctx: PageContext; state: FormState }): PageView {
  const { ctx, state } = props
  const { t } = ctx
  const paths = accountPaths(ctx.edition.code)
  return accountFrame({
    ctx,
    heading: t('account.register.title'),
    intro: t('account.register.intro'),
    failed: state.problem !== undefined,
    children: (
      <>
        <AccountForm action={paths.register} state={state} submit={t('account.register.submit')}>
          <Field
            id="register-name"
            name="displayName"
            label={t('account.field.displayName')}
            hint={t('account.field.displayNameHint')}
            type="text"
            autocomplete="nickname"
            state={state}
          />
          <Field
            id="register-email"
            name="email"
            label={t('account.field.email')}
            type="email"
            autocomplete="email"
            max={254}
            state={state}
          />
          <Field
            id="register-password"
            name="password"
            label={t('account.field.password')}
            hint={t('account.field.passwordHint')}
            type="password"
            autocomplete="new-password"
            min={12}
            state={state}
          />
        </AccountForm>
        <AccountLinks
          links={[
            {
              lead: t('account.register.haveAccount'),
              href: withNext(paths.login, state.next),
              label: t('account.login.title'),
            },
          ]}
        />
      </>
    ),
  })
}
