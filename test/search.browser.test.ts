// The search box in Chromium: headlines suggested as the reader types, and picking one opens it.
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { browserAvailable, launchBrowser } from './browser.ts'
import { newArticle, newsroom } from './factories.ts'
import { testApp } from './setup.ts'

describe.skipIf(!browserAvailable)('the search box in Chromium', () => {
  let t: Awaited<ReturnType<typeof testApp>>
  let base: string
  let browser: Browser

  beforeAll(async () => {
    t = await testApp('sqlite')
    const room = await newsroom(t.services)
    await newArticle(t.services, room, { headline: 'Ministers meet in Geneva', slug: 'ministers' })
    await newArticle(t.services, room, { headline: 'Harvest festival opens', slug: 'harvest' })
    base = await t.app.listen({ port: 0, host: '127.0.0.1' })
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await t.close()
  })

  it('suggests headlines as the reader types and opens the one picked', async () => {
    const page = await browser.newPage()
    await page.goto(`${base}/en`)
    const box = page.getByLabel('Search the site')
    await box.fill('minis')
    const options = page.locator('#site-search-suggestions option')
    await expect
      .poll(() => options.evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value)))
      .toEqual(['Ministers meet in Geneva'])
    await box.fill('Ministers meet in Geneva')
    await page.waitForURL(/\/en\/world\/20260214\/ministers-\d+$/)
    // Without picking, the form leads to the results page.
    await page.goto(`${base}/en`)
    await page.getByLabel('Search the site').fill('harvest')
    await page.getByLabel('Search the site').press('Enter')
    await page.waitForURL(/\/en\/search\?q=harvest$/)
    expect(await page.locator('.search-result__headline').first().textContent()).toContain(
      'Harvest festival opens',
    )
  })
})
