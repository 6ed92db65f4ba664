// 400, 404, 410 and 500 pages in the edition's layout and language.

import type { MessageKey } from '../i18n/messages.ts'
import type { PageContext } from '../page-context.ts'
import type { PageView } from '../page-view.ts'

export type ErrorKind = 'badRequest' | 'notFound' | 'gone' | 'server'

export function errorPage(props: {
  ctx: PageContext
  kind: ErrorKind
  reason?: MessageKey
}): PageView {
  const { ctx, kind } = props
  const { t } = ctx
  const title = t(`error.${kind}.title`)
  const text =
    kind === 'badRequest'
      ? t('error.badRequest.text', { reason: t(props.reason ?? 'reason.slug') })
      : t(`error.${kind}.text`)
  return {
    ctx,
    title: `${title} · ${ctx.siteName}`,
    main: (
      <>
        <section class="error-page">
          <h1>{title}</h1>
          <p>{text}</p>
          <p>
            <a href={ctx.urls.edition(ctx.edition)}>{t('error.backHome')}</a>
          </p>
        </section>
      </>
    ),
  }
}
