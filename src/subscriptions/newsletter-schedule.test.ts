// The digest's next local time in an edition's zone, across midnight and daylight saving.
import { describe, expect, it } from 'vitest'
import { localDay, nextDigest, parseDigestTime, zonedInstant } from './newsletter-schedule.ts'

describe('digest times', () => {
  it.each([
    ['07:00', '07:00'],
    ['23:59', '23:59'],
    ['00:00', '00:00'],
    ['7:00', undefined],
    ['24:00', undefined],
    ['07:60', undefined],
    ['07:00:00', undefined],
    [7, undefined],
  ])('reads %s as %s', (text, time) => {
    expect(parseDigestTime(text)).toBe(time)
  })

  it('finds the next 07:00 in Moscow and in London, today or tomorrow', () => {
    const noonUtc = new Date('2026-02-14T12:00:00Z')
    expect(nextDigest(noonUtc, 'Europe/Moscow', '07:00')).toEqual({
      at: new Date('2026-02-15T04:00:00Z'),
      day: '2026-02-15',
    })
    expect(nextDigest(noonUtc, 'Europe/Moscow', '18:30')).toEqual({
      at: new Date('2026-02-14T15:30:00Z'),
      day: '2026-02-14',
    })
    const justBefore = new Date('2026-02-14T06:59:59Z')
    expect(nextDigest(justBefore, 'Europe/London', '07:00').at).toEqual(
      new Date('2026-02-14T07:00:00Z'),
    )
    // Exactly at the time, the next one is tomorrow's.
    expect(nextDigest(new Date('2026-02-14T07:00:00Z'), 'Europe/London', '07:00').day).toBe(
      '2026-02-15',
    )
  })

  it('keeps the local time across daylight saving, and the day of the zone', () => {
    expect(zonedInstant('2026-03-28', '07:00', 'Europe/London')).toEqual(
      new Date('2026-03-28T07:00:00Z'),
    )
    expect(zonedInstant('2026-03-29', '07:00', 'Europe/London')).toEqual(
      new Date('2026-03-29T06:00:00Z'),
    )
    expect(zonedInstant('2026-07-01', '07:00', 'America/New_York')).toEqual(
      new Date('2026-07-01T11:00:00Z'),
    )
    // The hour the clocks skip comes an hour later; the hour they repeat, the first time.
    expect(zonedInstant('2026-03-29', '01:30', 'Europe/London')).toEqual(
      new Date('2026-03-29T01:30:00Z'),
    )
    expect(zonedInstant('2026-10-25', '01:30', 'Europe/London')).toEqual(
      new Date('2026-10-25T00:30:00Z'),
    )
    expect(localDay(new Date('2026-02-14T22:30:00Z'), 'Europe/Moscow')).toBe('2026-02-15')
    expect(localDay(new Date('2026-02-14T22:30:00Z'), 'America/Los_Angeles')).toBe('2026-02-14')
  })
})
