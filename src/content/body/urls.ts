// URL rules for links and embeds, shared by validation and rendering so both agree on what is safe.

/** Literal scheme prefix: the browser parses exactly this scheme, whatever follows. */
const LINK_SCHEME = /^(?:https?:\/\/|mailto:)/i
const HTTP_SCHEME = /^https?:\/\//i

/** Cheap enough for every render: no parsing, only the scheme prefix. */
export function hasLinkScheme(href: string): boolean {
  return LINK_SCHEME.test(href)
}

export function hasHttpScheme(url: string): boolean {
  return HTTP_SCHEME.test(url)
}

/** An absolute http:, https: or mailto: URL that the WHATWG parser accepts. */
export function isLinkHref(href: string): boolean {
  return LINK_SCHEME.test(href) && URL.canParse(href)
}

/** An absolute http: or https: URL that the WHATWG parser accepts. */
export function isHttpUrl(url: string): boolean {
  return HTTP_SCHEME.test(url) && URL.canParse(url)
}
