// The content model: editions, sections, tags, authors, media assets, articles and their links.
import { type Kysely, sql } from 'kysely'
import { columnTypes } from '../dialect.ts'

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db)

  await db.schema
    .createTable('editions')
    .addColumn('id', t.id, t.idConstraint)
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull().defaultTo('ltr'))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('editions_code_key', ['code'])
    .addCheckConstraint('editions_direction_check', sql`direction in ('ltr', 'rtl')`)
    .execute()

  await db.schema
    .createTable('media_assets')
    .addColumn('id', t.id, t.idConstraint)
    .addColumn('file', 'text', (c) => c.notNull())
    .addColumn('mime_type', 'text', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('caption', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('credit', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('alt', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('focal_x', 'real', (c) => c.notNull().defaultTo(0.5))
    .addColumn('focal_y', 'real', (c) => c.notNull().defaultTo(0.5))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('sections')
    .addColumn('id', t.id, t.idConstraint)
    .addColumn('edition_id', 'integer', (c) =>
      c.notNull().references('editions.id').onDelete('cascade'),
    )
    .addColumn('parent_id', 'integer', (c) => c.references('sections.id').onDelete('set null'))
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('sections_edition_slug_key', ['edition_id', 'slug'])
    .execute()

  await db.schema
    .createTable('tags')
    .addColumn('id', t.id, t.idConstraint)
    .addColumn('edition_id', 'integer', (c) =>
      c.notNull().references('editions.id').onDelete('cascade'),
    )
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addUniqueConstraint('tags_edition_slug_key', ['edition_id', 'slug'])
    .execute()

  await db.schema
    .createTable('authors')
    .addColumn('id', t.id, t.idConstraint)
    .addColumn('edition_id', 'integer', (c) =>
      c.notNull().references('editions.id').onDelete('cascade'),
    )
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('bio', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('photo_media_id', 'integer', (c) =>
      c.references('media_assets.id').onDelete('set null'),
    )
    .addUniqueConstraint('authors_edition_slug_key', ['edition_id', 'slug'])
    .execute()

  await db.schema
    .createTable('articles')
    .addColumn('id', t.id, t.idConstraint)
    .addColumn('edition_id', 'integer', (c) => c.notNull().references('editions.id'))
    .addColumn('section_id', 'integer', (c) => c.notNull().references('sections.id'))
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('headline', 'text', (c) => c.notNull())
    .addColumn('dek', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('dateline_place', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('source', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body', t.json, (c) => c.notNull())
    .addColumn('lead_media_id', 'integer', (c) =>
      c.references('media_assets.id').onDelete('set null'),
    )
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('breaking', t.flag, (c) => c.notNull().defaultTo(t.falseValue))
    .addColumn('translation_group', 'text')
    .addColumn('published_at', t.timestamp)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addCheckConstraint(
      'articles_status_check',
      sql`status in ('draft', 'scheduled', 'published', 'unpublished')`,
    )
    .execute()

  // The list queries: an edition's latest, a section's latest, one story's translations.
  await db.schema
    .createIndex('articles_edition_status_published_idx')
    .on('articles')
    .columns(['edition_id', 'status', 'published_at desc', 'id desc'])
    .execute()
  await db.schema
    .createIndex('articles_section_status_published_idx')
    .on('articles')
    .columns(['section_id', 'status', 'published_at desc', 'id desc'])
    .execute()
  await db.schema
    .createIndex('articles_translation_group_idx')
    .on('articles')
    .column('translation_group')
    .execute()

  for (const [table, other] of [
    ['article_tags', 'tag_id'],
    ['article_authors', 'author_id'],
    ['article_related', 'related_id'],
  ] as const) {
    const target =
      other === 'tag_id' ? 'tags.id' : other === 'author_id' ? 'authors.id' : 'articles.id'
    await db.schema
      .createTable(table)
      .addColumn('article_id', 'integer', (c) =>
        c.notNull().references('articles.id').onDelete('cascade'),
      )
      .addColumn(other, 'integer', (c) => c.notNull().references(target).onDelete('cascade'))
      .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
      .addPrimaryKeyConstraint(`${table}_pkey`, ['article_id', other])
      .execute()
    await db.schema
      .createIndex(`${table}_${other.replace('_id', '')}_idx`)
      .on(table)
      .columns([other, 'article_id'])
      .execute()
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'article_related',
    'article_authors',
    'article_tags',
    'articles',
    'authors',
    'tags',
    'sections',
    'media_assets',
    'editions',
  ]) {
    await db.schema.dropTable(table).execute()
  }
}
