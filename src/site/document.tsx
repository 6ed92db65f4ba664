// Assembles a page's HTML from separately rendered parts. The masthead, newsfeed and footer are the
// same on thousands of pages, so each is rendered once per edition and kept until it changes.
import { renderToString } from 'preact-render-to-string'
import type { NewsfeedList } from '../content/content.types.ts'
import { feedAlternates } from '../discovery/feed-links.ts'
import { serializeJsonLd } from '../discovery/structured-data.ts'
import { BreakingBanner, Newsfeed } from './components/newsfeed.tsx'
import { SiteFooter, SiteHeader } from './components/site-header.tsx'
import type { PageContext } from './page-context.ts'
import type { Alternate, PageView } from './page-view.ts'

const MAX_KEPT = 500
const headers = new Map<string, string>()
const footers = new Map<string, string>()
const feeds = new WeakMap<NewsfeedList, { day: string; html: string; banner: string }>()

function keep(map: Map<string, string>, key: string, render: () => string): string {
  let html = map.get(key)
  if (html === undefined) {
    if (map.size >= MAX_KEPT) map.clear()
    html = render()
    map.set(key, html)
  }
  return html
}

function header(ctx: PageContext, switcher: Alternate[], sectionId: number | undefined): string {
  const day = ctx.formats.isoDay(ctx.now)
  const key = `${ctx.edition.id}|${ctx.catalogue.version}|${day}|${sectionId}|${switcher.map((a) => a.href).join(' ')}`
  return keep(headers, key, () =>
    renderToString(<SiteHeader ctx={ctx} switcher={switcher} sectionId={sectionId} />),
  )
}

function footer(ctx: PageContext): string {
  const key = `${ctx.edition.id}|${ctx.catalogue.version}|${ctx.formats.isoDay(ctx.now).slice(0, 4)}`
  return keep(footers, key, () => renderToString(<SiteFooter ctx={ctx} />))
}

// The newsfeed's list is a new object whenever it changes; its times read "10:05" today, a date after.
function newsfeed(ctx: PageContext): { html: string; banner: string } {
  const day = ctx.formats.isoDay(ctx.now)
  let kept = feeds.get(ctx.newsfeed)
  if (!kept || kept.day !== day) {
    kept = {
      day,
      html: renderToString(<Newsfeed ctx={ctx} />),
      banner: renderToString(<BreakingBanner ctx={ctx} />),
    }
    feeds.set(ctx.newsfeed, kept)
  }
  return kept
}

function Head({ view, alternates }: { view: PageView; alternates: Alternate[] }) {
  const { ctx } = view
  const self = view.canonical && ctx.publicUrl + view.canonical
  return (
    <head>
      <meta charSet="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="color-scheme" content="light dark" />
      {view.preview && <meta name="robots" content="noindex, nofollow" />}
      <title>{view.title}</title>
      {view.description && <meta name="description" content={view.description} />}
      {self && <link rel="canonical" href={self} />}
      {self && alternates.length > 0 && (
        <link rel="alternate" hrefLang={ctx.edition.locale} href={self} />
      )}
      {self &&
        alternates.map((a) => (
          <link rel="alternate" hrefLang={a.edition.locale} href={ctx.publicUrl + a.href} />
        ))}
      {self && alternates.length > 0 && view.xDefault !== undefined && (
        <link rel="alternate" hrefLang="x-default" href={ctx.publicUrl + view.xDefault} />
      )}
      {feedAlternates(ctx.urls, ctx.edition, ctx.t, ctx.siteName, view.feed).map((feed) => (
        <link
          rel="alternate"
          type={feed.type}
          title={feed.title}
          href={ctx.publicUrl + feed.href}
        />
      ))}
      {view.meta?.map((tag) =>
        'property' in tag ? (
          <meta property={tag.property} content={tag.content} />
        ) : (
          <meta name={tag.name} content={tag.content} />
        ),
      )}
      {view.jsonLd?.map((data) => (
        // Raw on purpose: HTML does not escape a script's content, serializeJsonLd does.
        <script
          type="application/ld+json"
          dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }}
        />
      ))}
      <link rel="stylesheet" href={ctx.stylesheet} />
    </head>
  )
}

function Open({ ctx }: { ctx: PageContext }) {
  return <html lang={ctx.edition.locale} dir={ctx.edition.direction} />
}

export function renderDocument(view: PageView): string {
  const { ctx } = view
  const alternates = view.alternates ?? []
  const switcher = ctx.catalogue
    .editions()
    .filter((e) => e.id !== ctx.edition.id)
    .map((e) => ({
      edition: e,
      href: alternates.find((a) => a.edition.id === e.id)?.href ?? ctx.urls.edition(e),
    }))
  const html = renderToString(<Open ctx={ctx} />).replace('</html>', '')
  const skip = renderToString(
    <a class="skip-link" href="#content">
      {ctx.t('nav.skip')}
    </a>,
  )
  const feed = newsfeed(ctx)
  return [
    '<!doctype html>',
    html,
    renderToString(<Head view={view} alternates={alternates} />),
    '<body>',
    view.preview ? renderToString(<p class="preview-notice">{view.preview}</p>) : '',
    skip,
    header(ctx, switcher, view.sectionId),
    feed.banner,
    '<div class="page"><main id="content" class="page__main">',
    renderToString(view.main),
    '</main>',
    feed.html,
    '</div>',
    footer(ctx),
    ctx.script ? renderToString(<script src={ctx.script} defer />) : '',
    '</body></html>',
  ].join('')
}
