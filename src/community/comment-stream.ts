// Live comments: each story's readers hold an SSE stream; every change heard on the bus, from any
// instance, is loaded once and written to all of them.
import type { ServerResponse } from 'node:http'
import type { FastifyBaseLogger } from 'fastify'
import type { Bus } from '../live/bus.ts'
import type { CommentEvent } from '../live/events.ts'
import type { CommentJson } from './comment.service.ts'

const HEARTBEAT_MS = 25_000
const MAX_BUFFERED = 256 * 1024
/**
 * A story's watchers get at most one write per this many milliseconds: the first change goes out
 * at once, changes during a busy stretch go out together. A thousand watchers of a story taking
 * dozens of comments a second would otherwise cost a thousand writes per comment.
 */
const BATCH_MS = 25

export function createCommentStream(deps: {
  bus: Bus
  log: FastifyBaseLogger
  /** The comment as every reader sees it, or undefined when it is no longer visible. */
  load: (id: number) => Promise<CommentJson | undefined>
}) {
  const watchers = new Map<number, Set<ServerResponse>>()

  const send = (articleId: number, res: ServerResponse, text: string) => {
    if (res.writableLength > MAX_BUFFERED) {
      // It stopped reading: drop it; the browser reconnects and reloads the list.
      watchers.get(articleId)?.delete(res)
      res.destroy()
      return
    }
    res.write(text)
  }

  const message = async (event: CommentEvent): Promise<string> => {
    if (event.kind === 'likes')
      return `event: likes\ndata: ${JSON.stringify({ id: event.commentId, likes: event.count })}\n\n`
    const comment = event.kind === 'removed' ? undefined : await deps.load(event.commentId)
    const data = {
      kind: comment || event.kind === 'removed' ? event.kind : 'removed',
      id: event.commentId,
      parentId: comment?.parentId ?? null,
      count: event.count,
      ...(comment && { comment }),
    }
    return `event: comment\ndata: ${JSON.stringify(data)}\n\n`
  }

  const batches = new Map<number, { texts: string[]; timer?: NodeJS.Timeout; sentAt: number }>()

  const flush = (articleId: number) => {
    const batch = batches.get(articleId)
    if (!batch) return
    batch.timer = undefined
    batch.sentAt = Date.now()
    if (batch.texts.length === 0) return
    const text = batch.texts.join('')
    batch.texts = []
    for (const res of watchers.get(articleId) ?? []) send(articleId, res, text)
  }

  const queue = (articleId: number, text: string) => {
    const batch = batches.get(articleId) ?? { texts: [], sentAt: 0 }
    batches.set(articleId, batch)
    batch.texts.push(text)
    if (batch.timer) return
    const wait = batch.sentAt + BATCH_MS - Date.now()
    if (wait <= 0) flush(articleId)
    else batch.timer = setTimeout(() => flush(articleId), wait)
  }

  deps.bus.subscribe((event) => {
    if (event.type !== 'comment') return
    const audience = watchers.get(event.articleId)
    if (!audience || audience.size === 0) return
    message(event)
      .then((text) => queue(event.articleId, text))
      .catch((error: unknown) => deps.log.error({ err: error }, 'comment stream failed'))
  })

  const heartbeat = setInterval(() => {
    for (const [articleId, audience] of watchers)
      for (const res of audience) send(articleId, res, ': ping\n\n')
  }, HEARTBEAT_MS)
  heartbeat.unref()

  return {
    connect(articleId: number, res: ServerResponse): void {
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      })
      res.write('retry: 3000\n\n')
      const audience = watchers.get(articleId) ?? new Set<ServerResponse>()
      watchers.set(articleId, audience)
      audience.add(res)
      res.on('close', () => {
        audience.delete(res)
        if (audience.size > 0) return
        watchers.delete(articleId)
        clearTimeout(batches.get(articleId)?.timer)
        batches.delete(articleId)
      })
    },

    watching: (articleId: number) => watchers.get(articleId)?.size ?? 0,

    close(): void {
      clearInterval(heartbeat)
      for (const batch of batches.values()) clearTimeout(batch.timer)
      for (const audience of watchers.values()) for (const res of audience) res.end()
      watchers.clear()
    },
  }
}

export type CommentStream = ReturnType<typeof createCommentStream>
