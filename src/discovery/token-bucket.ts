// Request budgets per Content API key: a token bucket in this process's memory. Counting in the
// database would cost two queries per request; the price is that each instance counts its own
// requests, so N instances behind a balancer allow up to N times the limit.
import type { Clock } from '../platform/clock.ts'

export interface BucketLimit {
  /** Requests allowed in a burst, and per `windowMs` on average. */
  max: number
  windowMs: number
}

export interface Take {
  allowed: boolean
  limit: number
  /** Whole requests left in the bucket after this one. */
  remaining: number
  /** Seconds until the bucket is full again. */
  resetSeconds: number
  /** Seconds until the next request is allowed, when refused. */
  retryAfter: number
}

/** Buckets untouched for this long are full again and can be forgotten. */
const SWEEP_EVERY = 10_000

export function createTokenBuckets(deps: { limit: BucketLimit; clock: Clock }) {
  const { limit, clock } = deps
  const perMs = limit.max / limit.windowMs
  const buckets = new Map<number, { tokens: number; at: number }>()
  let takes = 0

  const sweep = (now: number) => {
    for (const [key, bucket] of buckets)
      if (bucket.tokens + (now - bucket.at) * perMs >= limit.max) buckets.delete(key)
  }

  return {
    take(key: number): Take {
      const now = clock.now().getTime()
      if (++takes % SWEEP_EVERY === 0) sweep(now)
      const bucket = buckets.get(key) ?? { tokens: limit.max, at: now }
      bucket.tokens = Math.min(limit.max, bucket.tokens + Math.max(0, now - bucket.at) * perMs)
      bucket.at = now
      const allowed = bucket.tokens >= 1
      if (allowed) bucket.tokens -= 1
      buckets.set(key, bucket)
      return {
        allowed,
        limit: limit.max,
        remaining: Math.floor(bucket.tokens),
        resetSeconds: Math.ceil((limit.max - bucket.tokens) / perMs / 1000),
        retryAfter: allowed ? 0 : Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)),
      }
    },
  }
}

export type TokenBuckets = ReturnType<typeof createTokenBuckets>
