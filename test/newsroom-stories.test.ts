// Stories through the Admin API: writing, autosave and conflicts, the workflow with its roles,
// scheduling through the jobs table, corrections, revisions, presence and the preview.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type AdminClient, joinAs, setUpOwner } from './admin-client.ts'
import { doc, newsroom, paragraph } from './factories.ts'
import { DIALECTS, TEST_NOW, testApp } from './setup.ts'

describe.each(DIALECTS)('newsroom stories on %s', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>
  let room: Awaited<ReturnType<typeof newsroom>>
  let owner: AdminClient
  beforeEach(async () => {
    t = await testApp(dialect)
    room = await newsroom(t.services)
    owner = await setUpOwner(t.app, () => t.services.staff.setupLink())
  })
  afterEach(async () => {
    await t.close()
  })

  const draft = async (client: AdminClient, headline = 'Ministers meet in Geneva') => {
    const created = await client.post('/articles', {
      editionId: room.en.id,
      sectionId: room.world.id,
      headline,
      body: doc(paragraph('First words.')),
    })
    expect(created.status).toBe(201)
    return created.json
  }
  const page = (path: string) => t.app.inject({ method: 'GET', url: path })

  it('writes, autosaves, refuses a stale save and an invalid body, and publishes to the reader site', async () => {
    const story = await draft(owner)
    expect(story).toMatchObject({ status: 'draft', slug: 'ministers-meet-in-geneva', url: null })
    expect(story.createdBy.name).toBe('Olga Owner')

    t.clock.advance(3000)
    const saved = await owner.patch(`/articles/${story.id}`, {
      dek: 'Talks resume after a month.',
      datelinePlace: 'GENEVA',
      tagIds: [room.tag],
      authorIds: [room.author],
      leadMediaId: room.photo,
      body: doc(paragraph('The ministers met on Monday.')),
      baseVersion: story.version,
    })
    expect(saved.status).toBe(200)
    expect(saved.json).toMatchObject({
      dek: 'Talks resume after a month.',
      tagIds: [room.tag],
      leadMediaId: room.photo,
    })
    expect(saved.json.version).not.toBe(story.version)
    // Someone still holding the first version is told, instead of overwriting the save.
    const stale = await owner.patch(`/articles/${story.id}`, {
      dek: 'Old',
      baseVersion: story.version,
    })
    expect(stale.status).toBe(409)
    expect(stale.json.error.code).toBe('conflict')

    const bad = await owner.patch(`/articles/${story.id}`, {
      body: {
        type: 'doc',
        content: [{ type: 'paragraph', content: [{ type: 'script', text: 'x' }] }],
      },
    })
    expect(bad.status).toBe(422)
    expect(bad.json.error.field).toMatch(/^body\.content\[0\]/)
    expect((await owner.get(`/articles/${story.id}`)).json.dek).toBe('Talks resume after a month.')

    const published = await owner.post(`/articles/${story.id}/publish`)
    expect(published.json.status).toBe('published')
    expect(published.json.url).toMatch(
      /^https:\/\/news\.example\.com\/en\/world\/20260214\/ministers-meet-in-geneva-\d+$/,
    )
    const reader = await page(new URL(published.json.url).pathname)
    expect(reader.statusCode).toBe(200)
    expect(reader.body).toContain('The ministers met on Monday.')
    expect(reader.body).toContain('GENEVA (Dateline) -')
    expect(reader.body).not.toContain('class="article__corrections"')

    // Editing a published story keeps its time, moves its updated time, and the page says so.
    t.clock.advance(2 * 60 * 60_000)
    const edited = await owner.patch(`/articles/${story.id}`, {
      headline: 'Ministers meet again in Geneva',
    })
    expect(edited.json.publishedAt).toBe(published.json.publishedAt)
    expect(edited.json.updatedAt).not.toBe(published.json.updatedAt)
    const updatedPage = await page(new URL(edited.json.url).pathname)
    expect(updatedPage.body).toContain('Updated')

    const correction = await owner.post(`/articles/${story.id}/corrections`, {
      text: 'An earlier version gave the wrong city for the next meeting.',
    })
    expect(correction.json.corrections).toHaveLength(1)
    const corrected = await page(new URL(edited.json.url).pathname)
    expect(corrected.body).toContain('class="article__corrections"')
    expect(corrected.body).toContain('An earlier version gave the wrong city for the next meeting.')

    const withdrawn = await owner.post(`/articles/${story.id}/unpublish`)
    expect(withdrawn.json.status).toBe('unpublished')
    expect((await page(new URL(edited.json.url).pathname)).statusCode).toBe(410)

    const audit = (await owner.get(`/audit?articleId=${story.id}`)).json.items.map(
      (e: { action: string }) => e.action,
    )
    expect(audit).toEqual([
      'story.unpublished',
      'story.corrected',
      'story.published',
      'story.created',
    ])
  })

  it('lets a contributor write and submit but not publish; an editor publishes it', async () => {
    const contributor = await joinAs(t.app, owner, 'contributor', 'Carl Contributor')
    const editor = await joinAs(t.app, owner, 'editor', 'Edda Editor')
    const author = await joinAs(t.app, owner, 'author', 'Aldo Author')
    const story = await draft(contributor)
    expect((await contributor.post(`/articles/${story.id}/publish`)).status).toBe(403)
    expect((await contributor.patch(`/articles/${story.id}`, { breaking: true })).status).toBe(403)
    expect((await author.patch(`/articles/${story.id}`, { dek: 'Not mine' })).status).toBe(403)
    expect((await author.post(`/articles/${story.id}/publish`)).status).toBe(403)
    const submitted = await contributor.post(`/articles/${story.id}/submit`)
    expect(submitted.json.status).toBe('in_review')
    expect(
      (await owner.get('/articles?status=in_review')).json.items.map((s: { id: number }) => s.id),
    ).toEqual([story.id])

    const published = await editor.post(`/articles/${story.id}/publish`)
    expect(published.status).toBe(200)
    expect(published.json.status).toBe('published')
    // Once public, the contributor can no longer change it; corrections are for editors.
    expect((await contributor.patch(`/articles/${story.id}`, { dek: 'Late change' })).status).toBe(
      403,
    )
    expect(
      (await contributor.post(`/articles/${story.id}/corrections`, { text: 'x' })).status,
    ).toBe(403)
    expect((await contributor.post(`/articles/${story.id}/unpublish`)).status).toBe(403)

    // An author publishes their own story.
    const own = await draft(author, 'Own story of an author')
    expect((await author.post(`/articles/${own.id}/publish`)).json.status).toBe('published')
  })

  it('filters and pages the story list', async () => {
    const reporter = await joinAs(t.app, owner, 'author', 'Rita Reporter')
    for (let i = 0; i < 27; i++) await draft(reporter, `Budget story number ${i}`)
    const bylined = await draft(owner, 'Talks story with a byline')
    await owner.patch(`/articles/${bylined.id}`, { authorIds: [room.author] })
    await owner.post(`/articles/${bylined.id}/publish`)

    const first = (await owner.get('/articles')).json
    expect(first).toMatchObject({ total: 28, page: 1, pageSize: 25 })
    expect(first.items).toHaveLength(25)
    expect((await owner.get('/articles?page=2')).json.items).toHaveLength(3)
    expect((await owner.get('/articles?q=BUDGET%20story')).json.total).toBe(27)
    expect((await owner.get('/articles?q=100%25')).json.total).toBe(0)
    expect(
      (await owner.get('/articles?status=published')).json.items.map((s: { id: number }) => s.id),
    ).toEqual([bylined.id])
    expect((await owner.get(`/articles?authorId=${room.author}`)).json.total).toBe(1)
    expect((await owner.get(`/articles?editionId=${room.ru.id}`)).json.total).toBe(0)
    expect((await owner.get(`/articles?sectionId=${room.world.id}&status=draft`)).json.total).toBe(
      27,
    )
    expect((await owner.get('/articles?status=lost')).status).toBe(400)
    const russian = await owner.post('/articles', {
      editionId: room.ru.id,
      sectionId: room.mir.id,
      headline: 'Переговоры в Женеве продолжатся',
    })
    expect(
      (await owner.get(`/articles?q=${encodeURIComponent('ПЕРЕГОВОРЫ в женеве')}`)).json.items,
    ).toEqual([expect.objectContaining({ id: russian.json.id })])
  })

  it('schedules a story, which goes live through its job exactly once, at its time', async () => {
    const story = await draft(owner)
    const at = new Date(TEST_NOW.getTime() + 60 * 60_000)
    const scheduled = await owner.post(`/articles/${story.id}/publish`, { at: at.toISOString() })
    expect(scheduled.json.status).toBe('scheduled')
    const events: string[] = []
    t.bus.subscribe((event) => {
      if (event.type === 'story') events.push(event.kind)
    })
    expect(await t.jobs.runDue()).toBe(0)

    // Rescheduling replaces the job rather than adding one.
    const later = new Date(at.getTime() + 30 * 60_000)
    await owner.post(`/articles/${story.id}/publish`, { at: later.toISOString() })
    const pending = await t.database.db
      .selectFrom('jobs')
      .selectAll()
      .where('done_at', 'is', null)
      .execute()
    expect(pending).toHaveLength(1)

    t.clock.set(new Date(later.getTime() + 1000))
    expect(await t.jobs.runDue()).toBe(1)
    expect(await t.jobs.runDue()).toBe(0)
    expect((await owner.get(`/articles/${story.id}`)).json.status).toBe('published')
    expect(events).toEqual(['published'])
    const audit = (await owner.get(`/audit?articleId=${story.id}`)).json.items
    expect(audit[0]).toMatchObject({ action: 'story.published', staff: null })

    // Unpublishing a scheduled story cancels its job.
    const other = await draft(owner, 'Another scheduled story')
    await owner.post(`/articles/${other.id}/publish`, {
      at: new Date(later.getTime() + 3_600_000).toISOString(),
    })
    await owner.post(`/articles/${other.id}/unpublish`)
    t.clock.advance(2 * 3_600_000)
    expect(await t.jobs.runDue()).toBe(0)
    expect((await owner.get(`/articles/${other.id}`)).json.status).toBe('unpublished')
  })

  it('keeps revisions per person and sitting, shows a readable diff, and restores one', async () => {
    const editor = await joinAs(t.app, owner, 'editor', 'Edda Editor')
    const story = await draft(owner, 'First headline')
    t.clock.advance(1000)
    await owner.patch(`/articles/${story.id}`, {
      body: doc(paragraph('The first version of the text.')),
    })
    t.clock.advance(1000)
    await owner.patch(`/articles/${story.id}`, {
      body: doc(paragraph('The second version of the text.')),
    })
    t.clock.advance(1000)
    await editor.patch(`/articles/${story.id}`, {
      headline: 'Edited headline',
      body: doc(paragraph('The editor rewrote the text.')),
    })
    const revisions = (await owner.get(`/articles/${story.id}/revisions`)).json.items
    expect(revisions.map((r: { staff: { name: string } }) => r.staff.name)).toEqual([
      'Edda Editor',
      'Olga Owner',
    ])
    const mine = revisions[1]
    expect(mine.headline).toBe('First headline')

    const diff = (await owner.get(`/articles/${story.id}/revisions/${mine.id}/diff`)).json.fields
    const fields = diff.map((f: { field: string }) => f.field)
    expect(fields).toEqual(['headline', 'body'])
    const body = diff[1].parts
    expect(body).toContainEqual({ value: 'second version of', removed: true })
    expect(
      body.some(
        (p: { added?: boolean; value: string }) => p.added && p.value.includes('editor rewrote'),
      ),
    ).toBe(true)

    const restored = await owner.post(`/articles/${story.id}/revisions/${mine.id}/restore`)
    expect(restored.json.headline).toBe('First headline')
    expect(JSON.stringify(restored.json.body)).toContain('The second version of the text.')
    expect((await owner.get(`/articles/${story.id}/revisions/999999/diff`)).status).toBe(404)
  })

  it('warns who else has the story open, and previews a draft as readers would see it', async () => {
    const editor = await joinAs(t.app, owner, 'editor', 'Edda Editor')
    const story = await draft(owner)
    expect((await owner.post(`/articles/${story.id}/presence`)).json.others).toEqual([])
    expect((await editor.post(`/articles/${story.id}/presence`)).json.others).toEqual([
      { id: expect.any(Number), name: 'Olga Owner' },
    ])
    expect(
      (await owner.post(`/articles/${story.id}/presence`)).json.others.map(
        (o: { name: string }) => o.name,
      ),
    ).toEqual(['Edda Editor'])
    await editor.delete(`/articles/${story.id}/presence`)
    expect((await owner.post(`/articles/${story.id}/presence`)).json.others).toEqual([])
    // Someone who stopped sending heartbeats is gone after half a minute.
    await editor.post(`/articles/${story.id}/presence`)
    t.clock.advance(31_000)
    expect((await owner.post(`/articles/${story.id}/presence`)).json.others).toEqual([])

    const preview = await owner.get(`/articles/${story.id}/preview`)
    expect(preview.status).toBe(200)
    expect(preview.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(preview.body).toContain('<meta name="robots" content="noindex, nofollow"/>')
    expect(preview.body).toContain('class="preview-notice"')
    expect(preview.body).toContain('Ministers meet in Geneva')
    expect(preview.body).toContain('First words.')
    expect(
      (await t.app.inject({ method: 'GET', url: `/admin/api/articles/${story.id}/preview` }))
        .statusCode,
    ).toBe(401)
    expect((await owner.get('/articles/123456/preview')).status).toBe(404)
    expect((await owner.get('/articles/abc')).status).toBe(400)
  })
})
