// Dates and numbers in an edition's locale and time zone, with formatters built once.
import type { Edition } from '../content/content.types.ts'

export interface Formats {
  /** "14 February 2026, 10:05" */
  dateTime(date: Date): string
  /** "10:05", or "14 Feb" when not today in the edition's zone */
  feedTime(date: Date, now: Date): string
  /** "20260214" for URLs, in the edition's zone */
  urlDate(date: Date): string
  /** "2026-02-14T10:05:00.000Z" for <time datetime> */
  iso(date: Date): string
  number(n: number): string
}

const cache = new Map<string, Formats>()

export function formatsFor(edition: Edition): Formats {
  const key = `${edition.locale}|${edition.timeZone}`
  let formats = cache.get(key)
  if (!formats) {
    formats = buildFormats(edition.locale, edition.timeZone)
    cache.set(key, formats)
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
  const number = new Intl.NumberFormat(locale)
  const urlDate = (date: Date) => ymd.format(date).replaceAll('-', '')
  return {
    dateTime: (date) => dateTime.format(date),
    feedTime: (date, now) =>
      urlDate(date) === urlDate(now) ? time.format(date) : shortDate.format(date),
    urlDate,
    iso: (date) => date.toISOString(),
    number: (n) => number.format(n),
  }
}
