// A small seeded pseudo-random generator (mulberry32), so one seed always builds the same demo site.

export interface Random {
  /** A float in [0, 1). */
  next(): number
  /** An integer from min to max, both included. */
  int(min: number, max: number): number
  /** A float from min to max, rounded to the given number of decimals. */
  float(min: number, max: number, decimals: number): number
  chance(probability: number): boolean
  pick<T>(items: readonly T[]): T
  /** Up to count distinct items, in random order. */
  sample<T>(items: readonly T[], count: number): T[]
  shuffle<T>(items: readonly T[]): T[]
  /** A fresh 32-bit seed, for a child generator whose draws must not shift this one's. */
  seed(): number
  /** A version 4 UUID drawn from this generator. */
  uuid(): string
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  const shuffle = <T>(items: readonly T[]): T[] => {
    const copy = [...items]
    for (let i = copy.length - 1; i > 0; i--) {
      const j = int(0, i)
      ;[copy[i], copy[j]] = [copy[j] as T, copy[i] as T]
    }
    return copy
  }
  return {
    next,
    int,
    float: (min, max, decimals) => {
      const scale = 10 ** decimals
      return Math.round((min + next() * (max - min)) * scale) / scale
    },
    chance: (probability) => next() < probability,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('Cannot pick from an empty list')
      return items[int(0, items.length - 1)] as T
    },
    sample: (items, count) => shuffle(items).slice(0, count),
    shuffle,
    seed: () => Math.floor(next() * 4294967296) >>> 0,
    uuid: () => {
      const hex = Array.from({ length: 32 }, () => int(0, 15).toString(16))
      hex[12] = '4'
      hex[16] = (8 + int(0, 3)).toString(16)
      const s = hex.join('')
      return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`
    },
  }
}
