// A reader at the end of a story reads on: the next story of the section is appended, and the
// address and title follow the story being read; without JavaScript the link leads there.
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { nextStoryRoutes } from '../src/site/next-story.routes.tsx'
import { createViews } from '../src/site/views.ts'
import { browserAvailable, launchBrowser } from './browser.ts'
import { doc, newArticle, newsroom, paragraph } from './factories.ts'
import { testApp } from './setup.ts'

describe.skipIf(!browserAvailable)('reading on in Chromium', () => {
  let t: Awaited<ReturnType<typeof testApp>>
  let base: string
  let browser: Browser
  const ids: Record<'oldest' | 'middle' | 'newest', number> = { oldest: 0, middle: 0, newest: 0 }
  const urlOf = (id: number) => `/en/world/20260214/story-${id}`
  const appended = (page: Page) => page.locator('.page__main > .article')

  beforeAll(async () => {
    t = await testApp('sqlite')
    if (!t.app.hasRoute({ method: 'GET', url: '/:edition/stories/:id/next' }))
      await nextStoryRoutes(t.app, {
        reading: t.services.reading,
        catalogue: t.services.catalogue,
        urls: t.services.urls,
        clock: t.clock,
        views: createViews(),
        siteName: t.config.siteName,
        publicUrl: t.config.publicUrl,
      })
    const room = await newsroom(t.services)
    // Long enough that a story fills several screens.
    const body = doc(
      ...Array.from({ length: 40 }, (_, i) => paragraph(`Paragraph ${i}. ${'Words. '.repeat(30)}`)),
    )
    for (const [key, hour] of [
      ['oldest', 7],
      ['middle', 8],
      ['newest', 9],
    ] as const)
      ids[key] = await newArticle(t.services, room, {
        headline: `The ${key} story`,
        slug: 'story',
        body,
        at: new Date(Date.UTC(2026, 1, 14, hour)),
      })
    base = await t.app.listen({ port: 0, host: '127.0.0.1' })
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await t?.close()
  })

  it('appends the next story at the end of one; the address and title follow the story read', async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 800 } })
    await page.goto(base + urlOf(ids.newest))
    expect(await appended(page).count()).toBe(1)
    const beacon = page.waitForRequest(
      (r) => r.method() === 'POST' && r.url() === `${base}/en/stories/${ids.middle}/view`,
    )

    await page.locator('.next-story').scrollIntoViewIfNeeded()
    await expect.poll(() => appended(page).count(), { timeout: 5000 }).toBe(2)
    await expect
      .poll(() => appended(page).nth(1).locator('h1').textContent())
      .toBe('The middle story')
    // Its own way on follows it, one level deeper.
    expect(await page.locator('.next-story').getAttribute('data-depth')).toBe('2')

    await appended(page)
      .nth(1)
      .evaluate((story) => story.scrollIntoView({ block: 'center' }))
    await expect.poll(() => page.url()).toBe(base + urlOf(ids.middle))
    await expect.poll(() => page.title()).toBe('The middle story · Dateline')
    await beacon

    await page.evaluate(() => window.scrollTo(0, 0))
    await expect.poll(() => page.url()).toBe(base + urlOf(ids.newest))
    await expect.poll(() => page.title()).toBe('The newest story · Dateline')
    await page.close()
  })

  it('leaves the link to follow when the next story cannot be fetched', async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 800 } })
    await page.route('**/stories/*/next?*', (route) => route.abort())
    await page.goto(base + urlOf(ids.newest))
    const failed = page.waitForEvent('requestfailed', (r) => r.url().includes('/next?depth=1'))
    await page.locator('.next-story').scrollIntoViewIfNeeded()
    await failed
    const link = page.locator('.next-story a[rel="next"]')
    await expect.poll(() => link.isVisible()).toBe(true)
    expect(await page.locator('.next-story').getAttribute('aria-busy')).toBeNull()
    expect(await page.locator('.next-story__loader').count()).toBe(0)
    expect(await appended(page).count()).toBe(1)
    await link.click()
    await expect.poll(() => page.url()).toBe(base + urlOf(ids.middle))
    await page.close()
  })

  it('offers a plain link to the next story without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(base + urlOf(ids.middle))
    await page.locator('.next-story a[rel="next"]').click()
    await expect.poll(() => page.url()).toBe(base + urlOf(ids.oldest))
    expect(await page.locator('.next-story').count()).toBe(0)
    await context.close()
  })
})
