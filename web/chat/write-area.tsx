// Below the log: the composer for a reader who may write, otherwise why not (in their language),
// and the slow-mode switch for moderators.
import { useEffect, useState } from 'preact/hooks'
import { Composer } from './composer.tsx'
import { useIsland } from './island-context.ts'
import type { Message } from './messages.ts'
import { pieces } from './strings.ts'
import type { Chat } from './use-chat.ts'

const SLOW_MODE_SECONDS = [0, 5, 10, 30, 60, 300]

export function WriteArea(props: {
  chat: Chat
  replyTo: Message | null
  onCancelReply: () => void
}) {
  const { chat } = props
  const { t, time } = useIsland()
  const { me, room, connection, error } = chat.state
  const banned = connection === 'banned' || error?.code === 'banned'
  return (
    <div class="chat-write">
      {room.slowModeSeconds > 0 && !room.archived && (
        <p class="chat__notice">
          {t('chat.island.slowModeOn', { time: time.duration(room.slowModeSeconds) })}
        </p>
      )}
      {error && !banned && (
        <p class="chat__error" role="alert">
          {error.message}
        </p>
      )}
      {banned ? (
        <p class="chat__notice chat__notice--strong">{t('chat.island.banned')}</p>
      ) : room.archived ? null : connection === 'connecting' ? (
        <p class="chat__notice">{t('chat.island.connecting')}</p>
      ) : me === null || me.reason === 'signed_out' ? (
        <SignIn />
      ) : me.canWrite ? (
        <Composer chat={chat} replyTo={props.replyTo} onCancelReply={props.onCancelReply} />
      ) : (
        <p class="chat__notice chat__notice--strong">
          {me.reason === 'not_approved'
            ? t('chat.island.notApproved')
            : me.mutedUntil
              ? t('chat.island.mutedUntil', { time: time.full(me.mutedUntil) })
              : t('chat.island.muted')}
        </p>
      )}
      {me?.moderator && !room.archived && connection === 'open' && <SlowModeForm chat={chat} />}
    </div>
  )
}

/** "Log in or register to write", the links coming back to this room. */
export function SignIn() {
  const { t, config } = useIsland()
  const links = { login: config.login, register: config.register }
  return (
    <p class="chat-signin">
      {pieces(t('chat.room.signIn')).map((piece) =>
        typeof piece === 'string' ? (
          piece
        ) : piece.name === 'login' || piece.name === 'register' ? (
          <a href={links[piece.name]}>{t(`chat.room.${piece.name}`)}</a>
        ) : null,
      )}
    </p>
  )
}

function SlowModeForm({ chat }: { chat: Chat }) {
  const { t, time } = useIsland()
  const current = chat.state.room.slowModeSeconds
  const [seconds, setSeconds] = useState(current)
  useEffect(() => setSeconds(current), [current])
  const choices = SLOW_MODE_SECONDS.includes(current)
    ? SLOW_MODE_SECONDS
    : [...SLOW_MODE_SECONDS, current].sort((a, b) => a - b)
  return (
    <form
      class="chat-moderation"
      aria-label={t('chat.island.moderation')}
      onSubmit={(event) => {
        event.preventDefault()
        chat.slowMode(seconds)
      }}
    >
      <label class="chat-field">
        <span>{t('chat.island.slowMode')}</span>
        <select
          value={String(seconds)}
          onChange={(event) => setSeconds(Number(event.currentTarget.value))}
        >
          {choices.map((s) => (
            <option value={String(s)}>
              {s === 0 ? t('chat.island.slowModeOff') : time.duration(s)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" class="chat-button" disabled={seconds === current}>
        {t('chat.island.slowModeSet')}
      </button>
    </form>
  )
}
