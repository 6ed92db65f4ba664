// A minimal in-process SSE reader: notes when each story event arrives, by article id.
import http from 'node:http'
import { now } from './stats.ts'

export async function openSse(url: string) {
  const arrivals = new Map<number, number>()
  const waiting = new Map<number, (at: number) => void>()
  const request = http.get(url, { agent: false, headers: { accept: 'text/event-stream' } })
  const response = await new Promise<http.IncomingMessage>((resolve, reject) => {
    request.once('response', resolve)
    request.once('error', reject)
  })
  if (response.statusCode !== 200) throw new Error(`${url} answered ${response.statusCode}`)
  response.setEncoding('utf8')
  let buffer = ''
  response.on('data', (chunk: string) => {
    const at = now()
    buffer += chunk
    for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
      const block = buffer.slice(0, end)
      buffer = buffer.slice(end + 2)
      if (!block.includes('event: story')) continue
      const data = /^data: (.*)$/m.exec(block)?.[1]
      const articleId = data ? (JSON.parse(data) as { articleId?: number }).articleId : undefined
      if (articleId === undefined) continue
      arrivals.set(articleId, at)
      waiting.get(articleId)?.(at)
    }
  })
  response.on('error', () => {})
  return {
    /** When the story's event arrived, or undefined if it did not within `ms`. */
    waitFor(articleId: number, ms: number): Promise<number | undefined> {
      const known = arrivals.get(articleId)
      if (known !== undefined) return Promise.resolve(known)
      return new Promise((resolve) => {
        const timer = setTimeout(() => finish(undefined), ms)
        const finish = (at: number | undefined) => {
          clearTimeout(timer)
          waiting.delete(articleId)
          resolve(at)
        }
        waiting.set(articleId, finish)
      })
    },
    close: () => request.destroy(),
  }
}
