// The room's messages as the island keeps them: one per id, sorted by id, whatever order and
// however many times they arrive (a resumed connection may repeat what a page already showed).
import type { ChatMessageJson } from '../../src/chat/chat.types.ts'

export type Message = ChatMessageJson

/** `list` with `incoming` merged in: sorted by id, a repeated id replaced by its newer copy. */
export function mergeMessages(list: readonly Message[], incoming: readonly Message[]): Message[] {
  if (incoming.length === 0) return list as Message[]
  const last = list[list.length - 1]
  // The common case: one new message after the last one.
  if (incoming.length === 1 && (!last || incoming[0]!.id > last.id)) return [...list, incoming[0]!]
  const byId = new Map(list.map((m) => [m.id, m]))
  for (const message of incoming) byId.set(message.id, message)
  return [...byId.values()].sort((a, b) => a.id - b.id)
}

/** Without the deleted message; replies quoting it say it is gone. */
export function removeMessage(list: readonly Message[], id: number): Message[] {
  return list
    .filter((m) => m.id !== id)
    .map((m) => (m.replyTo?.id === id ? { ...m, replyTo: { ...m.replyTo, deleted: true } } : m))
}

export function setReactions(
  list: readonly Message[],
  id: number,
  reactions: Record<string, number>,
): Message[] {
  return list.map((m) => (m.id === id ? { ...m, reactions } : m))
}

/** The id to resume after: the newest message the island has. */
export const lastId = (list: readonly Message[]): number | undefined => list[list.length - 1]?.id
