// /{edition}/chats: the edition's rooms, the general one first, with how many readers are in each.
import type { PageContext } from '../../site/page-context.ts'
import type { PageView } from '../../site/page-view.ts'
import type { ChatRoom } from '../chat.types.ts'
import { onlineText } from './chat-words.ts'

export const chatPaths = {
  list: (code: string) => `/${code}/chats`,
  room: (code: string, slug: string) => `/${code}/chats/${slug}`,
}

export function chatListPage(props: {
  ctx: PageContext
  rooms: Array<ChatRoom & { online: number }>
}): PageView {
  const { ctx, rooms } = props
  const { t, edition } = ctx
  return {
    ctx,
    title: `${t('chat.list.title')} · ${ctx.siteName}`,
    description: t('chat.list.description'),
    canonical: chatPaths.list(edition.code),
    alternates: ctx.catalogue
      .editions()
      .filter((other) => other.id !== edition.id)
      .map((other) => ({ edition: other, href: chatPaths.list(other.code) })),
    main: (
      <>
        <header class="list-header">
          <h1>{t('chat.list.title')}</h1>
          <p class="list-header__description">{t('chat.list.description')}</p>
        </header>
        {rooms.length === 0 ? (
          <p class="empty">{t('chat.list.empty')}</p>
        ) : (
          <ul class="chat-rooms">
            {rooms.map((room) => (
              <li class="chat-rooms__item">
                <h2 class="chat-rooms__name">
                  <a href={chatPaths.room(edition.code, room.slug)}>{room.name}</a>
                </h2>
                {room.description && <p class="chat-rooms__description">{room.description}</p>}
                <p class={room.online > 0 ? 'chat-online chat-online--live' : 'chat-online'}>
                  {onlineText(ctx, room.online)}
                </p>
              </li>
            ))}
          </ul>
        )}
      </>
    ),
  }
}
