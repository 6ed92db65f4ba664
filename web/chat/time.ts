// Times of messages in the edition's language and time zone, as the room page writes them:
// "10:05" today, "14 February 2026, 10:05" before.

export interface TimeFormat {
  short(iso: string): string
  full(iso: string): string
  /** "10 minutes", "1 hour", for slow mode and mutes. */
  duration(seconds: number): string
}

export function timeFormat(locale: string, timeZone: string, now = () => new Date()): TimeFormat {
  const zoned = (options: Intl.DateTimeFormatOptions) => {
    try {
      return new Intl.DateTimeFormat(locale, { timeZone, ...options })
    } catch {
      return new Intl.DateTimeFormat(locale, options)
    }
  }
  const day = zoned({ year: 'numeric', month: '2-digit', day: '2-digit' })
  const time = zoned({ hour: '2-digit', minute: '2-digit' })
  const full = zoned({ dateStyle: 'long', timeStyle: 'short' })
  const unit = (name: string) =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'long' })
  const units: Array<[number, Intl.NumberFormat]> = [
    [86_400, unit('day')],
    [3600, unit('hour')],
    [60, unit('minute')],
    [1, unit('second')],
  ]
  return {
    short(iso) {
      const date = new Date(iso)
      return day.format(date) === day.format(now()) ? time.format(date) : full.format(date)
    },
    full: (iso) => full.format(new Date(iso)),
    duration(seconds) {
      const [size, format] = units.find(([size]) => seconds >= size && seconds % size === 0) ?? [
        1,
        units[3]![1],
      ]
      return format.format(seconds / size)
    },
  }
}
