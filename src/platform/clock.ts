// Time is passed in, so embargoes and schedules are tested without sleeping.
export interface Clock {
  now(): Date
}

export const systemClock: Clock = { now: () => new Date() }

/** A clock tests move by hand. */
export function fixedClock(start: Date) {
  let current = start
  return {
    now: () => current,
    set: (to: Date) => {
      current = to
    },
    advance: (ms: number) => {
      current = new Date(current.getTime() + ms)
    },
  }
}
