// /{edition}/chats/{slug}: the room's latest messages, rendered read-only so the page works with
// JavaScript off, then the island takes over: live messages, writing, reactions, moderation.
import type { PageContext } from '../../site/page-context.ts'
import type { PageView } from '../../site/page-view.ts'
import {
  type ChatHistoryPage,
  type ChatRoom,
  MAX_MESSAGE_LENGTH,
  REACTIONS,
} from '../chat.types.ts'
import { chatPaths } from './chat-list.page.tsx'
import { ChatMessage } from './chat-message.tsx'
import { onlineText } from './chat-words.ts'
import { CHAT_ISLAND_KEYS, type ChatIslandConfig } from './island-config.ts'

export interface ChatRoomView {
  ctx: PageContext
  room: ChatRoom
  history: ChatHistoryPage
  online: number
  /** Set on the pages of older messages, which stay read-only. */
  before?: number
  /** The island's script; none when it is not built, or on pages it does not run on. */
  script?: string
}

const accountLink = (ctx: PageContext, page: 'login' | 'register', back: string) =>
  `/${ctx.edition.code}/account/${page}?next=${encodeURIComponent(back)}`

function islandConfig(view: ChatRoomView): ChatIslandConfig {
  const { ctx, room, history } = view
  const path = chatPaths.room(ctx.edition.code, room.slug)
  return {
    room: {
      id: room.id,
      name: room.name,
      archived: room.archived,
      slowModeSeconds: room.slowModeSeconds,
    },
    socketPath: `/chat/rooms/${room.id}/socket`,
    historyPath: `/chat/rooms/${room.id}/messages`,
    locale: ctx.edition.locale,
    timeZone: ctx.edition.timeZone,
    dir: ctx.edition.direction,
    reactions: [...REACTIONS],
    maxLength: MAX_MESSAGE_LENGTH,
    messages: history.messages,
    olderBefore: history.olderBefore,
    online: view.online,
    login: accountLink(ctx, 'login', path),
    register: accountLink(ctx, 'register', path),
    strings: Object.fromEntries(
      CHAT_ISLAND_KEYS.map((key) => [key, ctx.t(key)]),
    ) as ChatIslandConfig['strings'],
  }
}

export function chatRoomPage(view: ChatRoomView): PageView {
  const { ctx, room, history, before } = view
  const { t, edition } = ctx
  const path = chatPaths.room(edition.code, room.slug)
  const live = before === undefined && !room.archived && view.script !== undefined
  const [signInBefore, signInMiddle, signInAfter] =
    t('chat.room.signIn').split(/\{login\}|\{register\}/)
  return {
    ctx,
    title: `${t('chat.room.title', { room: room.name })} · ${ctx.siteName}`,
    description: room.description || undefined,
    canonical: before === undefined ? path : `${path}?before=${before}`,
    main: (
      <>
        <header class="list-header chat-header">
          <a class="kicker" href={chatPaths.list(edition.code)}>
            {t('chat.room.all')}
          </a>
          <h1>{room.name}</h1>
          {room.description && <p class="list-header__description">{room.description}</p>}
        </header>
        {room.archived && (
          <p class="chat__notice chat__notice--strong">{t('chat.room.archived')}</p>
        )}
        <section
          class="chat-room"
          aria-label={room.name}
          data-chat-island={live ? JSON.stringify(islandConfig(view)) : undefined}
        >
          <div class="chat-status">
            <p class="chat-online">{onlineText(ctx, view.online)}</p>
          </div>
          <div class="chat-log chat-log--static" role="log" aria-label={t('chat.room.messages')}>
            {history.olderBefore !== null && (
              <p class="chat-log__top">
                <a href={`${path}?before=${history.olderBefore}`} rel="prev">
                  {t('chat.room.older')}
                </a>
              </p>
            )}
            {history.messages.length === 0 ? (
              <p class="chat-log__empty">{t('chat.room.empty')}</p>
            ) : (
              <ol class="chat-log__list">
                {history.messages.map((message) => (
                  <ChatMessage ctx={ctx} message={message} />
                ))}
              </ol>
            )}
            {before !== undefined && (
              <p class="chat-log__latest">
                <a href={path}>{t('chat.room.latest')}</a>
              </p>
            )}
          </div>
          {!room.archived && (
            <p class="chat-signin">
              {signInBefore}
              <a href={accountLink(ctx, 'login', path)}>{t('chat.room.login')}</a>
              {signInMiddle}
              <a href={accountLink(ctx, 'register', path)}>{t('chat.room.register')}</a>
              {signInAfter}
            </p>
          )}
          {live && (
            <noscript>
              <p class="chat__notice">{t('chat.room.noscript')}</p>
            </noscript>
          )}
        </section>
        {live && <script type="module" src={view.script} />}
      </>
    ),
  }
}
