// The newsletter mails, from our own templates in the edition's language: the digest and the
// breaking alert (responsive HTML made of tables and inline styles, at most 600 px wide, with a
// plain-text part), and the mail that confirms a subscription.
import type { ComponentChildren } from 'preact'
import { renderToString } from 'preact-render-to-string'
import type { Edition } from '../content/content.types.ts'
import { type Translate, translator } from '../site/i18n/messages.ts'
import type { NewsletterList } from './newsletter.table.ts'
import type { IssueContent, IssueStory } from './newsletter.types.ts'

export interface RenderedMail {
  subject: string
  text: string
  html: string
}

const FONT = 'Helvetica,Arial,sans-serif'
const SERIF = 'Georgia,"Times New Roman",serif'
const INK = '#111111'
const MUTED = '#666666'
const ACCENT = '#b3001b'

export const listName = (t: Translate, list: NewsletterList) =>
  t(list === 'digest' ? 'subscribe.list.digest' : 'subscribe.list.breaking')

/** "“Daily digest” and “Breaking news alerts”", quoted as the language quotes. */
export const listNames = (t: Translate, lists: readonly NewsletterList[]) =>
  lists.map((list) => t('newsletter.quoted', { name: listName(t, list) })).join(t('newsletter.and'))

function Frame(props: {
  edition: Edition
  title: string
  siteName: string
  siteUrl: string
  preheader: string
  children: ComponentChildren
}) {
  const { edition } = props
  return (
    <html lang={edition.locale} dir={edition.direction}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <title>{props.title}</title>
      </head>
      <body style="margin:0;padding:0;background-color:#f2f2ee">
        {/* The line mail apps show beside the subject, kept out of the layout. */}
        <div style="display:none;max-height:0;overflow:hidden;mso-hide:all">{props.preheader}</div>
        <table
          role="presentation"
          width="100%"
          cellPadding="0"
          cellSpacing="0"
          style="background-color:#f2f2ee"
        >
          <tr>
            <td align="center" style="padding:16px 8px">
              <table
                role="presentation"
                width="100%"
                cellPadding="0"
                cellSpacing="0"
                style="max-width:600px;background-color:#ffffff"
              >
                <tr>
                  <td style={`padding:20px 24px;border-bottom:3px solid ${INK}`}>
                    <a
                      href={props.siteUrl}
                      style={`font:bold 26px/1.2 ${SERIF};color:${INK};text-decoration:none`}
                    >
                      {props.siteName}
                    </a>
                  </td>
                </tr>
                {props.children}
              </table>
            </td>
          </tr>
        </table>
      </body>
    </html>
  )
}

function Story(props: { t: Translate; story: IssueStory; lead: boolean }) {
  const { t, story } = props
  const size = props.lead ? 24 : 20
  return (
    <tr>
      <td style="padding:0 24px 28px">
        {story.image && (
          <a href={story.url}>
            <img
              src={story.image.src}
              alt={story.image.alt}
              width={552}
              style="display:block;width:100%;max-width:552px;height:auto;border:0;margin:0 0 12px"
            />
          </a>
        )}
        {story.breaking && (
          <p
            style={`margin:0 0 6px;font:bold 12px/1.4 ${FONT};color:${ACCENT};text-transform:uppercase;letter-spacing:1px`}
          >
            {t('newsletter.breaking.label')}
          </p>
        )}
        <h2 style={`margin:0 0 8px;font:bold ${size}px/1.3 ${SERIF};color:${INK}`}>
          <a href={story.url} style={`color:${INK};text-decoration:none`}>
            {story.headline}
          </a>
        </h2>
        {story.dek && (
          <p style={`margin:0 0 10px;font:16px/1.5 ${FONT};color:#333333`}>{story.dek}</p>
        )}
        <a href={story.url} style={`font:bold 14px/1.4 ${FONT};color:${ACCENT}`}>
          {t('newsletter.read')}
        </a>
      </td>
    </tr>
  )
}

function Footer(props: { t: Translate; text: string; unsubscribeUrl: string }) {
  return (
    <tr>
      <td
        style={`padding:16px 24px 24px;border-top:1px solid #dddddd;font:12px/1.6 ${FONT};color:${MUTED}`}
      >
        {props.text}{' '}
        <a href={props.unsubscribeUrl} style={`color:${MUTED};text-decoration:underline`}>
          {props.t('newsletter.unsubscribe')}
        </a>
      </td>
    </tr>
  )
}

const document = (body: string) => `<!doctype html>${body}`

/**
 * The digest or the alert with `unsubscribeUrl` left as written: the sender renders it once per
 * batch with a marker there and puts each subscriber's own link in its place.
 */
export function issueMail(props: {
  edition: Edition
  list: NewsletterList
  content: IssueContent
  siteName: string
  siteUrl: string
  unsubscribeUrl: string
}): RenderedMail {
  const { edition, list, content, siteName, unsubscribeUrl } = props
  const t = translator(edition.locale)
  const footer = t('newsletter.footer', { list: listNames(t, [list]), site: siteName })
  const heading =
    list === 'digest'
      ? `${t('newsletter.digest.heading')} · ${content.day}`
      : t('newsletter.breaking.label')
  const first = content.stories[0]
  const html = renderToString(
    <Frame
      edition={edition}
      title={content.subject}
      siteName={siteName}
      siteUrl={props.siteUrl}
      preheader={first?.dek || first?.headline || ''}
    >
      <tr>
        <td
          style={`padding:16px 24px 12px;font:bold 13px/1.4 ${FONT};color:${MUTED};text-transform:uppercase;letter-spacing:1px`}
        >
          {heading}
        </td>
      </tr>
      {content.stories.map((story, index) => (
        <Story t={t} story={story} lead={index === 0} />
      ))}
      <Footer t={t} text={footer} unsubscribeUrl={unsubscribeUrl} />
    </Frame>,
  )
  const text = [
    `${siteName}: ${heading}`,
    '',
    ...content.stories.flatMap((story) => [
      story.breaking && list === 'digest'
        ? `${t('newsletter.breaking.label')}: ${story.headline}`
        : story.headline,
      ...(story.dek ? [story.dek] : []),
      story.url,
      '',
    ]),
    '--',
    footer,
    `${t('newsletter.unsubscribe')}: ${unsubscribeUrl}`,
    '',
  ].join('\n')
  return { subject: content.subject, text, html: document(html) }
}

/** The mail with the link that confirms a subscription to `lists`. */
export function confirmMail(props: {
  edition: Edition
  lists: readonly NewsletterList[]
  link: string
  siteName: string
  siteUrl: string
}): RenderedMail {
  const { edition, siteName, link } = props
  const t = translator(edition.locale)
  const subject = t('newsletter.confirm.subject', { site: siteName })
  const intro = t('newsletter.confirm.text', { lists: listNames(t, props.lists), site: siteName })
  const action = t('newsletter.confirm.action')
  const html = renderToString(
    <Frame
      edition={edition}
      title={subject}
      siteName={siteName}
      siteUrl={props.siteUrl}
      preheader={action}
    >
      <tr>
        <td style={`padding:20px 24px;font:16px/1.5 ${FONT};color:#333333`}>
          <p style="margin:0 0 20px">{intro}</p>
          <a
            href={link}
            style={`display:inline-block;padding:12px 20px;background-color:${ACCENT};color:#ffffff;font:bold 16px/1.2 ${FONT};text-decoration:none;border-radius:4px`}
          >
            {action}
          </a>
          <p style={`margin:20px 0 0;font:12px/1.5 ${FONT};color:${MUTED}`}>
            {t('newsletter.confirm.ignore')}
          </p>
        </td>
      </tr>
    </Frame>,
  )
  const text = [intro, '', `${action}: ${link}`, '', t('newsletter.confirm.ignore'), ''].join('\n')
  return { subject, text, html: document(html) }
}
