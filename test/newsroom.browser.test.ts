// The newsroom in Chromium: the owner sets up through the printed link, writes a story with an
// uploaded photo, publishes it and finds it on the reader site; a contributor cannot publish.
import type { Browser, Page } from 'playwright-core'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { browserAvailable, launchBrowser } from './browser.ts'
import { newsroom } from './factories.ts'
import { freePort } from './free-port.ts'
import { testApp } from './setup.ts'

const PASSWORD = 'correct horse battery staple'

describe.skipIf(!browserAvailable)('the newsroom in Chromium', () => {
  let t: Awaited<ReturnType<typeof testApp>>
  let base: string
  let browser: Browser

  beforeAll(async () => {
    const port = await freePort()
    base = `http://127.0.0.1:${port}`
    t = await testApp('sqlite', { PUBLIC_URL: base })
    // The browser drops cookies that expire in its past: the server's clock must be today.
    t.clock.set(new Date())
    await newsroom(t.services)
    await t.app.listen({ port, host: '127.0.0.1' })
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await t.close()
  })

  const newStory = async (page: Page, headline: string) => {
    await page.getByRole('button', { name: 'New story' }).click()
    const dialog = page.getByRole('dialog', { name: 'New story' })
    await dialog.getByLabel('Edition').selectOption({ label: 'English' })
    await dialog.getByLabel('Section').selectOption({ label: 'World' })
    await dialog.getByLabel('Headline').fill(headline)
    await dialog.getByRole('button', { name: 'Create and edit' }).click()
    await page.waitForURL(/\/admin\/stories\/\d+$/)
    return Number(new URL(page.url()).pathname.split('/').pop())
  }

  it('sets up the owner, writes a story with an uploaded photo, publishes it, and readers see it', async () => {
    const page = await browser.newPage()
    page.setDefaultTimeout(8000)
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(`${base}${await t.services.staff.setupLink()}`)
    await page.getByLabel('E-mail').fill('owner@news.example.com')
    await page.getByLabel('Name').fill('Olga Owner')
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD)
    await page.getByLabel('Password again').fill(PASSWORD)
    await page.getByRole('button', { name: 'Create the owner account' }).click()
    await expect
      .poll(() => page.getByRole('heading', { name: 'Stories' }).count(), { timeout: 5000 })
      .toBe(1)

    const id = await newStory(page, 'Ministers agree on a new round of talks')
    const body = page.getByLabel('Story body')
    await body.click()
    await page.keyboard.type('The ministers met for six hours on Monday.')
    await page.getByLabel('Dateline').fill('GENEVA')
    await page.getByLabel('Dek').fill('The next meeting is set for spring.')

    // The lead photo: uploaded from this computer in the media picker, then used.
    await page.getByRole('button', { name: 'Choose photo' }).click()
    const photo = await sharp({
      create: { width: 1600, height: 900, channels: 3, background: '#3b6ea5' },
    })
      .jpeg()
      .toBuffer()
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'talks.jpg', mimeType: 'image/jpeg', buffer: photo })
    await page
      .getByRole('button', { name: /^Use talks\.jpg/ })
      .first()
      .click()
    await expect.poll(() => page.locator('.side-lead__figure img').count()).toBeGreaterThan(0)

    await expect
      .poll(() => page.getByText(/^Saved/).count(), { timeout: 10_000 })
      .toBeGreaterThan(0)
    await page.getByRole('button', { name: 'Publish', exact: true }).click()
    await expect
      .poll(async () => (await t.services.desk.load(id)).status, { timeout: 5000 })
      .toBe('published')

    const story = await t.services.desk.load(id)
    expect(story.body).toMatchObject({ type: 'doc' })
    expect(JSON.stringify(story.body)).toContain('The ministers met for six hours on Monday.')
    expect(story.leadMediaId).not.toBeNull()
    const reader = await browser.newPage()
    await reader.goto(`${base}/en`)
    await reader
      .getByRole('link', { name: 'Ministers agree on a new round of talks' })
      .first()
      .click()
    await reader.waitForURL(/\/en\/world\/\d{8}\/ministers-agree-on-a-new-round-of-talks-\d+$/)
    expect(await reader.locator('.dateline').textContent()).toContain('GENEVA')
    expect(await reader.locator('.article__body').textContent()).toContain('six hours on Monday')
    const lead = reader.locator('.article__lead img')
    await expect
      .poll(() => lead.evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBeGreaterThan(0)
    expect(errors).toEqual([])
    await reader.close()
    await page.close()
  })

  it('lets an invited contributor write and submit, but not publish', async () => {
    const owner = (await t.services.staff.list())[0]!
    const invitation = await t.services.staff.invite(owner, {
      email: 'carl@news.example.com',
      role: 'contributor',
    })
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(invitation.url)
    await page.getByLabel('Your name').fill('Carl Contributor')
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD)
    await page.getByLabel('Password again').fill(PASSWORD)
    await page.getByRole('button', { name: 'Join' }).click()
    await expect
      .poll(() => page.getByRole('heading', { name: 'Stories' }).count(), { timeout: 5000 })
      .toBe(1)

    const id = await newStory(page, 'A contributor files from the border')
    await page.getByLabel('Story body').click()
    await page.keyboard.type('Queues stretched for kilometres.')
    expect(await page.getByRole('button', { name: 'Publish', exact: true }).count()).toBe(0)
    await page.getByRole('button', { name: 'Submit for review' }).click()
    await expect
      .poll(async () => (await t.services.desk.load(id)).status, { timeout: 5000 })
      .toBe('in_review')
    // Going round the app does not help: the API refuses too.
    const status = await page.evaluate(async (storyId) => {
      const session = await (await fetch('/admin/api/session')).json()
      const response = await fetch(`/admin/api/articles/${storyId}/publish`, {
        method: 'POST',
        headers: { 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' },
        body: '{}',
      })
      return response.status
    }, id)
    expect(status).toBe(403)
    expect((await t.services.desk.load(id)).status).toBe('in_review')
    await context.close()
  })
})
