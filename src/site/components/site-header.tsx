// The masthead: date, search box and edition switcher, the outlet's name, the section navigation.

import type { PageContext } from '../page-context.ts'
import type { Alternate } from '../page-view.ts'

export function SiteHeader(props: { ctx: PageContext; switcher: Alternate[]; sectionId?: number }) {
  const { ctx } = props
  const { edition, t } = ctx
  return (
    <header class="site-header">
      <div class="topbar">
        <time datetime={ctx.formats.isoDay(ctx.now)}>{ctx.formats.today(ctx.now)}</time>
        <SearchBox ctx={ctx} />
        <nav class="edition-switcher" aria-label={t('nav.editions')}>
          <span class="edition-switcher__current" lang={edition.locale} aria-current="true">
            {edition.name}
          </span>
          {props.switcher.map((a) => (
            <a href={a.href} lang={a.edition.locale} hrefLang={a.edition.locale}>
              {a.edition.name}
            </a>
          ))}
        </nav>
      </div>
      <div class="masthead">
        <a class="masthead__name" href={ctx.urls.edition(edition)}>
          {ctx.siteName}
        </a>
        <p class="masthead__tagline">{t('site.tagline')}</p>
        <a
          class="masthead__subscribe"
          href={`${ctx.urls.edition(edition)}/subscribe`}
          data-subscribe-dialog
          data-label-title={t('subscribe.title')}
          data-label-close={t('subscribe.dialog.close')}
          data-label-more={t('subscribe.dialog.more')}
          data-label-failed={t('subscribe.dialog.failed')}
        >
          {t('subscribe.button')}
        </a>
      </div>
      <nav class="sections-nav" aria-label={t('nav.main')}>
        <ul>
          <li>
            <a href={ctx.urls.edition(edition)}>{t('nav.home')}</a>
          </li>
          {ctx.catalogue.topSections(edition.id).map((s) => (
            <li>
              <a
                href={ctx.urls.section(edition, s)}
                aria-current={s.id === props.sectionId ? 'page' : undefined}
              >
                {s.name}
              </a>
            </li>
          ))}
          <li>
            <a href={`${ctx.urls.edition(edition)}/chats`}>{t('nav.chats')}</a>
          </li>
        </ul>
      </nav>
    </header>
  )
}

/** A plain GET form to the edition's search page: it works without any script. */
function SearchBox({ ctx }: { ctx: PageContext }) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: a form with the role works in browsers that predate <search>
    <form
      class="site-search"
      role="search"
      method="get"
      action={`${ctx.urls.edition(ctx.edition)}/search`}
    >
      <label class="visually-hidden" for="site-search-q">
        {ctx.t('search.label')}
      </label>
      <input
        id="site-search-q"
        type="search"
        name="q"
        maxLength={256}
        autoComplete="off"
        list="site-search-suggestions"
        placeholder={ctx.t('search.placeholder')}
      />
      <datalist id="site-search-suggestions" />
      <button type="submit">{ctx.t('search.submit')}</button>
    </form>
  )
}

export function SiteFooter({ ctx }: { ctx: PageContext }) {
  return (
    <footer class="site-footer">
      <nav aria-label={ctx.t('footer.editions')}>
        {ctx.catalogue.editions().map((e) => (
          <a href={ctx.urls.edition(e)} lang={e.locale}>
            {e.name}
          </a>
        ))}
      </nav>
      <p>
        {ctx.t('footer.rights', {
          year: ctx.formats.isoDay(ctx.now).slice(0, 4),
          site: ctx.siteName,
        })}
      </p>
    </footer>
  )
}
