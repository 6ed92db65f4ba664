// A real SMTP server on loopback for tests: it takes every message and keeps it, parsed.
import type { AddressInfo } from 'node:net'
import { type ParsedMail, simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'

export interface SmtpSink {
  /** smtp://127.0.0.1:<port> */
  url: string
  port: number
  messages: ParsedMail[]
  /** The user names mailers signed in with. */
  logins: string[]
  /** Resolves once `n` messages have arrived; rejects after `timeoutMs`. */
  waitFor(n: number, timeoutMs?: number): Promise<ParsedMail[]>
  close(): Promise<void>
}

/** Listens on a free port, or on `port` to come back where a closed sink was. */
export async function startSmtpSink(options: { port?: number } = {}): Promise<SmtpSink> {
  const messages: ParsedMail[] = []
  const logins: string[] = []
  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    // Closing drops open connections soon, as an outage would, instead of waiting 30 s for them.
    closeTimeout: 50,
    onAuth(auth, _session, callback) {
      logins.push(auth.username ?? '')
      callback(null, { user: auth.username })
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          messages.push(mail)
          callback()
        })
        .catch(callback)
    },
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const { port } = server.server.address() as AddressInfo

  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages,
    logins,
    async waitFor(n, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs
      while (messages.length < n) {
        if (Date.now() > deadline)
          throw new Error(`expected ${n} messages in ${timeoutMs} ms, got ${messages.length}`)
        await new Promise((resolve) => setTimeout(resolve, 10))
      }
      return messages
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
