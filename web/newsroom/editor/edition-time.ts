// Times in the edition's time zone: shown through Intl, and read back from datetime-local inputs.
import type { Edition } from '../api.ts'

type Zone = Pick<Edition, 'timeZone'>

/**
 * "12 Mar 2025, 14:05 GMT+3": in the edition's time zone, named, since it may not be the
 * reader's own; in the person's own locale, like the rest of the newsroom.
 */
export function formatDateTime(iso: string, edition: Zone): string {
  return new Intl.DateTimeFormat(undefined, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: edition.timeZone,
    timeZoneName: 'short',
  }).format(new Date(iso))
}

/** Minutes the zone is ahead of UTC at the instant `utc`. */
function offsetMinutes(utc: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(utc))
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((item) => item.type === type)?.value)
  const wall = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  )
  return Math.round((wall - Math.floor(utc / 1000) * 1000) / 60_000)
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/

/** A datetime-local value ("2025-03-12T14:05") read as wall time in the zone, as ISO UTC. */
export function wallTimeToIso(value: string, timeZone: string): string | null {
  const match = LOCAL.exec(value)
  if (!match) return null
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ]
  const wall = Date.UTC(year, month - 1, day, hour, minute)
  // The offset at the guessed instant, then again at the corrected one, settles DST edges.
  const guess = wall - offsetMinutes(wall, timeZone) * 60_000
  return new Date(wall - offsetMinutes(guess, timeZone) * 60_000).toISOString()
}

/** An instant as a datetime-local value in the zone, for prefilling the input. */
export function isoToWallTime(iso: string, timeZone: string): string {
  const utc = new Date(iso).getTime()
  const wall = new Date(utc + offsetMinutes(utc, timeZone) * 60_000)
  return wall.toISOString().slice(0, 16)
}
