// The island's one connection to the room: the state, and every action a reader or a moderator
// takes, sent as protocol frames. A message posted resolves once the server takes or refuses it.
import { useCallback, useEffect, useReducer, useRef, useState } from 'preact/hooks'
import type { ChatHistoryPage } from '../../src/chat/chat.types.ts'
import type { ChatIslandConfig } from '../../src/chat/pages/island-config.ts'
import type { ClientFrame, ServerFrame } from '../../src/chat/protocol.ts'
import { type ChatState, chatReducer } from './chat-state.ts'
import { lastId } from './messages.ts'
import { openRoomSocket, type RoomSocket } from './socket.ts'

const PAGE = 50
/** Taken; refused, the server's error saying why; or no answer, the connection down or silent. */
export type PostOutcome = 'sent' | 'refused' | 'failed'
const ACK_WITHIN_MS = 10_000

const initialState = (config: ChatIslandConfig): ChatState => ({
  room: { ...config.room },
  messages: config.messages,
  olderBefore: config.olderBefore,
  me: null,
  online: config.online,
  connection: 'connecting',
  error: null,
})

export function useChat(config: ChatIslandConfig) {
  const [state, dispatch] = useReducer(chatReducer, config, initialState)
  const [olderState, setOlderState] = useState<'idle' | 'loading' | 'failed'>('idle')
  /** The reader's own reactions ("messageId emoji"), so a second click takes one back. */
  const [mine, setMine] = useState<ReadonlySet<string>>(new Set())
  const messages = useRef(state.messages)
  messages.current = state.messages
  const socket = useRef<RoomSocket>()
  const waiting = useRef(new Map<string, (outcome: PostOutcome) => void>())

  const history = useCallback(
    async (before?: number): Promise<ChatHistoryPage> => {
      const query = new URLSearchParams({ limit: String(PAGE) })
      if (before) query.set('before', String(before))
      const response = await fetch(`${config.historyPath}?${query}`)
      if (!response.ok) throw new Error(`history: ${response.status}`)
      return (await response.json()) as ChatHistoryPage
    },
    [config.historyPath],
  )

  useEffect(() => {
    const settle = (nonce: string, outcome: PostOutcome) => {
      waiting.current.get(nonce)?.(outcome)
      waiting.current.delete(nonce)
    }
    const onFrame = (frame: ServerFrame) => {
      if (frame.type === 'reset')
        history().then(
          (page) => dispatch({ type: 'latest', ...page }),
          () => undefined,
        )
      if (frame.type === 'hello') setMine(new Set(frame.myReactions))
      if (frame.type === 'ack') settle(frame.nonce, 'sent')
      if (frame.type === 'error' && frame.nonce) settle(frame.nonce, 'refused')
      dispatch({ type: 'frame', frame })
    }
    const opened = openRoomSocket({
      path: config.socketPath,
      after: () => lastId(messages.current),
      onFrame,
      onDown: (banned) => {
        for (const nonce of [...waiting.current.keys()]) settle(nonce, 'failed')
        dispatch({ type: 'connection', connection: banned ? 'banned' : 'reconnecting' })
      },
    })
    socket.current = opened
    return () => opened.close()
  }, [config.socketPath, history])

  const send = useCallback((frame: ClientFrame) => socket.current?.send(frame) ?? false, [])

  const post = useCallback(
    (text: string, replyTo?: number): Promise<PostOutcome> => {
      dispatch({ type: 'clearError' })
      const nonce = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`
      if (!send({ type: 'send', nonce, text, ...(replyTo && { replyTo }) }))
        return Promise.resolve('failed')
      return new Promise((resolve) => {
        waiting.current.set(nonce, resolve)
        // No answer at all (a frame refused unread): the reader may try again.
        setTimeout(() => {
          if (waiting.current.delete(nonce)) resolve('failed')
        }, ACK_WITHIN_MS)
      })
    },
    [send],
  )

  const toggleReaction = useCallback(
    (messageId: number, emoji: string) => {
      const key = `${messageId} ${emoji}`
      const taken = mine.has(key)
      if (!send({ type: taken ? 'unreact' : 'react', messageId, emoji })) return
      const next = new Set(mine)
      if (taken) next.delete(key)
      else next.add(key)
      setMine(next)
    },
    [mine, send],
  )

  const loadOlder = useCallback(async () => {
    if (state.olderBefore === null || olderState === 'loading') return
    setOlderState('loading')
    try {
      const page = await history(state.olderBefore)
      dispatch({ type: 'older', ...page })
      setOlderState('idle')
    } catch {
      setOlderState('failed')
    }
  }, [history, state.olderBefore, olderState])

  return {
    state,
    olderState,
    reacted: (messageId: number, emoji: string) => mine.has(`${messageId} ${emoji}`),
    post,
    toggleReaction,
    loadOlder,
    remove: (messageId: number) => send({ type: 'delete', messageId }),
    mute: (readerId: number, minutes: number, reason: string) =>
      send({ type: 'mute', readerId, minutes, reason }),
    ban: (readerId: number, reason: string) => send({ type: 'ban', readerId, reason }),
    slowMode: (seconds: number) => send({ type: 'slowMode', seconds }),
    clearError: () => dispatch({ type: 'clearError' }),
  }
}

export type Chat = ReturnType<typeof useChat>
