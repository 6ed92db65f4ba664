// The frame of every reader page: head, masthead, section navigation, newsfeed column, footer.
import type { ComponentChildren } from 'preact'
import type { Edition } from '../../content/content.types.ts'
import type { PageContext } from '../page-context.ts'
import { Newsfeed } from './newsfeed.tsx'

export interface Alternate {
  edition: Edition
  href: string
}

export function Layout(props: {
  ctx: PageContext
  title: string
  description?: string
  /** Path of this page's canonical address; omitted on error pages. */
  canonical?: string
  /** The same page in other editions (hreflang); the switcher links other editions' homes otherwise. */
  alternates?: Alternate[]
  /** The current section, highlighted in the navigation. */
  sectionId?: number
  children: ComponentChildren
}) {
  const { ctx } = props
  const { edition, t } = ctx
  const others = ctx.catalogue.editions().filter((e) => e.id !== edition.id)
  const alternates = props.alternates ?? []
  const switcher = others.map((e) => ({
    edition: e,
    href: alternates.find((a) => a.edition.id === e.id)?.href ?? ctx.urls.edition(e),
  }))
  return (
    <html lang={edition.locale} dir={edition.direction}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <title>{props.title}</title>
        {props.description && <meta name="description" content={props.description} />}
        {props.canonical && <link rel="canonical" href={ctx.publicUrl + props.canonical} />}
        {props.canonical && alternates.length > 0 && (
          <link rel="alternate" hrefLang={edition.locale} href={ctx.publicUrl + props.canonical} />
        )}
        {props.canonical &&
          alternates.map((a) => (
            <link rel="alternate" hrefLang={a.edition.locale} href={ctx.publicUrl + a.href} />
          ))}
        <link rel="stylesheet" href={ctx.stylesheet} />
      </head>
      <body>
        <a class="skip-link" href="#content">
          {t('nav.skip')}
        </a>
        <header class="site-header">
          <div class="topbar">
            <time datetime={ctx.formats.isoDay(ctx.now)}>{ctx.formats.today(ctx.now)}</time>
            <nav class="edition-switcher" aria-label={t('nav.editions')}>
              <span class="edition-switcher__current" lang={edition.locale} aria-current="true">
                {edition.name}
              </span>
              {switcher.map((a) => (
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
        <div class="page">
          <main id="content" class="page__main">
            {props.children}
          </main>
          <Newsfeed ctx={ctx} />
        </div>
        <footer class="site-footer">
          <nav aria-label={t('footer.editions')}>
            {ctx.catalogue.editions().map((e) => (
              <a href={ctx.urls.edition(e)} lang={e.locale}>
                {e.name}
              </a>
            ))}
          </nav>
          <p>{t('footer.rights', { year: ctx.now.getUTCFullYear(), site: ctx.siteName })}</p>
        </footer>
      </body>
    </html>
  )
}
