// A small Server-Sent Events client for tests: collects events and waits for them.

export interface SseEvent {
  id?: string
  event: string
  data: string
}

export async function openStream(url: string, headers: Record<string, string> = {}) {
  const controller = new AbortController()
  const response = await fetch(url, { headers, signal: controller.signal })
  const events: SseEvent[] = []
  const decoder = new TextDecoder()
  let buffer = ''
  const reading = (async () => {
    const reader = response.body!.getReader()
    for (;;) {
      const { value, done } = await reader.read()
      if (done) return
      buffer += decoder.decode(value, { stream: true })
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        const block = buffer.slice(0, end)
        buffer = buffer.slice(end + 2)
        const event: SseEvent = { event: 'message', data: '' }
        let named = false
        for (const line of block.split('\n')) {
          const [field, ...rest] = line.split(': ')
          const value = rest.join(': ')
          if (field === 'id') event.id = value
          else if (field === 'event') {
            event.event = value
            named = true
          } else if (field === 'data') event.data = value
        }
        if (named) events.push(event)
      }
    }
  })().catch(() => {})
  return {
    response,
    events,
    /** Resolves once `count` named events have arrived, or fails after `ms`. */
    async waitFor(count: number, ms = 3000): Promise<SseEvent[]> {
      const until = Date.now() + ms
      while (events.length < count) {
        if (Date.now() > until) throw new Error(`expected ${count} events, got ${events.length}`)
        await new Promise((r) => setTimeout(r, 10))
      }
      return events
    },
    async close() {
      controller.abort()
      await reading
    },
  }
}
