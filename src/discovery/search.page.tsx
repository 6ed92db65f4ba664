// The search page: the form with its filters, the results with the matched words marked, paging.
import type { Section } from '../content/content.types.ts'
import type { PageContext } from '../site/page-context.ts'
import type { PageView } from '../site/page-view.ts'
import type { SearchHit, SearchResults } from './search.service.ts'
import { isSearchable } from './search-query.ts'
import type { Segment } from './snippet.ts'

/** What the reader asked for, as typed: the form shows it back and paging keeps it. */
export interface SearchForm {
  q: string
  section: string
  from: string
  to: string
}

/** The address of the search with these fields and page; empty fields are left out. */
export function searchHref(base: string, form: SearchForm, page = 1): string {
  const params = new URLSearchParams()
  for (const key of ['q', 'section', 'from', 'to'] as const)
    if (form[key]) params.set(key, form[key])
  if (page > 1) params.set('page', String(page))
  const query = params.toString()
  return query ? `${base}?${query}` : base
}

// JSX escapes every piece; only the <mark> around a matched word is markup.
function Marked({ parts }: { parts: readonly Segment[] }) {
  return <>{parts.map((part) => (part.match ? <mark>{part.text}</mark> : part.text))}</>
}

function Result({ ctx, hit }: { ctx: PageContext; hit: SearchHit }) {
  const section = ctx.catalogue.sectionById(hit.sectionId)
  return (
    <li class="search-result">
      <h2 class="search-result__headline">
        <a href={ctx.urls.article(hit)}>
          <Marked parts={hit.headlineParts} />
        </a>
      </h2>
      {hit.snippet.length > 0 && (
        <p class="search-result__snippet">
          <Marked parts={hit.snippet} />
        </p>
      )}
      <p class="search-result__meta">
        {section && <span class="kicker">{section.name}</span>}{' '}
        <time datetime={ctx.formats.iso(hit.publishedAt)}>
          {ctx.formats.dateTime(hit.publishedAt)}
        </time>
      </p>
    </li>
  )
}

function Form(props: { ctx: PageContext; base: string; form: SearchForm; sections: Section[] }) {
  const { ctx, form } = props
  const { t } = ctx
  return (
    // biome-ignore lint/a11y/useSemanticElements: a form with the role works in browsers that predate <search>
    <form class="search-form" role="search" method="get" action={props.base}>
      <p class="search-form__query">
        <label for="search-q">{t('search.field')}</label>
        <input id="search-q" type="search" name="q" value={form.q} maxLength={256} />
        <button type="submit">{t('search.submit')}</button>
      </p>
      <p class="search-form__filters">
        <label for="search-section">{t('search.section')}</label>
        <select id="search-section" name="section">
          <option value="">{t('search.allSections')}</option>
          {props.sections.map((s) => (
            <option value={s.slug} selected={s.slug === form.section}>
              {s.name}
            </option>
          ))}
        </select>
        <label for="search-from">{t('search.from')}</label>
        <input id="search-from" type="date" name="from" value={form.from} />
        <label for="search-to">{t('search.to')}</label>
        <input id="search-to" type="date" name="to" value={form.to} />
      </p>
      <p class="search-form__hint">{t('search.hint')}</p>
    </form>
  )
}

export function searchPage(props: {
  ctx: PageContext
  /** Path of the search page, without a query. */
  base: string
  form: SearchForm
  results: SearchResults
  sections: Section[]
}): PageView {
  const { ctx, form, results, base } = props
  const { t } = ctx
  const searched = isSearchable(results.query)
  const title = searched ? t('search.titleFor', { query: form.q }) : t('search.title')
  const href = (page: number) => searchHref(base, form, page)
  return {
    ctx,
    title:
      results.page === 1
        ? title
        : t('list.pageTitle', { title, page: ctx.formats.number(results.page) }),
    main: (
      <>
        <header class="list-header">
          <h1>{searched ? t('search.resultsFor', { query: form.q }) : t('search.title')}</h1>
        </header>
        <Form ctx={ctx} base={base} form={form} sections={props.sections} />
        {!searched ? (
          <p class="empty">{t('search.prompt')}</p>
        ) : results.items.length === 0 ? (
          <p class="empty">{t('search.empty', { query: form.q })}</p>
        ) : (
          <ol class="search-results" aria-label={t('search.results')}>
            {results.items.map((hit) => (
              <Result ctx={ctx} hit={hit} />
            ))}
          </ol>
        )}
        {(results.page > 1 || results.hasNext) && (
          <nav class="pagination" aria-label={t('list.pagination')}>
            {results.page > 1 && (
              <a rel="prev" href={href(results.page - 1)}>
                {t('search.previous')}
              </a>
            )}
            {results.hasNext && (
              <a rel="next" href={href(results.page + 1)}>
                {t('search.next')}
              </a>
            )}
          </nav>
        )}
      </>
    ),
  }
}
