// Every UI string comes from the edition's catalogue; no page shows another language's words.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { en } from '../src/site/i18n/en.ts'
import { catalogues } from '../src/site/i18n/messages.ts'
import { newArticle, newsroom } from './factories.ts'
import { testApp } from './setup.ts'

describe('UI catalogues', () => {
  it.each(Object.keys(catalogues))('%s has every key, none empty, same placeholders', (locale) => {
    const catalogue = catalogues[locale]!
    expect(Object.keys(catalogue).sort()).toEqual(Object.keys(en).sort())
    for (const [key, text] of Object.entries(catalogue)) {
      expect(text.trim(), `${locale}:${key}`).not.toBe('')
      const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort()
      expect(placeholders(text), `${locale}:${key}`).toEqual(
        placeholders(en[key as keyof typeof en]),
      )
    }
  })
})

/** The words in a JSON-LD object: its string values, leaving out its names, types and addresses. */
function ldTexts(value: unknown): string[] {
  if (typeof value === 'string') return /^https?:/.test(value) ? [] : [value]
  if (Array.isArray(value)) return value.flatMap(ldTexts)
  if (value === null || typeof value !== 'object') return []
  return Object.entries(value).flatMap(([key, v]) =>
    key.startsWith('@') || key === 'query-input' ? [] : ldTexts(v),
  )
}

describe('pages speak only their edition language', () => {
  let t: Awaited<ReturnType<typeof testApp>>
  const pages: Record<string, string[]> = { en: [], ru: [] }

  beforeAll(async () => {
    t = await testApp('sqlite')
    const room = await newsroom(t.services)
    for (const ru of [false, true]) {
      const code = ru ? 'ru' : 'en'
      const ids: number[] = []
      for (let i = 0; i < 22; i++)
        ids.push(
          await newArticle(t.services, room, {
            ru,
            slug: `s-${i}`,
            at: new Date(Date.UTC(2026, 1, 14, 0, i)),
          }),
        )
      const gone = await newArticle(t.services, room, { ru, slug: 'gone' })
      await t.services.articles.unpublish(gone)
      const tag = ru ? 'diplomatiya' : 'diplomacy'
      const author = ru ? 'anna-volkova' : 'jane-doe'
      pages[code] = [
        `/${code}`,
        `/${code}/world`,
        `/${code}/newsfeed`,
        `/${code}/world?page=2`,
        `/${code}/tags/${tag}`,
        `/${code}/authors/${author}`,
        `/${code}/world/20260214/s-3-${ids[3]}`,
        `/${code}/world/20260214/gone-${gone}`,
        `/${code}/nowhere`,
        `/${code}/world?page=abc`,
      ]
    }
  })
  afterAll(() => t.close())

  // Words of one catalogue that the other does not share, long enough not to match by chance.
  const foreign = (own: string, other: string) => {
    const mine = new Set(Object.values(catalogues[own]!))
    return Object.values(catalogues[other]!)
      .map((text) => text.replace(/\{\w+\}.*$/, '').trim())
      .filter((text) => text.length >= 6 && !mine.has(text))
  }

  it.each(['en', 'ru'])('%s pages contain no UI string of the other edition', async (code) => {
    const other = code === 'en' ? 'ru' : 'en'
    for (const url of pages[code]!) {
      const res = await t.app.inject({ url })
      expect([200, 400, 404, 410], url).toContain(res.statusCode)
      // Leave out the edition switcher and hreflang links, which name other editions on purpose.
      // The comments island's words are checked by their values, not their JSON key names.
      const island = /data-strings="([^"]*)"/.exec(res.body)?.[1]
      const islandWords = island
        ? Object.values(JSON.parse(island.replaceAll('&quot;', '"').replaceAll('&amp;', '&'))).join(
            '\n',
          )
        : ''
      const html = `${res.body
        .replace(/data-strings="[^"]*"/, '')
        // JSON-LD's names (SearchAction, NewsArticle) are schema.org's vocabulary; its texts are checked.
        .replace(/<script type="application\/ld\+json">(.*?)<\/script>/gs, (_, json: string) =>
          ldTexts(JSON.parse(json)).join('\n'),
        )
        // Addresses are not words on the page: /ru/account/register is a path.
        .replace(/href="[^"]*"/g, '')
        .replace(/<nav class="edition-switcher".*?<\/nav>/s, '')
        .replace(/<footer class="site-footer".*?<\/footer>/s, '')}\n${islandWords}`
      for (const text of foreign(code, other))
        expect(html, `${url} shows "${text}"`).not.toContain(text)
      if (code === 'en') expect(html, url).not.toMatch(/[а-яё]{4,}/i)
    }
  })
})
