// What every reader page needs to render: the edition, its words and formats, the shared chrome.
import type { Catalogue } from '../content/catalogue.ts'
import type { Edition, NewsfeedList } from '../content/content.types.ts'
import { type Formats, formatsFor } from './format.ts'
import { type Translate, translator } from './i18n/messages.ts'
import type { Urls } from './urls.ts'

export interface PageContext {
  edition: Edition
  t: Translate
  formats: Formats
  now: Date
  siteName: string
  publicUrl: string
  catalogue: Catalogue
  urls: Urls
  /** Address of the fingerprinted stylesheet. */
  stylesheet: string
  /** Address of the fingerprinted script that keeps the page live; none on error pages. */
  script?: string
  /** Address of the comments island's script, loaded by story pages. */
  commentsScript?: string
  /** The edition's latest headlines, shown beside every page. */
  newsfeed: NewsfeedList
}

const translators = new Map<string, Translate>()

export function translatorFor(edition: Edition): Translate {
  let t = translators.get(edition.locale)
  if (!t) {
    t = translator(edition.locale)
    translators.set(edition.locale, t)
  }
  return t
}

export function pageContext(
  base: Pick<
    PageContext,
    'siteName' | 'publicUrl' | 'catalogue' | 'urls' | 'stylesheet' | 'script' | 'commentsScript'
  >,
  edition: Edition,
  now: Date,
  newsfeed: NewsfeedList,
): PageContext {
  return {
    ...base,
    edition,
    t: translatorFor(edition),
    formats: formatsFor(edition),
    now,
    newsfeed,
  }
}
