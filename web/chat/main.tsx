// Mounts the chat island on the room page, in place of the read-only messages the server rendered.
import { render } from 'preact'
import type { ChatIslandConfig } from '../../src/chat/pages/island-config.ts'
import { ChatApp } from './chat-app.tsx'

const root = document.querySelector<HTMLElement>('[data-chat-island]')
const json = root?.dataset.chatIsland
if (root && json) {
  const config = JSON.parse(json) as ChatIslandConfig
  root.replaceChildren()
  render(<ChatApp config={config} />, root)
}
