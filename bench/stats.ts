// Small number helpers shared by the bench sections: a clock all processes agree on, percentiles, units.
import fs from 'node:fs'

/** Milliseconds since the epoch with sub-millisecond precision; comparable across local processes. */
export const now = () => performance.timeOrigin + performance.now()

/** Nearest-rank percentile of `values` (p from 0 to 100); NaN when there are none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!
}

/** The kernel's count of connections dropped because a listen queue was full (0 if unreadable). */
export function listenOverflows(): number {
  try {
    const lines = fs
      .readFileSync('/proc/net/netstat', 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('TcpExt:'))
    const names = lines[0]?.split(' ') ?? []
    return Number(lines[1]?.split(' ')[names.indexOf('ListenOverflows')] ?? 0) || 0
  } catch {
    return 0
  }
}

export const round = (value: number, digits = 1) => Number(value.toFixed(digits))
export const mb = (bytes: number) => Math.round(bytes / (1024 * 1024))
export const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`
