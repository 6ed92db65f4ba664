// Rendered public pages kept in memory, bounded by bytes, least recently used first out. Each page
// lists the surrogate keys of what it shows, and a change to a story drops exactly those pages.
import { createHash } from 'node:crypto'

export interface CachedPage {
  body: Buffer
  etag: string
  keys: readonly string[]
  storedAt: number
  /** The Content-Type it was sent with; an HTML page's when absent. */
  type?: string
  /** The Last-Modified it was sent with, if any. */
  lastModified?: string
}

export function createPageCache(options: {
  maxBytes: number
  maxAgeMs: number
  now?: () => number
}) {
  const now = options.now ?? Date.now
  const pages = new Map<string, CachedPage>()
  const byKey = new Map<string, Set<string>>()
  let bytes = 0

  const size = (page: CachedPage) => page.body.length + 200

  const remove = (url: string) => {
    const page = pages.get(url)
    if (!page) return
    pages.delete(url)
    bytes -= size(page)
    for (const key of page.keys) {
      const urls = byKey.get(key)
      urls?.delete(url)
      if (urls?.size === 0) byKey.delete(key)
    }
  }

  return {
    /** Off when given no memory: nothing is hashed or kept. */
    enabled: options.maxBytes > 0,

    get(url: string): CachedPage | undefined {
      const page = pages.get(url)
      if (!page) return undefined
      if (now() - page.storedAt > options.maxAgeMs) {
        remove(url)
        return undefined
      }
      // Map order is insertion order: moving a page to the end makes the first one the least used.
      pages.delete(url)
      pages.set(url, page)
      return page
    },

    set(
      url: string,
      html: string,
      keys: readonly string[],
      sent: { type?: string; lastModified?: string } = {},
    ): CachedPage {
      remove(url)
      const body = Buffer.from(html)
      const page: CachedPage = {
        body,
        keys,
        etag: `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`,
        storedAt: now(),
        ...(sent.type !== undefined && { type: sent.type }),
        ...(sent.lastModified !== undefined && { lastModified: sent.lastModified }),
      }
      if (size(page) > options.maxBytes) return page
      pages.set(url, page)
      bytes += size(page)
      for (const key of keys) {
        let urls = byKey.get(key)
        if (!urls) {
          urls = new Set()
          byKey.set(key, urls)
        }
        urls.add(url)
      }
      while (bytes > options.maxBytes) {
        const oldest = pages.keys().next().value
        if (oldest === undefined) break
        remove(oldest)
      }
      return page
    },

    /** Drops every page that shows any of `keys`. */
    invalidate(keys: readonly string[]): number {
      let dropped = 0
      for (const key of keys) {
        for (const url of [...(byKey.get(key) ?? [])]) {
          remove(url)
          dropped++
        }
      }
      return dropped
    },

    clear(): void {
      pages.clear()
      byKey.clear()
      bytes = 0
    },

    stats: () => ({ pages: pages.size, bytes }),
  }
}

export type PageCache = ReturnType<typeof createPageCache>
