// The masthead's "Subscribe" in Chromium: with JavaScript on, a dialog with the page's e-mail form
// that answers in place and gives the focus back when closed; with JavaScript off, the page itself.
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { browserAvailable, launchBrowser } from './browser.ts'
import { newsroom } from './factories.ts'
import { freePort } from './free-port.ts'
import { linkIn } from './reader-client.ts'
import { testApp } from './setup.ts'
import { type SmtpSink, startSmtpSink } from './smtp-sink.ts'

describe.skipIf(!browserAvailable)('subscribing in Chromium', () => {
  let sink: SmtpSink
  let t: Awaited<ReturnType<typeof testApp>>
  let base: string
  let browser: Browser

  beforeAll(async () => {
    sink = await startSmtpSink()
    const port = await freePort()
    base = `http://127.0.0.1:${port}`
    t = await testApp('sqlite', { PUBLIC_URL: base, SMTP_URL: sink.url })
    t.clock.set(new Date())
    await newsroom(t.services)
    await t.app.listen({ port, host: '127.0.0.1' })
    t.jobs.start()
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await t?.close()
    await sink?.close()
  })

  it('opens a dialog with the form, answers in it, and confirms through the mailed link', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    page.setDefaultTimeout(8000)
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(`${base}/en`)
    const button = page.getByRole('link', { name: 'Subscribe' })
    await button.click()
    const dialog = page.getByRole('dialog', { name: 'Subscribe' })
    await expect.poll(() => dialog.isVisible()).toBe(true)
    expect(page.url()).toBe(`${base}/en`)

    // A mistake is shown in the dialog, on the field.
    await dialog.getByLabel('E-mail address').fill('not an address')
    await dialog.getByRole('button', { name: 'Subscribe' }).click()
    await expect
      .poll(() => dialog.getByText('Enter an e-mail address such as name@example.com.').count())
      .toBe(1)
    await dialog.getByLabel('E-mail address').fill('hana@readers.example')
    await dialog.getByLabel('Breaking news alerts').uncheck()
    await dialog.getByRole('button', { name: 'Subscribe' }).click()
    await expect.poll(() => dialog.getByText('Check your inbox').count()).toBe(1)

    await page.keyboard.press('Escape')
    await expect.poll(() => dialog.isVisible()).toBe(false)
    expect(await button.evaluate((link) => link === document.activeElement)).toBe(true)

    await sink.waitFor(1, 8000)
    await page.goto(linkIn(sink, 'hana@readers.example'))
    expect(await page.locator('h1').textContent()).toBe('Subscription confirmed')
    const row = await t.database.db
      .selectFrom('newsletter_subscribers')
      .selectAll()
      .where('email', '=', 'hana@readers.example')
      .executeTakeFirstOrThrow()
    expect([row.status, Boolean(row.digest), Boolean(row.breaking)]).toEqual([
      'confirmed',
      true,
      false,
    ])
    expect(errors).toEqual([])
    await context.close()
  })

  it('opens the subscribe page itself without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    page.setDefaultTimeout(8000)
    await page.goto(`${base}/en`)
    await page.getByRole('link', { name: 'Subscribe' }).click()
    await page.waitForURL(`${base}/en/subscribe`)
    // The feeds are there for anyone.
    expect(await page.locator('.subscribe-feeds a').count()).toBeGreaterThan(2)
    await page.getByLabel('E-mail address').fill('ivo@readers.example')
    await page.getByRole('button', { name: 'Subscribe' }).click()
    expect(await page.locator('h1').textContent()).toBe('Check your inbox')
    await context.close()
  })
})
