// Fills a database with a credible two-edition demo news site: original synthetic stories and photos.
import { randomUUID } from 'node:crypto'
import { createSearchIndex } from '../../discovery/search-index.ts'
import type { Db } from '../../platform/db/database.ts'
import type { Dialect } from '../../platform/db/dialect.ts'
import { createDemoRepository, type DemoRepository, type LinkTable } from './demo.repository.ts'
import { type Lang, SECTION_SLUGS, type StoryPlan, TAG_SLUGS } from './lexicon.ts'
import { type DemoPhoto, preparePhotos } from './photos.ts'
import { planStory } from './plan.ts'
import { createRandom } from './random.ts'
import { buildSchedule, type Slot } from './schedule.ts'
import { type ComposedArticle, composeArticle, type EditionState, weekdayIn } from './stories.ts'
import { AUTHORS, type DemoEdition, EDITIONS, SECTIONS, TAGS } from './taxonomy.ts'

export interface SeedDemoDeps {
  db: Db
  dialect: Dialect
  dataDir: string
  now: Date
}

export interface SeedDemoOptions {
  articles: number
  /** The same seed and clock give the same stories. */
  seed?: number
}

const DEFAULT_SEED = 1
const ENGLISH_SHARE = 0.55
const MAX_PARAMETERS: Record<Dialect, number> = { sqlite: 32_766, postgres: 65_535 }

export async function seedDemo(
  deps: SeedDemoDeps,
  options: SeedDemoOptions,
): Promise<{ articles: number }> {
  const rng = createRandom(options.seed ?? DEFAULT_SEED)
  const { photos, written } = preparePhotos(deps.dataDir)
  const seeded = deps.db.transaction().execute(async (trx) => {
    const repo = createDemoRepository(trx)
    const editions = {} as Record<Lang, EditionState>
    for (const edition of EDITIONS) {
      editions[edition.code] = await prepareEdition(repo, edition, photos, deps.now)
    }
    const english = Math.round(options.articles * ENGLISH_SHARE)
    const schedule = buildSchedule(rng, { en: english, ru: options.articles - english }, deps.now)
    const writer = createWriter(repo, MAX_PARAMETERS[deps.dialect], editions)
    // Small runs use small batches so that stories still find earlier ones to link to.
    const batchSize = Math.max(25, Math.min(500, Math.ceil(options.articles / 20)))
    const shared = new Map<Slot, { plan: StoryPlan; group: string }>()

    for (const slot of schedule) {
      const edition = editions[slot.lang]
      let story = slot.isTranslation && slot.translation ? shared.get(slot.translation) : undefined
      if (!story) {
        const weekday = weekdayIn(edition.timeZone, slot.publishedAt)
        const context = { lang: slot.lang, weekday, now: deps.now, photos: photos.length }
        // The group id is random, not seeded: a second run with the same seed must not join the
        // first run's translations into groups of four.
        story = {
          plan: planStory(rng.seed(), context),
          group: slot.translation ? randomUUID() : '',
        }
        if (slot.translation) shared.set(slot, story)
      }
      const meta = { translationGroup: story.group || null, now: deps.now }
      writer.add(composeArticle(rng, slot, story.plan, edition, meta))
      if (writer.pending() >= batchSize) await writer.flush()
    }
    await writer.flush()
    await writer.finish()
    // The stories go in without the article service, so they are indexed here, in bulk.
    const first = writer.firstId()
    if (first !== undefined) await createSearchIndex(deps.dialect).indexPublic(trx, first - 1)
    return { articles: schedule.length }
  })
  // Both settle before a failure is reported, so no photo is still being written on return.
  const [result, photoFiles] = await Promise.allSettled([seeded, written])
  if (result.status === 'rejected') throw result.reason
  if (photoFiles.status === 'rejected') throw photoFiles.reason
  return result.value
}

async function prepareEdition(
  repo: DemoRepository,
  edition: DemoEdition,
  photos: readonly DemoPhoto[],
  now: Date,
): Promise<EditionState> {
  const lang = edition.code
  const id = await repo.ensureEdition(edition)
  const sections = await repo.ensureSections(
    id,
    SECTION_SLUGS.map((slug, position) => ({
      edition_id: id,
      slug,
      name: SECTIONS[slug].name[lang],
      description: SECTIONS[slug].description[lang],
      position,
    })),
  )
  const tags = await repo.ensureTags(
    id,
    TAG_SLUGS.map((slug) => ({ edition_id: id, slug, name: TAGS[slug][lang] })),
  )
  const authors = await repo.ensureAuthors(
    id,
    AUTHORS.map((author) => ({
      edition_id: id,
      slug: author.slug,
      name: author.name[lang],
      bio: author.bio[lang],
    })),
  )
  const mediaIds = await repo.ensureMedia(
    photos.map((photo) => ({
      file: photo.file,
      mime_type: 'image/jpeg',
      width: photo.width,
      height: photo.height,
      caption: photo.text[lang].caption,
      credit: photo.text[lang].credit,
      alt: photo.text[lang].alt,
      focal_x: photo.focalX,
      focal_y: photo.focalY,
      created_at: now.toISOString(),
    })),
  )
  return {
    lang,
    id,
    timeZone: edition.time_zone,
    sections,
    tags,
    authors: AUTHORS.map((author) => authors.get(author.slug) ?? 0),
    media: photos.map((photo, n) => ({
      id: mediaIds[n] ?? 0,
      caption: photo.text[lang].caption,
      credit: photo.text[lang].credit,
    })),
    slugs: await repo.articleSlugs(id),
    recent: new Map(),
  }
}

/** Buffers articles and their link rows, writing each in multi-row statements. */
function createWriter(
  repo: DemoRepository,
  maxParameters: number,
  editions: Record<Lang, EditionState>,
) {
  const linkBatch = Math.floor(maxParameters / 3 / 2)
  let articles: ComposedArticle[] = []
  let firstId: number | undefined
  const links = {
    article_tags: [] as { article_id: number; tag_id: number; position: number }[],
    article_authors: [] as { article_id: number; author_id: number; position: number }[],
    article_related: [] as { article_id: number; related_id: number; position: number }[],
  }
  const flushLinks = async (table: LinkTable, minimum: number) => {
    const rows = links[table]
    if (rows.length < minimum) return
    for (let i = 0; i < rows.length; i += linkBatch) {
      await repo.insertLinks(table, rows.slice(i, i + linkBatch))
    }
    links[table] = []
  }

  return {
    add: (article: ComposedArticle) => void articles.push(article),
    pending: () => articles.length,
    /** The id of the first story written, once one is. */
    firstId: () => firstId,
    async flush() {
      const ids = await repo.insertArticles(articles.map((a) => a.row))
      firstId ??= ids[0]
      articles.forEach((article, i) => {
        const id = ids[i] as number
        article.tagIds.forEach((tag_id, position) => {
          links.article_tags.push({ article_id: id, tag_id, position })
        })
        article.authorIds.forEach((author_id, position) => {
          links.article_authors.push({ article_id: id, author_id, position })
        })
        article.relatedIds.forEach((related_id, position) => {
          links.article_related.push({ article_id: id, related_id, position })
        })
        if (article.row.status === 'published') {
          const edition = article.row.edition_id === editions.en.id ? editions.en : editions.ru
          const recent = edition.recent.get(article.section) ?? []
          recent.push(id)
          edition.recent.set(article.section, recent.slice(-40))
        }
      })
      articles = []
      for (const table of Object.keys(links) as LinkTable[]) await flushLinks(table, linkBatch)
    },
    async finish() {
      for (const table of Object.keys(links) as LinkTable[]) await flushLinks(table, 1)
      await repo.copyStateToLinks()
    },
  }
}
