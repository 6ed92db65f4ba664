// Dates and numbers in an edition's locale and time zone, with formatters built once.
import type { Edition } from '../content/content.types.ts'

export interface Formats {
  /** "14 February 2026, 10:05" */
  dateTime(date: Date): string
  /** "Saturday, 14 February 2026", the day the reader is in */
  today(now: Date): string
  /** "2026-02-14", the day the reader is in, for <time datetime> */
  isoDay(now: Date): string
  /** "10:05", or "14 Feb" when not today in the edition's zone */
  feedTime(date: Date, now: Date): string
  /** "20260214" for URLs, in the edition's zone */
  urlDate(date: Date): string
  /** "2026-02-14T10:05:00.000Z" for <time datetime> */
  iso(date: Date): string
  number(n: number): string
}

const byEdition = new WeakMap<Edition, Formats>()
const byZone = new Map<string, Formats>()

export function formatsFor(edition: Edition): Formats {
  let formats = byEdition.get(edition)
  if (!formats) {
    const key = `${edition.locale}|${edition.timeZone}`
    formats = byZone.get(key) ?? buildFormats(edition.locale, edition.timeZone)
    byZone.set(key, formats)
    byEdition.set(edition, formats)
  }
  return formats
}

function buildFormats(locale: string, timeZone: string): Formats {
  const dateTime = new Intl.DateTimeFormat(locale, {
    timeZone,
    dateStyle: 'long',
    timeStyle: 'short',
  })
  const time = new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit' })
  const shortDate = new Intl.DateTimeFormat(locale, { timeZone, day: 'numeric', month: 'short' })
  // en-CA formats as YYYY-MM-DD, which becomes the URL's date after removing the dashes.
  const ymd = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  })
  const fullDate = new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'full' })
  const number = new Intl.NumberFormat(locale)
  const isoDay = remember((date) => ymd.format(date))
  const urlDate = remember((date) => isoDay(date).replaceAll('-', ''))
  const timeOnly = remember((date) => time.format(date))
  const dayMonth = remember((date) => shortDate.format(date))
  const today = remember((date) => fullDate.format(date))
  return {
    dateTime: remember((date) => dateTime.format(date)),
    // The current time is rounded to the minute so that remembering it does not fill the memory.
    today: (now) => today(toMinute(now)),
    isoDay: (now) => isoDay(toMinute(now)),
    feedTime: (date, now) =>
      urlDate(date) === urlDate(toMinute(now)) ? timeOnly(date) : dayMonth(date),
    urlDate,
    iso: (date) => date.toISOString(),
    number: (n) => number.format(n),
  }
}

// Intl formatting costs microseconds a call, and pages show the same few hundred story times all day.
function remember(format: (date: Date) => string): (date: Date) => string {
  const seen = new Map<number, string>()
  return (date) => {
    const key = date.getTime()
    let text = seen.get(key)
    if (text === undefined) {
      if (seen.size >= 20_000) seen.clear()
      text = format(date)
      seen.set(key, text)
    }
    return text
  }
}

function toMinute(date: Date): Date {
  return new Date(date.getTime() - (date.getTime() % 60_000))
}
