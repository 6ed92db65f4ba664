// One story as a reader sees it, on its own page or appended below another: headline, dek, byline
// and times, lead photo, dateline and body, topics, other editions.

import { Body, type BodyRenderContext } from '../../content/body/index.ts'
import type { Article } from '../../content/content.types.ts'
import type { PageContext } from '../page-context.ts'
import type { Alternate } from '../page-view.ts'
import { Picture } from './picture.tsx'

const BODY_IMAGE_SIZES = '(min-width: 1100px) 720px, 100vw'

/** The document title while this story is the one being read. */
export function storyTitle(ctx: PageContext, article: Article): string {
  return `${article.headline} · ${ctx.siteName}`
}

/** The same story in the other editions that exist. */
export function translationsOf(ctx: PageContext, article: Article): Alternate[] {
  return article.translations.flatMap((tr) => {
    const edition = ctx.catalogue.editionById(tr.editionId)
    return edition ? [{ edition, href: ctx.urls.article(tr) }] : []
  })
}

/** The story's address, title and view report ride on the element, for the page's script. */
export function ArticleStory({
  ctx,
  article,
  eager = false,
}: {
  ctx: PageContext
  article: Article
  /** The story a page opens with loads its lead photo at once; appended ones wait until near. */
  eager?: boolean
}) {
  const { t, formats, urls, edition } = ctx
  const section = ctx.catalogue.sectionById(article.sectionId)
  const url = urls.article(article)
  const wasUpdated = article.updatedAt.getTime() - article.publishedAt.getTime() > 60_000
  const alternates = translationsOf(ctx, article)
  const bodyContext: BodyRenderContext = {
    origin: ctx.publicUrl,
    labels: { related: t('article.readAlso') },
    image(mediaId) {
      const media = article.bodyMedia.get(mediaId)
      return media ? <Picture media={media} urls={urls} sizes={BODY_IMAGE_SIZES} /> : null
    },
    article(articleId) {
      const card = article.bodyArticles.get(articleId)
      if (!card) return null
      return {
        url: urls.article(card),
        headline: card.headline,
        published: formats.dateTime(card.publishedAt),
        datetime: formats.iso(card.publishedAt),
        image: card.lead ? <Picture media={card.lead} urls={urls} sizes="120px" /> : null,
      }
    },
  }
  return (
    <article
      class="article"
      data-url={url}
      data-title={storyTitle(ctx, article)}
      data-view={urls.storyView(edition, article.id)}
    >
      <header class="article__header">
        {section && (
          <a class="kicker" href={urls.section(edition, section)}>
            {section.name}
          </a>
        )}
        {article.breaking && <span class="badge">{t('newsfeed.breaking')}</span>}
        <h1 class="article__headline">{article.headline}</h1>
        {article.dek && <p class="article__dek">{article.dek}</p>}
        <div class="article__meta">
          {article.authors.length > 0 && (
            <p class="byline">
              {t('article.by')}{' '}
              {article.authors.map((author, i) => (
                <>
                  {i > 0 && (i === article.authors.length - 1 ? ` ${t('article.and')} ` : ', ')}
                  <a href={urls.author(edition, author)}>{author.name}</a>
                </>
              ))}
            </p>
          )}
          <p class="article__times">
            {t('article.published')}{' '}
            <time datetime={formats.iso(article.publishedAt)}>
              {formats.dateTime(article.publishedAt)}
            </time>
            {wasUpdated && (
              <>
                {' · '}
                {t('article.updated')}{' '}
                <time datetime={formats.iso(article.updatedAt)}>
                  {formats.dateTime(article.updatedAt)}
                </time>
              </>
            )}
          </p>
        </div>
      </header>
      {article.lead && (
        <figure class="article__lead">
          <Picture media={article.lead} urls={urls} sizes={BODY_IMAGE_SIZES} eager={eager} />
          {(article.lead.caption || article.lead.credit) && (
            <figcaption>
              {article.lead.caption && <span class="caption">{article.lead.caption}</span>}{' '}
              {article.lead.credit && <span class="credit">{article.lead.credit}</span>}
            </figcaption>
          )}
        </figure>
      )}
      <div class="article__body">
        {article.datelinePlace && (
          <span class="dateline">
            {article.datelinePlace} ({ctx.siteName}) -{' '}
          </span>
        )}
        <Body doc={article.body} context={bodyContext} />
      </div>
      {article.corrections.length > 0 && (
        <aside class="article__corrections" aria-label={t('article.corrections')}>
          <h2>{t('article.corrections')}</h2>
          {article.corrections.map((correction) => (
            <p class="correction">
              <time datetime={formats.iso(correction.createdAt)}>
                {formats.dateTime(correction.createdAt)}
              </time>
              {': '}
              {correction.text}
            </p>
          ))}
        </aside>
      )}
      <footer class="article__footer">
        {article.source && (
          <p class="article__source">{t('article.source', { source: article.source })}</p>
        )}
        {article.tags.length > 0 && (
          <nav class="tags" aria-label={t('article.tags')}>
            <h2 class="visually-hidden">{t('article.tags')}</h2>
            {article.tags.map((tag) => (
              <a class="tag" href={urls.tag(edition, tag)}>
                {tag.name}
              </a>
            ))}
          </nav>
        )}
        {alternates.length > 0 && (
          <nav class="translations" aria-label={t('article.translations')}>
            <h2>{t('article.translations')}</h2>
            <ul>
              {alternates.map((a) => (
                <li>
                  <a href={a.href} hrefLang={a.edition.locale} lang={a.edition.locale}>
                    {a.edition.name}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </footer>
    </article>
  )
}
