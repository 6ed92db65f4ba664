// A reader's whole journey in Chromium: registers, confirms through the mail an SMTP server on
// loopback received, comments, and a second reader sees the comment arrive without reloading.
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { browserAvailable, launchBrowser } from './browser.ts'
import { newArticle, newsroom } from './factories.ts'
import { freePort } from './free-port.ts'
import { linkIn } from './reader-client.ts'
import { testApp } from './setup.ts'
import { type SmtpSink, startSmtpSink } from './smtp-sink.ts'

const PASSWORD = 'a long reader password'

describe.skipIf(!browserAvailable)('readers and comments in Chromium', () => {
  let sink: SmtpSink
  let t: Awaited<ReturnType<typeof testApp>>
  let base: string
  let browser: Browser
  let storyPath: string

  beforeAll(async () => {
    sink = await startSmtpSink()
    const port = await freePort()
    base = `http://127.0.0.1:${port}`
    t = await testApp('sqlite', { PUBLIC_URL: base, SMTP_URL: sink.url })
    // Cookies expiring in the browser's past would be dropped: the server's clock is today.
    t.clock.set(new Date())
    const room = await newsroom(t.services)
    await t.services.communitySettings.save(room.en.id, {
      ...(await t.services.communitySettings.get(room.en.id)),
      holdNewReaders: false,
    })
    const id = await newArticle(t.services, room, { headline: 'Talks resume in Geneva' })
    storyPath = t.services.urls.article((await t.services.reading.story(id))! as never)
    await t.app.listen({ port, host: '127.0.0.1' })
    t.jobs.start()
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await t?.close()
    await sink?.close()
  })

  const register = async (name: string, email: string) => {
    const context = await browser.newContext()
    const page = await context.newPage()
    page.setDefaultTimeout(8000)
    await page.goto(`${base}${storyPath}`)
    await expect.poll(() => page.locator('.comments__count').textContent()).toBe('0')
    await page.locator('.comments__signin').getByRole('link', { name: 'register' }).click()
    await page.getByLabel('Display name').fill(name)
    await page.getByLabel('E-mail address').fill(email)
    await page.getByLabel('Password').fill(PASSWORD)
    const before = sink.messages.length
    await page.getByRole('button', { name: 'Register' }).click()
    await sink.waitFor(before + 1, 8000)
    await page.goto(linkIn(sink, email))
    await page.goto(`${base}${storyPath}`)
    return { context, page }
  }

  it('registers, confirms by mail, comments, and another reader sees it live', async () => {
    const alice = await register('Alice Reader', 'alice@readers.example')
    const errors: string[] = []
    alice.page.on('pageerror', (error) => errors.push(error.message))
    await expect.poll(() => alice.page.getByText('Signed in as Alice Reader').count()).toBe(1)

    const bob = await register('Bob Reader', 'bob@readers.example')
    bob.page.on('pageerror', (error) => errors.push(error.message))
    await expect.poll(() => bob.page.getByLabel('Your comment').count()).toBe(1)
    await bob.page.waitForTimeout(300)

    await alice.page
      .getByLabel('Your comment')
      .fill('Geneva again! <img src=x onerror=alert(1)> https://example.org/notes')
    await alice.page.getByRole('button', { name: 'Send' }).click()
    const mine = alice.page.locator('.comments').getByText('Geneva again!')
    await expect.poll(() => mine.count()).toBe(1)

    // Bob, on the same page in another browser, is told of it and shows it on request.
    await expect
      .poll(() => bob.page.locator('.comments__count').first().textContent(), { timeout: 5000 })
      .toBe('1')
    const fresh = bob.page.getByRole('button', { name: /new comment/ })
    if ((await fresh.count()) > 0) await fresh.click()
    const seen = bob.page.locator('.comments').getByText('Geneva again!')
    await expect.poll(() => seen.count(), { timeout: 5000 }).toBe(1)
    // The hostile part is text, the address a link with rel="nofollow ugc noopener".
    expect(await bob.page.locator('.comments img').count()).toBe(0)
    const link = bob.page.locator('.comments a[href="https://example.org/notes"]')
    expect(await link.getAttribute('rel')).toBe('nofollow ugc noopener')

    await bob.page
      .getByRole('button', { name: /^Reply/ })
      .first()
      .click()
    await bob.page.getByLabel(/Your reply/).fill('Agreed, and about time.')
    await bob.page.getByRole('button', { name: 'Send' }).last().click()
    await expect
      .poll(() => alice.page.locator('.comments__count').first().textContent(), { timeout: 5000 })
      .toBe('2')
    expect(errors).toEqual([])
    await alice.context.close()
    await bob.context.close()
  })
})
