// What every part of the island reads: the page's config, its words and its time formats.
import { createContext } from 'preact'
import { useContext } from 'preact/hooks'
import type { ChatIslandConfig } from '../../src/chat/pages/island-config.ts'
import type { Translate } from './strings.ts'
import type { TimeFormat } from './time.ts'

export interface Island {
  config: ChatIslandConfig
  t: Translate
  time: TimeFormat
}

export const IslandContext = createContext<Island | null>(null)

export function useIsland(): Island {
  const island = useContext(IslandContext)
  if (!island) throw new Error('useIsland outside the chat island')
  return island
}
