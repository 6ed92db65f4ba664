// The WebSocket server's options: frames over 8 KiB refused as they arrive (never buffered) and
// closed with 1008, policy violation, as the protocol says; ws itself would say 1009.
import type { WebsocketPluginOptions } from '@fastify/websocket'
import { WebSocket } from 'ws'
import { CLOSE, MAX_FRAME_BYTES } from './protocol.ts'

const MESSAGE_TOO_BIG = 1009

/** The WebSocket class option, typed by the plugin as the whole ws module. */
type SocketClass = NonNullable<NonNullable<WebsocketPluginOptions['options']>['WebSocket']>

class ChatWebSocket extends WebSocket {
  override close(code?: number, data?: string | Buffer): void {
    super.close(code === MESSAGE_TOO_BIG ? CLOSE.policy : code, data)
  }
}

export const websocketOptions: WebsocketPluginOptions = {
  options: { maxPayload: MAX_FRAME_BYTES, WebSocket: ChatWebSocket as unknown as SocketClass },
  // A client that goes away mid-frame is ordinary: ws closes the socket itself.
  errorHandler(error, socket, request) {
    request.log.debug({ err: error }, 'chat socket error')
    if (socket.readyState === socket.OPEN) socket.close(1011, 'server error')
  },
}
