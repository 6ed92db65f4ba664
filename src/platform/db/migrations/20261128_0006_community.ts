// Readers and their comments: accounts, sessions, one-time tokens, comments with likes and reports,
// moderation log, each edition's comment settings, and a story's comment mode and count.
import { type Kysely, sql } from 'kysely'
import { columnTypes } from '../dialect.ts'

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db)

  await db.schema
    .createTable('readers')
    .addColumn('id', t.id, t.idConstraint)
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('edition_id', 'integer', (c) => c.references('editions.id').onDelete('set null'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('confirmed_at', t.timestamp)
    // Set when a moderator first approves one of their comments: until then new comments wait.
    .addColumn('trusted_at', t.timestamp)
    .addColumn('muted_until', t.timestamp)
    .addColumn('banned_at', t.timestamp)
    .addColumn('standing_reason', 'text', (c) => c.notNull().defaultTo(''))
    .addUniqueConstraint('readers_email_key', ['email'])
    .execute()

  await db.schema
    .createTable('reader_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('reader_id', 'integer', (c) =>
      c.notNull().references('readers.id').onDelete('cascade'),
    )
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('last_seen_at', t.timestamp, (c) => c.notNull())
    .addColumn('expires_at', t.timestamp, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('reader_sessions_reader_idx')
    .on('reader_sessions')
    .column('reader_id')
    .execute()

  await db.schema
    .createTable('reader_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('reader_id', 'integer', (c) =>
      c.notNull().references('readers.id').onDelete('cascade'),
    )
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('expires_at', t.timestamp, (c) => c.notNull())
    .addColumn('used_at', t.timestamp)
    .addCheckConstraint('reader_tokens_purpose_check', sql`purpose in ('confirm', 'reset')`)
    .execute()

  await db.schema
    .createTable('comments')
    .addColumn('id', t.id, t.idConstraint)
    .addColumn('article_id', 'integer', (c) =>
      c.notNull().references('articles.id').onDelete('cascade'),
    )
    .addColumn('reader_id', 'integer', (c) => c.references('readers.id').onDelete('set null'))
    .addColumn('parent_id', 'integer', (c) => c.references('comments.id').onDelete('cascade'))
    .addColumn('depth', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('flags', t.json, (c) => c.notNull())
    .addColumn('like_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('report_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('edited_at', t.timestamp)
    .addCheckConstraint(
      'comments_status_check',
      sql`status in ('visible', 'held', 'rejected', 'deleted')`,
    )
    .execute()
  await db.schema
    .createIndex('comments_article_idx')
    .on('comments')
    .columns(['article_id', 'parent_id', 'id'])
    .execute()
  await db.schema
    .createIndex('comments_status_idx')
    .on('comments')
    .columns(['status', 'id'])
    .execute()
  await db.schema
    .createIndex('comments_reader_idx')
    .on('comments')
    .columns(['reader_id', 'id'])
    .execute()

  await db.schema
    .createTable('comment_likes')
    .addColumn('comment_id', 'integer', (c) =>
      c.notNull().references('comments.id').onDelete('cascade'),
    )
    .addColumn('reader_id', 'integer', (c) =>
      c.notNull().references('readers.id').onDelete('cascade'),
    )
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('comment_likes_pkey', ['comment_id', 'reader_id'])
    .execute()

  await db.schema
    .createTable('comment_reports')
    .addColumn('id', t.id, t.idConstraint)
    .addColumn('comment_id', 'integer', (c) =>
      c.notNull().references('comments.id').onDelete('cascade'),
    )
    .addColumn('reader_id', 'integer', (c) => c.references('readers.id').onDelete('set null'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('resolved_at', t.timestamp)
    .addUniqueConstraint('comment_reports_reader_key', ['comment_id', 'reader_id'])
    .execute()
  await db.schema
    .createIndex('comment_reports_open_idx')
    .on('comment_reports')
    .columns(['resolved_at', 'comment_id'])
    .execute()

  await db.schema
    .createTable('moderation_log')
    .addColumn('id', t.id, t.idConstraint)
    .addColumn('staff_id', 'integer', (c) => c.references('staff.id').onDelete('set null'))
    .addColumn('action', 'text', (c) => c.notNull())
    // No foreign keys: the log outlives the comments and readers it speaks of.
    .addColumn('comment_id', 'integer')
    .addColumn('reader_id', 'integer')
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('community_settings')
    .addColumn('edition_id', 'integer', (c) =>
      c.primaryKey().references('editions.id').onDelete('cascade'),
    )
    .addColumn('settings', t.json, (c) => c.notNull())
    .execute()

  await db.schema.alterTable('articles').addColumn('comment_mode', 'text').execute()
  await db.schema
    .alterTable('articles')
    .addColumn('comment_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('articles').dropColumn('comment_count').execute()
  await db.schema.alterTable('articles').dropColumn('comment_mode').execute()
  for (const table of [
    'community_settings',
    'moderation_log',
    'comment_reports',
    'comment_likes',
    'comments',
    'reader_tokens',
    'reader_sessions',
    'readers',
  ])
    await db.schema.dropTable(table).execute()
}
