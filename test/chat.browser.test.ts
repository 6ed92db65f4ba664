// Two readers chat in one room in Chromium, each in their own browser: messages, a reply with its
// quote, a hostile string shown as text and a reaction reach the other without a reload; a
// signed-out reader is invited to log in.
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { browserAvailable, launchBrowser } from './browser.ts'
import { newsroom } from './factories.ts'
import { freePort } from './free-port.ts'
import { linkIn, READER_PASSWORD } from './reader-client.ts'
import { testApp } from './setup.ts'
import { type SmtpSink, startSmtpSink } from './smtp-sink.ts'

const HOSTILE = '<img src=x onerror=alert(1)> "quoted" & done'

describe.skipIf(!browserAvailable)('chat rooms in Chromium', () => {
  let sink: SmtpSink
  let t: Awaited<ReturnType<typeof testApp>>
  let base: string
  let browser: Browser
  const contexts: BrowserContext[] = []
  const errors: string[] = []

  beforeAll(async () => {
    sink = await startSmtpSink()
    const port = await freePort()
    base = `http://127.0.0.1:${port}`
    t = await testApp('sqlite', { PUBLIC_URL: base, SMTP_URL: sink.url })
    // Cookies expiring in the browser's past would be dropped: the server's clock is today.
    t.clock.set(new Date())
    await newsroom(t.services)
    await t.services.chat.ensureGeneralRooms()
    await t.app.listen({ port, host: '127.0.0.1' })
    t.jobs.start()
    browser = await launchBrowser()
  })
  afterAll(async () => {
    for (const context of contexts) await context.close()
    await browser?.close()
    await t?.close()
    await sink?.close()
  })

  const open = async (): Promise<Page> => {
    const context = await browser.newContext()
    contexts.push(context)
    const page = await context.newPage()
    page.setDefaultTimeout(8000)
    page.on('pageerror', (error) => errors.push(error.message))
    page.on('dialog', (dialog) => {
      errors.push(`dialog: ${dialog.message()}`)
      void dialog.dismiss()
    })
    return page
  }

  /** A reader registered and confirmed through the mail, signed in in their own browser. */
  const reader = async (name: string, email: string): Promise<Page> => {
    const page = await open()
    const before = sink.messages.length
    await t.services.readers.register(
      { displayName: name, email, password: READER_PASSWORD },
      { editionId: 1, locale: 'en-GB', accountUrl: `${base}/en/account` },
      { ip: '127.0.0.1' },
    )
    await sink.waitFor(before + 1, 8000)
    await page.goto(linkIn(sink, email))
    await page.goto(`${base}/en/chats/general`)
    await expect.poll(() => page.getByLabel('Your message').count()).toBe(1)
    return page
  }

  const message = (page: Page, text: string | RegExp) =>
    page.locator('.chat-island .chat-message').filter({
      has: page.locator('.chat-message__text', { hasText: text }),
    })

  let alice: Page
  let bob: Page

  it('lets two readers chat live, and invites a signed-out reader to log in', async () => {
    alice = await reader('Alice Reader', 'alice@readers.example')
    bob = await reader('Bob Reader', 'bob@readers.example')

    const guest = await open()
    await guest.goto(`${base}/en/chats`)
    await guest.getByRole('link', { name: 'General chat' }).click()
    await expect.poll(() => guest.getByText(/here now/).count()).toBe(1)
    const invitation = guest.locator('.chat-island .chat-signin')
    await expect.poll(() => invitation.textContent()).toBe('Log in or register to write.')
    expect(await invitation.getByRole('link', { name: 'Log in' }).getAttribute('href')).toBe(
      '/en/account/login?next=%2Fen%2Fchats%2Fgeneral',
    )
    expect(await guest.getByLabel('Your message').count()).toBe(0)

    // Alice writes; Enter sends. Bob and the guest see it arrive.
    await alice.getByLabel('Your message').fill('Polls close at ten tonight.')
    await alice.getByLabel('Your message').press('Enter')
    await expect.poll(() => message(bob, 'Polls close at ten tonight.').count()).toBe(1)
    await expect.poll(() => message(guest, 'Polls close at ten tonight.').count()).toBe(1)
    await expect.poll(() => alice.getByLabel('Your message').inputValue()).toBe('')

    // Bob replies; Alice sees his reply quoting her message.
    await message(bob, 'Polls close').getByRole('button', { name: 'Reply' }).click()
    await expect.poll(() => bob.getByText('Replying to Alice Reader').count()).toBe(1)
    await bob.getByLabel('Your message').fill('And the count starts at once?')
    await bob.getByRole('button', { name: 'Send' }).click()
    const reply = message(alice, 'And the count starts at once?')
    await expect.poll(() => reply.count()).toBe(1)
    expect(await reply.locator('.chat-quote').textContent()).toBe(
      'In reply to Alice Reader Polls close at ten tonight.',
    )

    // A hostile string is text on the other side.
    await alice.getByLabel('Your message').fill(HOSTILE)
    await alice.getByLabel('Your message').press('Enter')
    const hostile = message(bob, '"quoted" & done')
    await expect.poll(() => hostile.count()).toBe(1)
    expect(await hostile.locator('.chat-message__text').textContent()).toBe(HOSTILE)
    expect(await bob.locator('.chat-island img').count()).toBe(0)

    // Bob reacts to Alice's first message; Alice sees the count.
    const first = message(bob, 'Polls close at ten tonight.').first()
    await first.getByRole('button', { name: 'React', exact: true }).click()
    await first.getByRole('button', { name: 'React with 👍' }).click()
    const count = message(alice, 'Polls close at ten tonight.')
      .first()
      .locator('.chat-reaction', { hasText: '👍' })
    await expect.poll(() => count.textContent()).toBe('👍 1')

    expect(errors).toEqual([])
  })

  it('lets an editor open a topic room and name a moderator, who switches on slow mode', async () => {
    const desk = await open()
    await desk.goto(`${base}${await t.services.staff.setupLink()}`)
    await desk.getByLabel('E-mail').fill('owner@news.example.com')
    await desk.getByLabel('Name').fill('Olga Owner')
    await desk.getByLabel('Password', { exact: true }).fill('correct horse battery staple')
    await desk.getByLabel('Password again').fill('correct horse battery staple')
    await desk.getByRole('button', { name: 'Create the owner account' }).click()
    await desk.getByRole('link', { name: 'Chats' }).click()
    await expect.poll(() => desk.getByRole('cell', { name: /General chat/ }).count()).toBe(1)

    await desk.getByRole('button', { name: 'New room' }).click()
    const dialog = desk.getByRole('dialog', { name: 'New room in English' })
    await dialog.getByLabel('Name').fill('Election night')
    await dialog.getByLabel('Description').fill('The count, as it happens.')
    await dialog.getByLabel('Linked section').selectOption({ label: 'World' })
    await dialog.getByRole('button', { name: 'Create room' }).click()
    await desk.waitForURL(/\/admin\/chats\/\d+$/)
    await desk.getByLabel('Add moderator').fill('alice@readers.example')
    await desk.getByRole('button', { name: 'Add', exact: true }).first().click()
    await expect
      .poll(() => desk.locator('.chat-members').getByText('alice@readers.example').count())
      .toBe(1)
    await expect.poll(() => desk.getByText('made a moderator: Alice Reader').count()).toBe(1)

    // On the site: the room is listed; Alice moderates it, Bob is told of slow mode at once.
    await alice.goto(`${base}/en/chats`)
    await alice.getByRole('link', { name: 'Election night' }).click()
    await bob.goto(`${base}/en/chats/election-night`)
    await expect.poll(() => bob.getByLabel('Your message').count()).toBe(1)
    await alice.getByLabel('Slow mode').selectOption({ label: '30 seconds' })
    await alice.getByRole('button', { name: 'Apply' }).click()
    await expect
      .poll(() => bob.getByText('Slow mode: 30 seconds between messages.').count())
      .toBe(1)
    expect(errors).toEqual([])
  })

  it('loads older messages at the top without moving the reader, and counts new ones below', async () => {
    const { chat } = t.services
    const en = t.services.catalogue.edition('en')!
    const room = await chat.create({ kind: 'staff', name: 'Desk' }, en.id, {
      name: 'Long night',
      slug: 'long-night',
    })
    const general = await chat.roomBySlug(en.id, 'general')
    const { messages } = await chat.history(general!.id, {})
    const aliceId = messages.find((m) => m.author.name === 'Alice Reader')!.author.id!
    for (let i = 1; i <= 70; i++) {
      // Past the per-minute limits, as hours of chat would be.
      t.clock.advance(4_000)
      await chat.post(aliceId, room.id, { text: `Update ${i}` }, { ip: '127.0.0.1' })
    }
    await bob.goto(`${base}/en/chats/long-night`)
    const log = bob.locator('.chat-island .chat-log')
    await expect.poll(() => message(bob, 'Update 70').isVisible()).toBe(true)
    expect(await message(bob, 'Update 20').count()).toBe(0)

    // Scrolled to the top, the older page comes in above what the reader was looking at.
    await log.evaluate((el) => {
      el.scrollTop = 0
    })
    await expect.poll(() => message(bob, /^Update 1$/).count()).toBe(1)
    const top = async (text: string) =>
      (await message(bob, text).boundingBox())!.y - (await log.boundingBox())!.y
    expect(await top('Update 21')).toBeGreaterThanOrEqual(0)
    expect(await top('Update 21')).toBeLessThan(200)

    // Reading back, a new message is counted, not scrolled to.
    t.clock.advance(4_000)
    await chat.post(aliceId, room.id, { text: 'Results are in' }, { ip: '127.0.0.1' })
    const unread = bob.getByRole('button', { name: '1 new message' })
    await expect.poll(() => unread.count()).toBe(1)
    expect(await top('Update 21')).toBeLessThan(200)
    await unread.click()
    await expect.poll(() => message(bob, 'Results are in').isVisible()).toBe(true)
    await expect.poll(() => unread.count()).toBe(0)
    expect(errors).toEqual([])
  })
})
