// Chat words the server pages need beyond a plain lookup: plural forms and message times.
import type { MessageKey } from '../../site/i18n/messages.ts'
import type { PageContext } from '../../site/page-context.ts'

const ONLINE: Partial<Record<Intl.LDMLPluralRule, MessageKey>> = {
  one: 'chat.online_one',
  few: 'chat.online_few',
  many: 'chat.online_many',
}

const plurals = new Map<string, Intl.PluralRules>()

/** "3 readers here now", in the edition's plural form. */
export function onlineText(ctx: PageContext, n: number): string {
  let rules = plurals.get(ctx.edition.locale)
  if (!rules) {
    rules = new Intl.PluralRules(ctx.edition.locale)
    plurals.set(ctx.edition.locale, rules)
  }
  return ctx.t(ONLINE[rules.select(n)] ?? 'chat.online', { n: ctx.formats.number(n) })
}

/** "10:05" today in the edition's zone, the date and time before. */
export function messageTime(ctx: PageContext, date: Date): string {
  return ctx.formats.urlDate(date) === ctx.formats.urlDate(ctx.now)
    ? ctx.formats.feedTime(date, ctx.now)
    : ctx.formats.dateTime(date)
}
