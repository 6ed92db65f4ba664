// The chat island's root: who is here, the connection's state, the log, and the way to write.
import { useMemo, useState } from 'preact/hooks'
import type { ChatIslandConfig } from '../../src/chat/pages/island-config.ts'
import { IslandContext } from './island-context.ts'
import { MessageList } from './message-list.tsx'
import type { Message } from './messages.ts'
import { translator } from './strings.ts'
import { timeFormat } from './time.ts'
import { useChat } from './use-chat.ts'
import { WriteArea } from './write-area.tsx'

export function ChatApp({ config }: { config: ChatIslandConfig }) {
  const island = useMemo(
    () => ({
      config,
      t: translator(config.strings, config.locale),
      time: timeFormat(config.locale, config.timeZone),
    }),
    [config],
  )
  const { t } = island
  const chat = useChat(config)
  const [replyTo, setReplyTo] = useState<Message | null>(null)
  const { me, room, connection, online } = chat.state
  const canWrite = me?.canWrite === true && !room.archived && connection === 'open'

  return (
    <IslandContext.Provider value={island}>
      <div class="chat-island" dir={config.dir}>
        <div class="chat-status">
          <p class="chat-online">{t('chat.online', { n: online })}</p>
          <p class="chat-connection" role="status">
            {connection === 'reconnecting' ? t('chat.island.reconnecting') : ''}
          </p>
        </div>
        {room.archived && !config.room.archived && (
          <p class="chat__notice chat__notice--strong">{t('chat.room.archived')}</p>
        )}
        <MessageList chat={chat} canWrite={canWrite} onReply={setReplyTo} />
        <WriteArea
          chat={chat}
          replyTo={canWrite ? replyTo : null}
          onCancelReply={() => setReplyTo(null)}
        />
      </div>
    </IslandContext.Provider>
  )
}
