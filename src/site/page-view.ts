// What a page hands to the document: its head fields and its main content.
import type { VNode } from 'preact'
import type { Edition } from '../content/content.types.ts'
import type { FeedScope } from '../discovery/feed-links.ts'
import type { JsonLd, MetaTag } from '../discovery/structured-data.ts'
import type { PageContext } from './page-context.ts'

export interface Alternate {
  edition: Edition
  href: string
}

export interface PageView {
  ctx: PageContext
  title: string
  description?: string
  /** Path of this page's canonical address; omitted on error pages. */
  canonical?: string
  /** The same page in other editions (hreflang); the switcher links other editions' homes otherwise. */
  alternates?: Alternate[]
  /** Path of the page for readers whose language no edition matches (hreflang x-default). */
  xDefault?: string
  /** Open Graph and Twitter card tags. */
  meta?: MetaTag[]
  /** schema.org objects, each written as a JSON-LD script. */
  jsonLd?: JsonLd[]
  /** The current section, highlighted in the navigation. */
  sectionId?: number
  /** Whose feeds the head announces: a section's, tag's or author's; the edition's when absent. */
  feed?: FeedScope
  /** A notice above the page, kept out of search engines: the newsroom's preview of a story. */
  preview?: string
  main: VNode
}
