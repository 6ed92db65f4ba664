// When an edition's digest goes out: a local time of day in the edition's time zone, turned into
// the next UTC instant, daylight saving included.

export const DEFAULT_DIGEST_TIME = '07:00'
const HOUR = 60 * 60_000
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/

/** "07:00" as given, or undefined when it is not a time of day in 24-hour HH:MM. */
export function parseDigestTime(text: unknown): string | undefined {
  return typeof text === 'string' && TIME.test(text) ? text : undefined
}

const dayFormats = new Map<string, Intl.DateTimeFormat>()
const partFormats = new Map<string, Intl.DateTimeFormat>()

function cached(
  map: Map<string, Intl.DateTimeFormat>,
  zone: string,
  make: () => Intl.DateTimeFormat,
) {
  let format = map.get(zone)
  if (!format) {
    format = make()
    map.set(zone, format)
  }
  return format
}

/** The day `at` falls on in the zone: "2026-02-14". */
export function localDay(at: Date, timeZone: string): string {
  return cached(
    dayFormats,
    timeZone,
    () =>
      new Intl.DateTimeFormat('en-CA', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      }),
  ).format(at)
}

/** How far the zone's wall clock is ahead of UTC at `at`, in milliseconds. */
function offsetMs(at: Date, timeZone: string): number {
  const parts = cached(
    partFormats,
    timeZone,
    () =>
      new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      }),
  ).formatToParts(at)
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value)
  const wall = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  )
  return wall - Math.floor(at.getTime() / 1000) * 1000
}

/**
 * The instant the zone's clocks show `time` on `day`. A time the clocks skip (the hour lost in
 * spring) comes out an hour later; a time they show twice (autumn) is its first showing.
 */
export function zonedInstant(day: string, time: string, timeZone: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  const [hh, mm] = time.split(':').map(Number) as [number, number]
  const wall = Date.UTC(y, m - 1, d, hh, mm)
  // The zone's offsets half a day either side: the instant is the wall time less one of them.
  const candidates = [12, -12].map(
    (hours) => wall - offsetMs(new Date(wall + hours * HOUR), timeZone),
  )
  const shown = candidates.filter((at) => offsetMs(new Date(at), timeZone) === wall - at)
  return new Date(shown.length > 0 ? Math.min(...shown) : Math.max(...candidates))
}

function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10)
}

/** The first digest after `now`: its instant and the local day it belongs to. */
export function nextDigest(now: Date, timeZone: string, time: string): { at: Date; day: string } {
  const today = localDay(now, timeZone)
  for (let ahead = 0; ; ahead++) {
    const day = addDays(today, ahead)
    const at = zonedInstant(day, time, timeZone)
    if (at > now) return { at, day }
  }
}
