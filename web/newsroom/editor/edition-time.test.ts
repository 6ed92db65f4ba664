// Checks reading schedule times typed in the edition's time zone, across daylight saving changes.
import { describe, expect, test } from 'vitest'
import { isoToWallTime, wallTimeToIso } from './edition-time.ts'

describe('wallTimeToIso', () => {
  test.each([
    ['2025-03-12T14:05', 'Europe/Moscow', '2025-03-12T11:05:00.000Z'],
    ['2025-01-15T09:00', 'America/New_York', '2025-01-15T14:00:00.000Z'],
    ['2025-07-15T09:00', 'America/New_York', '2025-07-15T13:00:00.000Z'],
    ['2025-03-09T03:30', 'America/New_York', '2025-03-09T07:30:00.000Z'],
    ['2025-06-01T00:00', 'UTC', '2025-06-01T00:00:00.000Z'],
    ['2025-06-01T08:00', 'Asia/Kolkata', '2025-06-01T02:30:00.000Z'],
  ])('reads %s in %s as %s', (wall, zone, iso) => {
    expect(wallTimeToIso(wall, zone)).toBe(iso)
    expect(isoToWallTime(iso, zone)).toBe(wall)
  })

  test('refuses what is not a datetime-local value', () => {
    expect(wallTimeToIso('tomorrow', 'UTC')).toBeNull()
  })
})
