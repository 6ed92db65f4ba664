// The way from a story to the topic rooms linked to its section or tags: "Discuss in the chat".
import type { Catalogue } from '../../content/catalogue.ts'
import type { PageContext } from '../../site/page-context.ts'
import type { ChatService } from '../chat.service.ts'
import { chatPaths } from './chat-list.page.tsx'

/** The surrogate key of every story page, dropped from the page cache when rooms change. */
export const CHAT_ROOMS_KEY = 'chat-rooms'

export interface ChatLink {
  name: string
  href: string
}

export type ChatLinksFor = (story: {
  editionId: number
  sectionId: number
  tags: { id: number }[]
}) => Promise<ChatLink[]>

export function chatLinksFor(
  chat: Pick<ChatService, 'roomsForStory'>,
  catalogue: Catalogue,
): ChatLinksFor {
  return async (story) => {
    const edition = catalogue.editionById(story.editionId)
    if (!edition) return []
    const tagIds = story.tags.map((tag) => tag.id)
    const rooms = await chat.roomsForStory(edition.id, story.sectionId, tagIds)
    return rooms.map((room) => ({ name: room.name, href: chatPaths.room(edition.code, room.slug) }))
  }
}

export function ChatLinks({ ctx, links }: { ctx: PageContext; links: ChatLink[] }) {
  if (links.length === 0) return null
  return (
    <ul class="chat-links">
      {links.map((link) => (
        <li>
          <a href={link.href}>{ctx.t('chat.article.discuss', { room: link.name })}</a>
        </li>
      ))}
    </ul>
  )
}
