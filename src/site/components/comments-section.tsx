// The comments under a story: its count and the way in for readers, then the island that loads
// the list and the form. The same HTML for every reader, so the page stays cacheable.
import type { Article } from '../../content/content.types.ts'
import type { MessageKey } from '../i18n/messages.ts'
import type { PageContext } from '../page-context.ts'

// The words the island uses, sent along in the edition's language.
const ISLAND_KEYS = [
  'sortLabel',
  'sortNewest',
  'sortOldest',
  'sortLiked',
  'yourComment',
  'yourReply',
  'editLabel',
  'send',
  'save',
  'cancel',
  'reply',
  'edit',
  'delete',
  'report',
  'like',
  'loading',
  'loadError',
  'retry',
  'loadMore',
  'empty',
  'deletedUser',
  'deletedComment',
  'held',
  'closed',
  'closedExpired',
  'premoderated',
  'posted',
  'postedHeld',
  'deleted',
  'reportReason',
  'reasonSpam',
  'reasonAbuse',
  'reasonOffTopic',
  'reasonOther',
  'reportDetails',
  'reportSend',
  'reportSent',
  'charsLeft',
  'charsOver',
  'emptyText',
  'confirmDelete',
  'edited',
  'justNow',
  'error',
  'newComments',
  'newComments_one',
  'newComments_few',
  'newComments_many',
  'signedInAs',
  'logout',
] as const

const islandStrings = new Map<string, string>()

function stringsFor(ctx: PageContext): string {
  let json = islandStrings.get(ctx.edition.locale)
  if (!json) {
    json = JSON.stringify(
      Object.fromEntries(ISLAND_KEYS.map((key) => [key, ctx.t(`island.${key}` as MessageKey)])),
    )
    islandStrings.set(ctx.edition.locale, json)
  }
  return json
}

export function CommentsSection({ ctx, article }: { ctx: PageContext; article: Article }) {
  const { t, edition, urls } = ctx
  const next = encodeURIComponent(urls.article(article))
  const account = `/${edition.code}/account`
  const [before, middle, after] = t('comments.signIn').split(/\{login\}|\{register\}/)
  return (
    <section
      class="comments"
      id="comments"
      aria-labelledby="comments-title"
      data-article={String(article.id)}
      data-edition={edition.code}
      data-lang={edition.locale}
      data-dir={edition.direction}
      data-timezone={edition.timeZone}
      data-api="/community"
      data-strings={stringsFor(ctx)}
    >
      <h2 id="comments-title">
        {t('comments.title')}{' '}
        <span class="comments__count" data-count>
          {ctx.formats.number(article.commentCount)}
        </span>
      </h2>
      <p class="comments__signin">
        {before}
        <a href={`${account}/login?next=${next}`}>{t('comments.login')}</a>
        {middle}
        <a href={`${account}/register?next=${next}`}>{t('comments.register')}</a>
        {after}
      </p>
      <noscript>
        <p>{t('comments.noscript')}</p>
      </noscript>
      <div class="comments__island" data-island />
      {ctx.commentsScript && <script src={ctx.commentsScript} defer />}
    </section>
  )
}
