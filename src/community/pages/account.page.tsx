// The signed-in reader's page: who they are, their display name, their data, logging out, deletion.
import type { PageContext } from '../../site/page-context.ts'
import type { PageView } from '../../site/page-view.ts'
import type { Reader } from '../reader.types.ts'
import {
  AccountForm,
  accountFrame,
  accountPaths,
  Field,
  type FormProblem,
  type FormState,
} from './account-form.tsx'

/** The forms of this page, so a problem shows on the one it came from. */
export type AccountForms = 'name' | 'delete' | 'logout'

export function accountPage(props: {
  ctx: PageContext
  reader: Reader
  csrf: string
  /** Said once after a change: the address confirmed, a new password, a new name. */
  notice?: string
  problem?: FormProblem & { form: AccountForms }
  /** The name as typed, when it could not be saved. */
  displayName?: string
}): PageView {
  const { ctx, reader, csrf, problem } = props
  const { t } = ctx
  const paths = accountPaths(ctx.edition.code)
  const stateOf = (form: AccountForms): FormState => ({
    csrf,
    problem: problem?.form === form ? problem : undefined,
  })
  return accountFrame({
    ctx,
    heading: t('account.title'),
    failed: problem !== undefined,
    children: (
      <>
        {props.notice && (
          <p class="account__notice" role="status">
            {props.notice} <a href={ctx.urls.edition(ctx.edition)}>{t('account.backHome')}</a>
          </p>
        )}
        <div class="account__who">
          <p>{t('account.signedInAs', { name: reader.displayName })}</p>
          <AccountForm
            action={paths.logout}
            state={stateOf('logout')}
            submit={t('account.logout.submit')}
          />
        </div>
        <AccountForm action={paths.name} state={stateOf('name')} submit={t('account.name.submit')}>
          <Field
            id="account-name"
            name="displayName"
            label={t('account.field.displayName')}
            hint={t('account.field.displayNameHint')}
            type="text"
            autocomplete="nickname"
            state={{
              ...stateOf('name'),
              values: { displayName: props.displayName ?? reader.displayName },
            }}
          />
        </AccountForm>
        <section class="account__section" aria-labelledby="account-data">
          <h2 id="account-data">{t('account.data.title')}</h2>
          <p>{t('account.data.text')}</p>
          <p>
            <a class="account__download" href={paths.data} download="dateline-data.json">
              {t('account.data.link')}
            </a>
          </p>
        </section>
        <section class="account__section" aria-labelledby="account-delete">
          <h2 id="account-delete">{t('account.delete.title')}</h2>
          <p>{t('account.delete.text')}</p>
          <AccountForm
            action={paths.delete}
            state={stateOf('delete')}
            submit={t('account.delete.submit')}
            danger
          >
            <Field
              id="delete-password"
              name="password"
              label={t('account.field.currentPassword')}
              type="password"
              autocomplete="current-password"
              state={stateOf('delete')}
            />
          </AccountForm>
        </section>
      </>
    ),
  })
}
