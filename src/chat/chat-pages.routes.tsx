// The chat pages of the reader site: the rooms of an edition, and one room's messages. The same
// for every reader, but the readers online change all the time, so they are never kept.
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { Catalogue } from '../content/catalogue.ts'
import type { Edition, NewsfeedList } from '../content/content.types.ts'
import type { Clock } from '../platform/clock.ts'
import { type PageContext, pageContext } from '../site/page-context.ts'
import type { PageView } from '../site/page-view.ts'
import { PageError, parseSlug } from '../site/params.ts'
import { sendPage } from '../site/render.ts'
import type { Urls } from '../site/urls.ts'
import type { ChatService } from './chat.service.ts'
import { chatListPage } from './pages/chat-list.page.tsx'
import { chatRoomPage } from './pages/chat-room.page.tsx'

export interface ChatPagesDeps {
  chat: Pick<ChatService, 'rooms' | 'roomBySlug' | 'history' | 'online'>
  catalogue: Catalogue
  clock: Clock
  /** The newsfeed shown beside every page. */
  reading: { newsfeed(edition: Edition): Promise<NewsfeedList> }
  page: { siteName: string; publicUrl: string; stylesheet: string; script?: string; urls: Urls }
  /** The island's fingerprinted script; without it the room pages are read-only. */
  islandScript?: string
}

type Params = { edition: string }
type Query = { before?: string | string[] }

const MAX_ID = 2_147_483_647

/** `?before=` a message id: absent, or a whole number that can be one. */
export function parseBefore(raw: Query['before']): number | undefined {
  if (raw === undefined) return undefined
  const text = Array.isArray(raw) ? raw[0] : raw
  const id = Number(text)
  if (!text || !/^\d{1,10}$/.test(text) || id < 1 || id > MAX_ID)
    throw new PageError(400, 'reason.message')
  return id
}

export async function chatPagesRoutes(app: FastifyInstance, deps: ChatPagesDeps) {
  const { chat, catalogue, clock } = deps

  const editionOf = (code: string): Edition => {
    const edition = catalogue.edition(code)
    if (!edition) throw new PageError(404)
    return edition
  }

  const send = async (
    reply: FastifyReply,
    edition: Edition,
    view: (ctx: PageContext) => PageView,
  ) => {
    const newsfeed = await deps.reading.newsfeed(edition)
    const ctx = pageContext({ ...deps.page, catalogue }, edition, clock.now(), newsfeed)
    reply.header('cache-control', 'no-cache')
    return sendPage(reply, view(ctx))
  }

  app.get<{ Params: Params }>('/:edition/chats', async (request, reply) => {
    const edition = editionOf(request.params.edition)
    const rooms = await chat.rooms(edition.id)
    return send(reply, edition, (ctx) => chatListPage({ ctx, rooms }))
  })

  app.get<{ Params: Params & { slug: string }; Querystring: Query }>(
    '/:edition/chats/:slug',
    async (request, reply) => {
      const edition = editionOf(request.params.edition)
      const before = parseBefore(request.query.before)
      const room = await chat.roomBySlug(edition.id, parseSlug(request.params.slug))
      if (!room) throw new PageError(404)
      const history = await chat.history(room.id, { before })
      if (before !== undefined && history.messages.length === 0) throw new PageError(404)
      return send(reply, edition, (ctx) =>
        chatRoomPage({
          ctx,
          room,
          history,
          online: chat.online(room.id),
          before,
          script: deps.islandScript,
        }),
      )
    },
  )
}
