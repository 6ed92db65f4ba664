// Readers online per room across instances: each instance counts its own sockets and publishes
// the counts on the bus every few seconds and soon after a change; each sums the latest counts of
// every instance heard from recently. Approximate by design, and converges within seconds.
import { randomUUID } from 'node:crypto'
import type { Bus } from '../live/bus.ts'
import type { ChatEvent } from './chat-event.ts'

export interface PresenceTiming {
  /** How long after a change the counts go out, so a burst of joins costs one message. */
  settleMs: number
  /** How often the counts go out anyway, so others know this instance is still there. */
  heartbeatMs: number
  /** Counts not renewed for this long are forgotten: their instance has gone. */
  staleMs: number
}

const DEFAULT_TIMING: PresenceTiming = { settleMs: 500, heartbeatMs: 5_000, staleMs: 15_000 }

export function createChatPresence(deps: {
  bus: Bus
  /** Told when a room's total changes, for the rooms this instance has sockets in. */
  onChange: (roomId: number, online: number) => void
  timing?: Partial<PresenceTiming>
}) {
  const timing = { ...DEFAULT_TIMING, ...deps.timing }
  const instance = randomUUID()
  const local = new Map<number, number>()
  const others = new Map<string, { counts: Map<number, number>; seenAt: number }>()
  const announced = new Map<number, number>()
  let settling: NodeJS.Timeout | undefined
  /** This instance's counts changed since it last published them. */
  let dirty = false

  const total = (roomId: number) => {
    const now = performance.now()
    let sum = local.get(roomId) ?? 0
    for (const other of others.values())
      if (now - other.seenAt < timing.staleMs) sum += other.counts.get(roomId) ?? 0
    return sum
  }

  const publish = () => {
    dirty = false
    const counts: Record<string, number> = {}
    for (const [roomId, n] of local) counts[roomId] = n
    deps.bus.publish({ type: 'chat', kind: 'presence', instance, counts }).catch(() => {})
  }

  /** Tells this instance's rooms whose totals moved since they were last told. */
  const review = () => {
    const now = performance.now()
    for (const [id, other] of others) if (now - other.seenAt >= timing.staleMs) others.delete(id)
    for (const roomId of new Set([...local.keys(), ...announced.keys()])) {
      const online = total(roomId)
      if (announced.get(roomId) === online) continue
      if (local.has(roomId)) {
        announced.set(roomId, online)
        deps.onChange(roomId, online)
      } else announced.delete(roomId)
    }
  }

  const settle = () => {
    if (settling) return
    settling = setTimeout(() => {
      settling = undefined
      if (dirty) publish()
      review()
    }, timing.settleMs)
    settling.unref()
  }

  const heartbeat = setInterval(() => {
    publish()
    review()
  }, timing.heartbeatMs)
  heartbeat.unref()

  return {
    online: total,

    joined(roomId: number) {
      local.set(roomId, (local.get(roomId) ?? 0) + 1)
      dirty = true
      settle()
    },

    left(roomId: number) {
      const n = (local.get(roomId) ?? 0) - 1
      if (n > 0) local.set(roomId, n)
      else local.delete(roomId)
      dirty = true
      settle()
    },

    heard(event: Extract<ChatEvent, { kind: 'presence' }>) {
      if (event.instance === instance) return
      const counts = new Map<number, number>()
      for (const [roomId, n] of Object.entries(event.counts)) counts.set(Number(roomId), n)
      others.set(event.instance, { counts, seenAt: performance.now() })
      settle()
    },

    close() {
      clearInterval(heartbeat)
      clearTimeout(settling)
      settling = undefined
      // Others forget this instance's readers now rather than after staleMs.
      local.clear()
      publish()
    },
  }
}

export type ChatPresence = ReturnType<typeof createChatPresence>
