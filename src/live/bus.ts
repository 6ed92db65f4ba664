// One bus for every instance: in-process by default, Redis pub/sub when REDIS_URL is set.

import type { FastifyBaseLogger } from 'fastify'
import { Redis } from 'ioredis'
import { BUS_CHANNEL, type DatelineEvent, parseEvent } from './events.ts'

export type Listener = (event: DatelineEvent) => void

export interface Bus {
  publish(event: DatelineEvent): Promise<void>
  /** Returns a function that stops listening. */
  subscribe(listener: Listener): () => void
  /** Called after a lost connection comes back, so listeners can catch up on what they missed. */
  onReconnect(listener: () => void): () => void
  close(): Promise<void>
}

/** The listeners every bus keeps, and the two subscribe methods of its interface. */
function listeners() {
  const set = new Set<Listener>()
  const reconnects = new Set<() => void>()
  return {
    set,
    reconnects,
    subscribe(listener: Listener) {
      set.add(listener)
      return () => set.delete(listener)
    },
    onReconnect(listener: () => void) {
      reconnects.add(listener)
      return () => reconnects.delete(listener)
    },
    deliver(event: DatelineEvent, log?: FastifyBaseLogger) {
      for (const listener of set) {
        try {
          listener(event)
        } catch (error) {
          log?.error({ err: error }, 'bus listener failed')
        }
      }
    },
  }
}

export function createMemoryBus(): Bus {
  const { set, subscribe, onReconnect, deliver } = listeners()
  return {
    async publish(event) {
      // Like Redis, deliver after the publisher's own work has finished.
      queueMicrotask(() => deliver(event))
    },
    subscribe,
    onReconnect,
    async close() {
      set.clear()
    },
  }
}

export function createRedisBus(options: {
  url: string
  log: FastifyBaseLogger
  channel?: string
}): Bus {
  const channel = options.channel ?? BUS_CHANNEL
  const { log } = options
  const { set, reconnects, subscribe, onReconnect, deliver } = listeners()
  const retryStrategy = (attempt: number) => Math.min(100 * 2 ** attempt, 5_000)
  // Publishing fails at once while Redis is away instead of queueing; the event then reaches this
  // instance directly, and the others catch up from the database when the connection returns.
  const publisher = new Redis(options.url, {
    retryStrategy,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
  })
  const subscriber = new Redis(options.url, { retryStrategy, maxRetriesPerRequest: null })
  let lost = false

  for (const [name, connection] of [
    ['publisher', publisher],
    ['subscriber', subscriber],
  ] as const) {
    connection.on('error', (error) => {
      if (!lost)
        log.warn({ err: error, connection: name }, 'Redis connection lost; retrying with backoff')
      if (name === 'subscriber') lost = true
    })
  }
  // Whatever ends the subscriber's connection, the next 'ready' means this instance may have missed
  // messages in between.
  let connected = false
  subscriber.on('close', () => {
    if (!connected || lost) return
    lost = true
    log.warn('Redis connection lost; pages keep being served, retrying with backoff')
  })
  subscriber.on('ready', () => {
    connected = true
    if (!lost) return
    lost = false
    log.info('Redis connection back; catching up')
    for (const listener of reconnects) listener()
  })
  subscriber.on('message', (_channel: string, text: string) => {
    const event = parseEvent(text)
    if (event) deliver(event, log)
    else log.warn({ text: text.slice(0, 200) }, 'dropped a malformed bus message')
  })
  void subscriber
    .subscribe(channel)
    .catch((error: unknown) => log.warn({ err: error }, 'Redis subscribe failed'))

  return {
    async publish(event) {
      try {
        await publisher.publish(channel, JSON.stringify(event))
      } catch (error) {
        log.warn({ err: error }, 'Redis unavailable: event delivered to this instance only')
        deliver(event, log)
      }
    },
    subscribe,
    onReconnect,
    async close() {
      set.clear()
      publisher.disconnect()
      subscriber.disconnect()
    },
  }
}
