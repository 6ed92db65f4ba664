// The newsroom: staff and their sessions, invitations, the audit log, revisions, presence,
// corrections, the jobs table, settings, rate-limit counters, and the "in review" story status.
import { type Kysely, sql } from 'kysely'
import { columnTypes, dialectOf } from '../dialect.ts'

const OLD_STATUSES = "'draft', 'scheduled', 'published', 'unpublished'"
const NEW_STATUSES = "'draft', 'in_review', 'scheduled', 'published', 'unpublished'"

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db)

  await db.schema
    .createTable('staff')
    .addColumn('id', t.id, t.idConstraint)
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('owner', t.flag, (c) => c.notNull().defaultTo(t.falseValue))
    .addColumn('disabled', t.flag, (c) => c.notNull().defaultTo(t.falseValue))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('password_changed_at', t.timestamp, (c) => c.notNull())
    .addUniqueConstraint('staff_email_key', ['email'])
    .addCheckConstraint(
      'staff_role_check',
      sql`role in ('contributor', 'author', 'editor', 'admin')`,
    )
    .execute()

  await db.schema
    .createTable('staff_sessions')
    // The SHA-256 of the cookie's token: a leaked table does not sign anyone in.
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('staff_id', 'integer', (c) => c.notNull().references('staff.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('user_agent', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('last_seen_at', t.timestamp, (c) => c.notNull())
    .addColumn('expires_at', t.timestamp, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('staff_sessions_staff_idx')
    .on('staff_sessions')
    .column('staff_id')
    .execute()

  await db.schema
    .createTable('staff_invitations')
    .addColumn('id', t.id, t.idConstraint)
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('invited_by', 'integer', (c) => c.references('staff.id').onDelete('set null'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('expires_at', t.timestamp, (c) => c.notNull())
    .addColumn('accepted_at', t.timestamp)
    .addUniqueConstraint('staff_invitations_token_key', ['token_hash'])
    .execute()

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('window_start', t.timestamp, (c) => c.notNull())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('audit_log')
    .addColumn('id', t.id, t.idConstraint)
    .addColumn('staff_id', 'integer', (c) => c.references('staff.id').onDelete('set null'))
    .addColumn('action', 'text', (c) => c.notNull())
    // No foreign key: the record of what was done to a story outlives the story.
    .addColumn('article_id', 'integer')
    .addColumn('detail', t.json, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('audit_log_article_idx')
    .on('audit_log')
    .columns(['article_id', 'id'])
    .execute()

  await db.schema
    .createTable('article_revisions')
    .addColumn('id', t.id, t.idConstraint)
    .addColumn('article_id', 'integer', (c) =>
      c.notNull().references('articles.id').onDelete('cascade'),
    )
    .addColumn('staff_id', 'integer', (c) => c.references('staff.id').onDelete('set null'))
    .addColumn('snapshot', t.json, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('article_revisions_article_idx')
    .on('article_revisions')
    .columns(['article_id', 'id'])
    .execute()

  await db.schema
    .createTable('article_presence')
    .addColumn('article_id', 'integer', (c) =>
      c.notNull().references('articles.id').onDelete('cascade'),
    )
    .addColumn('staff_id', 'integer', (c) => c.notNull().references('staff.id').onDelete('cascade'))
    .addColumn('seen_at', t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('article_presence_pkey', ['article_id', 'staff_id'])
    .execute()

  await db.schema
    .createTable('corrections')
    .addColumn('id', t.id, t.idConstraint)
    .addColumn('article_id', 'integer', (c) =>
      c.notNull().references('articles.id').onDelete('cascade'),
    )
    .addColumn('staff_id', 'integer', (c) => c.references('staff.id').onDelete('set null'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('corrections_article_idx')
    .on('corrections')
    .columns(['article_id', 'id'])
    .execute()

  await db.schema
    .createTable('jobs')
    .addColumn('id', t.id, t.idConstraint)
    .addColumn('kind', 'text', (c) => c.notNull())
    // Names a job so it can be cancelled or replaced: "publish:42".
    .addColumn('key', 'text')
    .addColumn('payload', t.json, (c) => c.notNull())
    .addColumn('run_at', t.timestamp, (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('done_at', t.timestamp)
    .addColumn('last_error', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('jobs_due_idx')
    .on('jobs')
    .column('run_at')
    .where(sql.ref('done_at'), 'is', null)
    .execute()
  // At most one pending job per kind and key: a story has one scheduled publication.
  await db.schema
    .createIndex('jobs_pending_key_idx')
    .on('jobs')
    .columns(['kind', 'key'])
    .unique()
    .where(sql.ref('done_at'), 'is', null)
    .execute()

  await db.schema
    .alterTable('articles')
    .addColumn('created_by', 'integer', (c) => c.references('staff.id').onDelete('set null'))
    .execute()
  await db.schema
    .alterTable('media_assets')
    .addColumn('original_name', 'text', (c) => c.notNull().defaultTo(''))
    .execute()
  await db.schema
    .alterTable('media_assets')
    .addColumn('size_bytes', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await db.schema
    .alterTable('media_assets')
    .addColumn('uploaded_by', 'integer', (c) => c.references('staff.id').onDelete('set null'))
    .execute()

  await allowStatuses(db, OLD_STATUSES, NEW_STATUSES)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`update articles set status = 'draft' where status = 'in_review'`.execute(db)
  await allowStatuses(db, NEW_STATUSES, OLD_STATUSES)
  await db.schema.alterTable('media_assets').dropColumn('uploaded_by').execute()
  await db.schema.alterTable('media_assets').dropColumn('size_bytes').execute()
  await db.schema.alterTable('media_assets').dropColumn('original_name').execute()
  await db.schema.alterTable('articles').dropColumn('created_by').execute()
  for (const table of [
    'jobs',
    'corrections',
    'article_presence',
    'article_revisions',
    'audit_log',
    'rate_limits',
    'settings',
    'staff_invitations',
    'staff_sessions',
    'staff',
  ])
    await db.schema.dropTable(table).execute()
}

async function allowStatuses(db: Kysely<unknown>, from: string, to: string): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    await sql`alter table articles drop constraint articles_status_check`.execute(db)
    await sql`alter table articles add constraint articles_status_check check (status in (${sql.raw(to)}))`.execute(
      db,
    )
    return
  }
  // SQLite cannot change a CHECK constraint: rebuild the table the documented way, with foreign
  // keys off so that dropping the old table neither cascades nor breaks the tables pointing at it.
  await sql`pragma foreign_keys = off`.execute(db)
  try {
    await db.transaction().execute(async (trx) => {
      const table = await sql<{ sql: string }>`
        select sql from sqlite_schema where type = 'table' and name = 'articles'`.execute(trx)
      const indexes = await sql<{ sql: string }>`
        select sql from sqlite_schema
        where type = 'index' and tbl_name = 'articles' and sql is not null`.execute(trx)
      const ddl = table.rows[0]?.sql ?? ''
      if (!ddl.includes(from)) throw new Error('articles: the status constraint is not as expected')
      const rebuilt = ddl
        .replace(from, to)
        .replace(/^CREATE TABLE "?articles"?/i, 'CREATE TABLE articles_rebuilt')
      await sql.raw(rebuilt).execute(trx)
      await sql`insert into articles_rebuilt select * from articles`.execute(trx)
      await sql`drop table articles`.execute(trx)
      await sql`alter table articles_rebuilt rename to articles`.execute(trx)
      for (const index of indexes.rows) await sql.raw(index.sql).execute(trx)
      const broken = await sql`pragma foreign_key_check`.execute(trx)
      if (broken.rows.length > 0) throw new Error('articles: foreign keys broken by the rebuild')
    })
  } finally {
    await sql`pragma foreign_keys = on`.execute(db)
  }
}
