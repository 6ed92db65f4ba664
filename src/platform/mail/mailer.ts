// Sends mail through the SMTP server of SMTP_URL, or keeps it in the file outbox when there is none.
import net from 'node:net'
import path from 'node:path'
import nodemailer from 'nodemailer'
import type SMTPPool from 'nodemailer/lib/smtp-pool/index.js'
import { type Clock, systemClock } from '../clock.ts'
import type { Mail, MailLog, OutboxMail, OutboxPage } from './mail.types.ts'
import { createOutbox } from './outbox.ts'

export interface Mailer {
  /** Whether an SMTP server is configured; without one, mail is kept in the outbox. */
  readonly configured: boolean
  /** Resolves once the SMTP server accepted the mail, or the outbox holds it. */
  send(mail: Mail): Promise<void>
  outbox: {
    list(page: { before?: string; limit: number }): Promise<OutboxPage>
    get(id: string): Promise<OutboxMail | null>
  }
  /** Closes the SMTP connections; mail being sent is finished first. */
  close(): void
}

/** A pooled transport whose every wait is bounded, so a silent server cannot hold a sender. */
function smtpOptions(smtpUrl: string): SMTPPool.Options & { maxRequeues: number } {
  const url = new URL(smtpUrl)
  const secure = url.protocol === 'smtps:'
  return {
    pool: true,
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    getSocket: connectWithoutDelay,
    ...(url.username && {
      auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) },
    }),
    maxConnections: 3,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 20_000,
    // A connection lost mid-send is tried once more on a fresh one (a pooled connection may have
    // gone stale), then the send fails and the mail queue retries later; nodemailer's default
    // requeues in memory without end.
    maxRequeues: 1,
  }
}

/**
 * A plain TCP connection with Nagle's algorithm off; nodemailer adds TLS on top when needed. With
 * it on, each SMTP command waits for the server's delayed acknowledgement of the previous one,
 * about 40 ms per mail. When this connection fails, nodemailer connects itself, and its own error
 * handling reports the failure.
 */
function connectWithoutDelay(
  options: SMTPPool.Options,
  callback: (error: null, socket: { connection: net.Socket } | false) => void,
) {
  const socket = net.connect({ host: options.host ?? 'localhost', port: options.port ?? 587 })
  socket.setNoDelay(true)
  const fallBack = () => {
    socket.destroy()
    callback(null, false)
  }
  socket.setTimeout(options.connectionTimeout ?? 15_000, fallBack)
  socket.once('error', fallBack)
  socket.once('connect', () => {
    socket.setTimeout(0)
    socket.off('error', fallBack)
    callback(null, { connection: socket })
  })
}

export function createMailer(deps: {
  smtpUrl: string | undefined
  from: string
  dataDir: string
  log: MailLog
  clock?: Clock
}): Mailer {
  const { smtpUrl, from, log } = deps
  const outbox = createOutbox({
    dir: path.join(deps.dataDir, 'outbox'),
    clock: deps.clock ?? systemClock,
  })

  if (!smtpUrl)
    return {
      configured: false,
      async send(mail) {
        const id = await outbox.keep({ ...mail, from })
        log.info(
          { mailId: id },
          `mail kept in the outbox (no SMTP_URL): ${mail.subject} to ${mail.to}`,
        )
      },
      outbox,
      close() {},
    }

  const transport = nodemailer.createTransport(smtpOptions(smtpUrl), { from })
  return {
    configured: true,
    async send(mail) {
      await transport.sendMail({
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        ...(mail.html !== undefined && { html: mail.html }),
        ...(mail.headers && { headers: mail.headers }),
      })
    },
    outbox,
    close: () => transport.close(),
  }
}
