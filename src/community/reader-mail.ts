// The mail a reader's account sends: confirm the address, reset the password, "you have an
// account already". Plain text with a simple HTML part, in the edition's language.
import { translator } from '../site/i18n/messages.ts'
import type { Reader } from './reader.types.ts'

export interface ReaderMail {
  to: string
  subject: string
  text: string
  html: string
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

function mail(to: string, subject: string, lines: string[], link: { href: string; label: string }) {
  const text = [...lines, '', `${link.label}: ${link.href}`].join('\n')
  const html = [
    '<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5">',
    ...lines.map((line) => `<p>${escapeHtml(line)}</p>`),
    `<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></p>`,
    '</body></html>',
  ].join('')
  return { to, subject, text, html }
}

export function createReaderMails(siteName: string) {
  return {
    confirm(locale: string, reader: Reader, link: string): ReaderMail {
      const t = translator(locale)
      return mail(
        reader.email,
        t('mail.confirm.subject', { site: siteName }),
        [
          t('mail.greeting', { name: reader.displayName }),
          t('mail.confirm.text', { site: siteName }),
        ],
        { href: link, label: t('mail.confirm.action') },
      )
    },
    reset(locale: string, reader: Reader, link: string): ReaderMail {
      const t = translator(locale)
      return mail(
        reader.email,
        t('mail.reset.subject', { site: siteName }),
        [t('mail.greeting', { name: reader.displayName }), t('mail.reset.text')],
        { href: link, label: t('mail.reset.action') },
      )
    },
    known(locale: string, reader: Reader, accountUrl: string): ReaderMail {
      const t = translator(locale)
      return mail(
        reader.email,
        t('mail.known.subject', { site: siteName }),
        [
          t('mail.greeting', { name: reader.displayName }),
          t('mail.known.text', { site: siteName }),
        ],
        { href: `${accountUrl}/forgot`, label: t('mail.known.action') },
      )
    },
  }
}

export type ReaderMails = ReturnType<typeof createReaderMails>
