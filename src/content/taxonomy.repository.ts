// Queries for editions, sections, tags and authors, and the inserts that create them.
import type { Insertable } from 'kysely'
import { mediaColumns, toMediaView } from '../media/media.repository.ts'
import type { Db } from '../platform/db/database.ts'
import { startsWith } from '../platform/db/like.ts'
import { createPrepared, slot } from '../platform/db/prepared.ts'
import type {
  AuthorTable,
  EditionTable,
  MediaAssetTable,
  SectionTable,
  TagTable,
} from '../platform/db/schema.ts'
import type { Author, Edition, Section, Tag } from './content.types.ts'

export function createTaxonomyRepository(db: Db) {
  const run = createPrepared(db)
  return {
    async editions(): Promise<Edition[]> {
      const rows = await db
        .selectFrom('editions')
        .selectAll()
        .orderBy('position')
        .orderBy('id')
        .execute()
      return rows.map((r) => ({
        id: r.id,
        code: r.code,
        name: r.name,
        locale: r.locale,
        timeZone: r.time_zone,
        direction: r.direction,
      }))
    },

    async sections(): Promise<Section[]> {
      const rows = await db
        .selectFrom('sections')
        .selectAll()
        .orderBy('edition_id')
        .orderBy('position')
        .orderBy('id')
        .execute()
      return rows.map((r) => ({
        id: r.id,
        editionId: r.edition_id,
        parentId: r.parent_id,
        slug: r.slug,
        name: r.name,
        description: r.description,
        position: r.position,
      }))
    },

    async tagBySlug(editionId: number, slug: string): Promise<Tag | undefined> {
      const row = await db
        .selectFrom('tags')
        .selectAll()
        .where('edition_id', '=', editionId)
        .where('slug', '=', slug)
        .executeTakeFirst()
      return row && toTag(row)
    },

    /** An edition's tags by name, those starting with `q` (any case) when it is given. */
    async tagsOfEdition(editionId: number, q: string, limit: number): Promise<Tag[]> {
      let query = db
        .selectFrom('tags')
        .selectAll()
        .where('edition_id', '=', editionId)
        .orderBy('name')
        .limit(limit)
      if (q) query = query.where(startsWith('name', q))
      return (await query.execute()).map(toTag)
    },

    async tagsByIds(ids: readonly number[]): Promise<Tag[]> {
      if (ids.length === 0) return []
      return (await db.selectFrom('tags').selectAll().where('id', 'in', ids).execute()).map(toTag)
    },

    async authorsOfEdition(editionId: number): Promise<Author[]> {
      const rows = await authorQuery(db)
        .where('authors.edition_id', '=', editionId)
        .orderBy('authors.name')
        .execute()
      return rows.map(toAuthor)
    },

    async authorsByIds(ids: readonly number[]): Promise<Author[]> {
      if (ids.length === 0) return []
      return (await authorQuery(db).where('authors.id', 'in', ids).execute()).map(toAuthor)
    },

    async tagsOfArticle(articleId: number): Promise<Tag[]> {
      const rows = await run(
        'tagsOfArticle',
        () =>
          db
            .selectFrom('article_tags')
            .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
            .select(['tags.id', 'tags.edition_id', 'tags.slug', 'tags.name'])
            .where('article_tags.article_id', '=', slot<number>('article'))
            .orderBy('article_tags.position'),
        { article: articleId },
      )
      return rows.map(toTag)
    },

    async authorBySlug(editionId: number, slug: string): Promise<Author | undefined> {
      const row = await authorQuery(db)
        .where('authors.edition_id', '=', editionId)
        .where('authors.slug', '=', slug)
        .executeTakeFirst()
      return row && toAuthor(row)
    },

    async authorsOfArticle(articleId: number): Promise<Author[]> {
      const rows = await run(
        'authorsOfArticle',
        () =>
          authorQuery(db)
            .innerJoin('article_authors', 'article_authors.author_id', 'authors.id')
            .where('article_authors.article_id', '=', slot<number>('article'))
            .orderBy('article_authors.position'),
        { article: articleId },
      )
      return rows.map(toAuthor)
    },
  }
}

export type TaxonomyRepository = ReturnType<typeof createTaxonomyRepository>

function authorQuery(db: Db) {
  return db
    .selectFrom('authors')
    .leftJoin('media_assets as m', 'm.id', 'authors.photo_media_id')
    .select(['authors.id', 'authors.edition_id', 'authors.slug', 'authors.name', 'authors.bio'])
    .select(mediaColumns)
}

function toTag(r: { id: number; edition_id: number; slug: string; name: string }): Tag {
  return { id: r.id, editionId: r.edition_id, slug: r.slug, name: r.name }
}

type AuthorRow = {
  id: number
  edition_id: number
  slug: string
  name: string
  bio: string
} & Parameters<typeof toMediaView>[0]

function toAuthor(r: AuthorRow): Author {
  return {
    id: r.id,
    editionId: r.edition_id,
    slug: r.slug,
    name: r.name,
    bio: r.bio,
    photo: toMediaView(r),
  }
}

export function createTaxonomyWrites(db: Db) {
  return {
    insertEdition: (values: Insertable<EditionTable>) =>
      db.insertInto('editions').values(values).returning('id').executeTakeFirstOrThrow(),
    insertSection: (values: Insertable<SectionTable>) =>
      db.insertInto('sections').values(values).returning('id').executeTakeFirstOrThrow(),
    insertTag: (values: Insertable<TagTable>) =>
      db.insertInto('tags').values(values).returning('id').executeTakeFirstOrThrow(),
    insertAuthor: (values: Insertable<AuthorTable>) =>
      db.insertInto('authors').values(values).returning('id').executeTakeFirstOrThrow(),
    insertMedia: (values: Insertable<MediaAssetTable>) =>
      db.insertInto('media_assets').values(values).returning('id').executeTakeFirstOrThrow(),
  }
}
