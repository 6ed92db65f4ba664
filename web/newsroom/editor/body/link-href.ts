// Which addresses the body accepts (the server's own rules) and a forgiving reading of typed ones.
import { isHttpUrl, isLinkHref } from '../../../../src/content/body/urls.ts'

export { isHttpUrl, isLinkHref }

const SCHEME = /^[a-z][a-z0-9+.-]*:(?!\d)/i
const EMAIL = /^[^\s@/:]+@[^\s@/:]+\.[^\s@/:]+$/
const HOST_FIRST = /^[^\s/?#.]+(?:\.[^\s/?#.]+)+(?:[/?#:]|$)/

/**
 * Reads what someone typed as a link: "example.com/a" means https, "desk@example.com" means
 * mailto. Answers null for anything else, including other schemes such as javascript:.
 */
export function readLinkHref(typed: string): string | null {
  const text = typed.trim()
  if (text === '') return null
  if (isLinkHref(text)) return text
  if (SCHEME.test(text)) return null
  if (EMAIL.test(text)) return isLinkHref(`mailto:${text}`) ? `mailto:${text}` : null
  const bare = text.replace(/^\/\//, '')
  return HOST_FIRST.test(bare) && isHttpUrl(`https://${bare}`) ? `https://${bare}` : null
}

/** Reads a typed embed address; only http(s) pages can be embedded. */
export function readEmbedUrl(typed: string): string | null {
  const href = readLinkHref(typed)
  return href && isHttpUrl(href) ? href : null
}
