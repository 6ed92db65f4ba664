// The small forms under a message: confirm a deletion, mute its author for a while, ban them.
import type { ComponentChildren } from 'preact'
import { useEffect, useRef, useState } from 'preact/hooks'
import { useIsland } from './island-context.ts'

const MUTE_MINUTES = [10, 60, 24 * 60, 7 * 24 * 60]

/** A form that takes focus when it opens; Escape cancels it. */
function Panel(props: {
  label: string
  submit: string
  onSubmit: () => void
  onCancel: () => void
  children?: ComponentChildren
}) {
  const { t } = useIsland()
  const form = useRef<HTMLFormElement>(null)
  useEffect(() => {
    form.current?.querySelector<HTMLElement>('select, input, button')?.focus()
  }, [])
  return (
    <form
      ref={form}
      class="chat-panel"
      aria-label={props.label}
      onSubmit={(event) => {
        event.preventDefault()
        props.onSubmit()
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') props.onCancel()
      }}
    >
      <p class="chat-panel__title">{props.label}</p>
      {props.children}
      <div class="chat-panel__buttons">
        <button type="submit" class="chat-button chat-button--danger">
          {props.submit}
        </button>
        <button type="button" class="chat-button" onClick={props.onCancel}>
          {t('chat.island.cancel')}
        </button>
      </div>
    </form>
  )
}

export function DeletePanel(props: { onDelete: () => void; onCancel: () => void }) {
  const { t } = useIsland()
  return (
    <Panel
      label={t('chat.island.deleteConfirm')}
      submit={t('chat.island.delete')}
      onSubmit={props.onDelete}
      onCancel={props.onCancel}
    />
  )
}

export function MutePanel(props: {
  id: number
  name: string
  onMute: (minutes: number, reason: string) => void
  onCancel: () => void
}) {
  const { t, time } = useIsland()
  const [minutes, setMinutes] = useState(MUTE_MINUTES[1]!)
  const [reason, setReason] = useState('')
  return (
    <Panel
      label={t('chat.island.muteTitle', { name: props.name })}
      submit={t('chat.island.mute')}
      onSubmit={() => props.onMute(minutes, reason.trim())}
      onCancel={props.onCancel}
    >
      <label class="chat-field">
        <span>{t('chat.island.muteFor')}</span>
        <select
          value={String(minutes)}
          onChange={(event) => setMinutes(Number(event.currentTarget.value))}
        >
          {MUTE_MINUTES.map((m) => (
            <option value={String(m)}>{time.duration(m * 60)}</option>
          ))}
        </select>
      </label>
      <ReasonField id={`chat-mute-${props.id}`} value={reason} onInput={setReason} />
    </Panel>
  )
}

export function BanPanel(props: {
  id: number
  name: string
  onBan: (reason: string) => void
  onCancel: () => void
}) {
  const { t } = useIsland()
  const [reason, setReason] = useState('')
  return (
    <Panel
      label={t('chat.island.banTitle', { name: props.name })}
      submit={t('chat.island.ban')}
      onSubmit={() => props.onBan(reason.trim())}
      onCancel={props.onCancel}
    >
      <ReasonField id={`chat-ban-${props.id}`} value={reason} onInput={setReason} />
    </Panel>
  )
}

function ReasonField(props: { id: string; value: string; onInput: (value: string) => void }) {
  const { t } = useIsland()
  return (
    <label class="chat-field">
      <span>{t('chat.island.reason')}</span>
      <input
        type="text"
        maxLength={500}
        value={props.value}
        onInput={(event) => props.onInput(event.currentTarget.value)}
      />
    </label>
  )
}
