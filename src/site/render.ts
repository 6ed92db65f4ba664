// Sends a page as a complete HTML document.
import type { FastifyReply } from 'fastify'
import { renderDocument } from './document.tsx'
import type { PageView } from './page-view.ts'

export function sendPage(reply: FastifyReply, page: PageView, status = 200): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').send(renderDocument(page))
}
