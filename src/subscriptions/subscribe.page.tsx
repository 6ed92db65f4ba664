// The edition's subscribe page: newsletters by e-mail (a plain form, so it works without
// JavaScript), breaking-news notifications in the browser (driven by push.js), and the feeds. Also
// the page that asks before unsubscribing, since a link opened by a mail scanner must not act.
import { AccountLinks, accountFrame, Field } from '../community/pages/account-form.tsx'
import type { Section } from '../content/content.types.ts'
import { type FeedLinks, feedLinks } from '../discovery/feed-links.ts'
import type { PageContext } from '../site/page-context.ts'
import type { PageView } from '../site/page-view.ts'
import type { NewsletterList } from './newsletter.table.ts'
import { listName } from './newsletter-mail.tsx'

/** The addresses of an edition's subscribe pages. */
export function subscribePaths(editionCode: string) {
  const base = `/${editionCode}/subscribe`
  return { base, confirm: `${base}/confirm`, unsubscribe: `${base}/unsubscribe` }
}

/** What the e-mail form shows: first, or again with what was typed and what was wrong. */
export interface SubscribeFormState {
  csrf: string
  email: string
  lists: readonly NewsletterList[]
  problem?: { field?: 'email' | 'lists'; message: string }
}

export function SubscribeForm(props: {
  ctx: PageContext
  state: SubscribeFormState
  digestTime: string
}) {
  const { ctx, state } = props
  const { t } = ctx
  const general = state.problem && !state.problem.field ? state.problem.message : undefined
  const listsError = state.problem?.field === 'lists' ? state.problem.message : undefined
  const choice = (list: NewsletterList, hint: string) => (
    <label class="subscribe-form__choice">
      <input
        type="checkbox"
        name={list}
        value="1"
        checked={state.lists.includes(list)}
        aria-describedby={`subscribe-${list}-hint`}
      />
      <span>
        <span class="subscribe-form__list">{listName(t, list)}</span>
        <span class="account__hint" id={`subscribe-${list}-hint`}>
          {hint}
        </span>
      </span>
    </label>
  )
  return (
    <form
      method="post"
      action={subscribePaths(ctx.edition.code).base}
      class="account__form subscribe-form"
      noValidate
    >
      <input type="hidden" name="_csrf" value={state.csrf} />
      {general && (
        <p class="account__alert" role="alert">
          {general}
        </p>
      )}
      <Field
        id="subscribe-email"
        name="email"
        label={t('account.field.email')}
        type="email"
        autocomplete="email"
        max={254}
        state={{ values: { email: state.email }, problem: state.problem }}
      />
      <fieldset
        class={listsError ? 'subscribe-form__lists account__field--error' : 'subscribe-form__lists'}
        aria-describedby={listsError ? 'subscribe-lists-error' : undefined}
      >
        <legend>{t('subscribe.email.lists')}</legend>
        {listsError && (
          <p class="account__error" id="subscribe-lists-error">
            {listsError}
          </p>
        )}
        {choice('digest', t('subscribe.list.digestHint', { time: props.digestTime }))}
        {choice('breaking', t('subscribe.list.breakingHint'))}
      </fieldset>
      <p class="account__hint">{t('subscribe.email.note')}</p>
      <button type="submit" class="account__submit">
        {t('subscribe.email.submit')}
      </button>
    </form>
  )
}

/** The markup push.js drives; every word it shows comes from these attributes. */
function PushSection(props: { ctx: PageContext; publicKey: string; script?: string }) {
  const { ctx } = props
  const { t } = ctx
  const sections = ctx.catalogue.topSections(ctx.edition.id)
  return (
    <section
      class="subscribe-push"
      aria-labelledby="subscribe-push-heading"
      data-push-key={props.publicKey}
      data-edition={ctx.edition.code}
      data-label-enabled={t('subscribe.push.enabled')}
      data-label-disabled={t('subscribe.push.disabled')}
      data-label-denied={t('subscribe.push.denied')}
      data-label-unsupported={t('subscribe.push.unsupported')}
      data-label-working={t('subscribe.push.working')}
      data-label-error={t('subscribe.push.failed')}
    >
      <h2 id="subscribe-push-heading">{t('subscribe.push.heading')}</h2>
      <p>{t('subscribe.push.intro')}</p>
      {sections.length > 0 && (
        <fieldset class="subscribe-push__topics">
          <legend>{t('subscribe.push.topics')}</legend>
          {sections.map((section) => (
            <label class="subscribe-form__choice">
              <input type="checkbox" name="push-topic" value={`section:${section.id}`} />
              <span>{section.name}</span>
            </label>
          ))}
        </fieldset>
      )}
      <button type="button" class="account__submit" data-push-enable>
        {t('subscribe.push.enable')}
      </button>{' '}
      <button type="button" class="account__submit" data-push-disable hidden>
        {t('subscribe.push.disable')}
      </button>
      <p data-push-status role="status" aria-live="polite" />
      {props.script && <script src={props.script} defer />}
    </section>
  )
}

function FeedItem(props: { ctx: PageContext; name: string; links: FeedLinks }) {
  const { ctx, name, links } = props
  return (
    <li>
      <span class="subscribe-feeds__name">{name}</span>{' '}
      <a href={links.rss} type="application/rss+xml">
        {ctx.t('feed.link.rss', { title: name })}
      </a>{' '}
      <a href={links.atom} type="application/atom+xml">
        {ctx.t('feed.link.atom', { title: name })}
      </a>{' '}
      <a href={links.json} type="application/feed+json">
        {ctx.t('feed.link.json', { title: name })}
      </a>
    </li>
  )
}

function FeedsSection({ ctx }: { ctx: PageContext }) {
  const { t, edition } = ctx
  const sections: readonly Section[] = ctx.catalogue.topSections(edition.id)
  return (
    <section class="subscribe-feeds" aria-labelledby="subscribe-feeds-heading">
      <h2 id="subscribe-feeds-heading">{t('subscribe.feeds.heading')}</h2>
      <p>{t('subscribe.feeds.intro')}</p>
      <ul>
        <FeedItem
          ctx={ctx}
          name={t('subscribe.feeds.edition')}
          links={feedLinks(ctx.urls, edition)}
        />
        {sections.map((section) => (
          <FeedItem
            ctx={ctx}
            name={section.name}
            links={feedLinks(ctx.urls, edition, { section })}
          />
        ))}
      </ul>
    </section>
  )
}

export function subscribePage(props: {
  ctx: PageContext
  state: SubscribeFormState
  digestTime: string
  push: { publicKey: string; script?: string }
}): PageView {
  const { ctx } = props
  const { t } = ctx
  const heading = t('subscribe.title')
  return {
    ctx,
    title: `${props.state.problem ? t('account.errorTitle', { title: heading }) : heading} · ${ctx.siteName}`,
    description: t('subscribe.intro'),
    canonical: subscribePaths(ctx.edition.code).base,
    main: (
      <section class="account subscribe">
        <h1>{t('subscribe.pageTitle', { site: ctx.siteName })}</h1>
        <p class="account__intro">{t('subscribe.intro')}</p>
        <section class="subscribe-email" aria-labelledby="subscribe-email-heading">
          <h2 id="subscribe-email-heading">{t('subscribe.email.heading')}</h2>
          <SubscribeForm ctx={ctx} state={props.state} digestTime={props.digestTime} />
        </section>
        <PushSection ctx={ctx} publicKey={props.push.publicKey} script={props.push.script} />
        <FeedsSection ctx={ctx} />
      </section>
    ),
  }
}

/** Asks before unsubscribing: the button posts what the mail app's one-click unsubscribe posts. */
export function unsubscribePage(props: {
  ctx: PageContext
  token: string
  email: string
  list: NewsletterList
}): PageView {
  const { ctx } = props
  const { t } = ctx
  const action = `${subscribePaths(ctx.edition.code).unsubscribe}?token=${encodeURIComponent(props.token)}`
  return accountFrame({
    ctx,
    heading: t('subscribe.unsubscribe.title'),
    children: (
      <>
        <p class="account__message">
          {t('subscribe.unsubscribe.text', {
            list: t('newsletter.quoted', { name: listName(t, props.list) }),
            email: props.email,
          })}
        </p>
        <form method="post" action={action} class="account__form">
          <input type="hidden" name="List-Unsubscribe" value="One-Click" />
          <button type="submit" class="account__submit">
            {t('subscribe.unsubscribe.submit')}
          </button>
        </form>
        <AccountLinks
          links={[{ href: ctx.urls.edition(ctx.edition), label: t('account.backHome') }]}
        />
      </>
    ),
  })
}
