// A reader's open page follows the edition live: new headlines, the breaking banner and its dismissal.
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { browserAvailable, launchBrowser } from './browser.ts'
import { newArticle, newsroom } from './factories.ts'
import { testApp } from './setup.ts'

describe.skipIf(!browserAvailable)('live page in Chromium', () => {
  let t: Awaited<ReturnType<typeof testApp>>
  let room: Awaited<ReturnType<typeof newsroom>>
  let base: string
  let browser: Browser

  beforeAll(async () => {
    t = await testApp('sqlite')
    room = await newsroom(t.services)
    await newArticle(t.services, room, { headline: 'Morning briefing', slug: 'briefing' })
    base = await t.app.listen({ port: 0, host: '127.0.0.1' })
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await t.close()
  })

  it('shows a new headline at the top of the newsfeed and a breaking banner, without a reload', async () => {
    const page = await browser.newPage()
    await page.goto(`${base}/en`)
    const first = page.locator('.newsfeed__item a').first()
    await expect.poll(() => first.textContent()).toBe('Morning briefing')
    // Let the stream connect before publishing.
    await page.waitForTimeout(300)

    const id = await newArticle(t.services, room, {
      headline: 'Parliament dissolved',
      slug: 'dissolved',
    })
    await expect.poll(() => first.textContent(), { timeout: 2000 }).toBe('Parliament dissolved')
    expect(await first.getAttribute('href')).toBe(`/en/world/20260214/dissolved-${id}`)

    await t.services.articles.update(id, { breaking: true })
    const banner = page.locator('.breaking-banner')
    await expect
      .poll(() => banner.textContent(), { timeout: 2000 })
      .toContain('Parliament dissolved')
    await page.locator('.breaking-banner__close').click()
    expect(await banner.count()).toBe(0)
    await page.reload()
    // Dismissed stays dismissed for this story; the server still renders it for others.
    await page.waitForTimeout(200)
    expect(await page.locator('.breaking-banner').count()).toBe(0)

    await t.services.articles.unpublish(id)
    await expect.poll(() => first.textContent(), { timeout: 2000 }).toBe('Morning briefing')
    await page.close()
  })
})
