// The subscribe page's push section in Chromium: no permission prompt until the reader clicks, a
// blocked or missing push told so, and the service worker registered for the whole site, showing
// one notification per story for pushes delivered to it. Headless Chromium reaches no push
// service, so subscribing itself and what the server sends are tested in push.test.ts.
import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { browserAvailable, launchBrowser } from './browser.ts'
import { newsroom } from './factories.ts'
import { freePort } from './free-port.ts'
import { testApp } from './setup.ts'

describe.skipIf(!browserAvailable)('browser push on the subscribe page in Chromium', () => {
  let t: Awaited<ReturnType<typeof testApp>>
  let base: string
  let browser: Browser

  beforeAll(async () => {
    const port = await freePort()
    base = `http://127.0.0.1:${port}`
    t = await testApp('sqlite', { PUBLIC_URL: base })
    await newsroom(t.services)
    await t.app.listen({ port, host: '127.0.0.1' })
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await t?.close()
  })

  /** The subscribe page, with every call to Notification.requestPermission counted. */
  const open = async (context: BrowserContext) => {
    await context.addInitScript(() => {
      const w = window as unknown as { asked: number }
      w.asked = 0
      if (!('Notification' in window)) return
      const ask = Notification.requestPermission.bind(Notification)
      Notification.requestPermission = () => {
        w.asked++
        return ask()
      }
    })
    const page = await context.newPage()
    page.setDefaultTimeout(8000)
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(`${base}/en/subscribe`)
    const section = page.locator('.subscribe-push')
    const status = section.locator('[data-push-status]')
    const asked = () => page.evaluate(() => (window as unknown as { asked: number }).asked)
    return { page, section, status, asked, errors }
  }

  it('asks for permission only when the reader clicks', async () => {
    const context = await browser.newContext()
    const { page, section, status, asked, errors } = await open(context)
    await expect.poll(() => section.getAttribute('data-push-state')).toBe('off')
    await page.waitForTimeout(300)
    expect(await asked()).toBe(0)
    expect(await page.evaluate(() => Notification.permission)).toBe('default')

    await section.getByRole('button', { name: 'Turn on notifications' }).click()
    await expect.poll(asked).toBe(1)
    // The prompt is up (headless Chromium leaves it unanswered): the status says to wait.
    expect(await status.textContent()).toBe('One moment…')
    expect(errors).toEqual([])
    await context.close()
  })

  it('says so when the browser blocks notifications, before and after a click', async () => {
    const context = await browser.newContext()
    const { page, section, status, asked } = await open(context)
    const { targetInfo } = await (await context.newCDPSession(page)).send('Target.getTargetInfo')
    const cdp = await browser.newBrowserCDPSession()
    await cdp.send('Browser.setPermission', {
      permission: { name: 'notifications' },
      setting: 'denied',
      origin: base,
      browserContextId: targetInfo.browserContextId,
    })
    await page.reload()
    const blocked = /^Notifications from this site are blocked\./
    await expect.poll(() => status.textContent()).toMatch(blocked)
    expect(await asked()).toBe(0)
    await section.getByRole('button', { name: 'Turn on notifications' }).click()
    await expect.poll(asked).toBe(1)
    await expect.poll(() => status.textContent()).toMatch(blocked)
    expect(await section.getAttribute('data-push-state')).toBe('off')
    await context.close()
  })

  it('registers the service worker for the whole site once permission is granted', async () => {
    const context = await browser.newContext()
    await context.grantPermissions(['notifications'], { origin: base })
    const { page, section, status, asked, errors } = await open(context)
    await section.getByRole('button', { name: 'Turn on notifications' }).click()
    await expect.poll(asked).toBe(1)
    await expect
      .poll(() =>
        page.evaluate(async () => (await navigator.serviceWorker.getRegistration('/'))?.scope),
      )
      .toBe(`${base}/`)
    // Subscribing needs the browser's push service, out of reach here: the status says it failed.
    await expect
      .poll(() => status.textContent(), { timeout: 15_000 })
      .toMatch(/^(Notifications are on\.|Something went wrong\. Try again\.)$/)

    // A push delivered to the worker as the push service would: one notification per story.
    const session = await context.newCDPSession(page)
    const registrations: { registrationId: string; scopeURL: string; isDeleted: boolean }[] = []
    session.on('ServiceWorker.workerRegistrationUpdated', (event) =>
      registrations.push(...event.registrations),
    )
    await session.send('ServiceWorker.enable')
    await expect.poll(() => registrations.some((r) => r.scopeURL === `${base}/`)).toBe(true)
    const registrationId = registrations.find((r) => r.scopeURL === `${base}/`)!.registrationId
    const push = (headline: string) =>
      session.send('ServiceWorker.deliverPushMessage', {
        origin: base,
        registrationId,
        data: JSON.stringify({
          title: headline,
          body: 'Both sides agreed to meet again.',
          url: `${base}/en/world/20260214/talks-7`,
          tag: 'story-7',
          icon: `${base}/assets/logo-square.png`,
          lang: 'en-GB',
          dir: 'ltr',
        }),
      })
    const shown = () =>
      page.evaluate(async () => {
        const registration = await navigator.serviceWorker.ready
        return (await registration.getNotifications()).map((n) => ({
          title: n.title,
          body: n.body,
          tag: n.tag,
          url: n.data?.url,
        }))
      })
    const titles = async () => (await shown()).map((n) => n.title)
    // The browser may handle two pushes at once, so the second waits for the first to show.
    await push('Talks will go on')
    await expect.poll(titles).toEqual(['Talks will go on'])
    await push('Talks will go on, ministers say')
    await expect.poll(shown).toEqual([
      {
        title: 'Talks will go on, ministers say',
        body: 'Both sides agreed to meet again.',
        tag: 'story-7',
        url: `${base}/en/world/20260214/talks-7`,
      },
    ])
    expect(errors).toEqual([])
    await context.close()
  })

  it('tells a browser without push that it cannot have notifications, and hides the controls', async () => {
    const context = await browser.newContext()
    await context.addInitScript(() => {
      delete (window as { PushManager?: unknown }).PushManager
    })
    const { section, status, asked } = await open(context)
    await expect
      .poll(() => status.textContent())
      .toBe('This browser cannot show notifications from websites.')
    expect(await section.getAttribute('data-push-state')).toBe('unsupported')
    expect(await section.getByRole('button').count()).toBe(0)
    expect(await section.locator('fieldset').isHidden()).toBe(true)
    expect(await asked()).toBe(0)
    await context.close()
  })
})
