// The masthead: date and edition switcher, the outlet's name, the section navigation.

import type { PageContext } from '../page-context.ts'
import type { Alternate } from '../page-view.ts'

export function SiteHeader(props: { ctx: PageContext; switcher: Alternate[]; sectionId?: number }) {
  const { ctx } = props
  const { edition, t } = ctx
  return (
    <header class="site-header">
      <div class="topbar">
        <time datetime={ctx.formats.isoDay(ctx.now)}>{ctx.formats.today(ctx.now)}</time>
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
        </ul>
      </nav>
    </header>
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
