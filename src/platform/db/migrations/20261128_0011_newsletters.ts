// Newsletters: subscribers per edition and their lists, confirmation tokens, addresses never to
// mail again, each edition's digest time, issues (one per edition, list and day or story) and the
// record of every send, so nobody gets one issue twice.
import { type Kysely, sql } from 'kysely'
import { columnTypes } from '../dialect.ts'

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db)

  await db.schema
    .createTable('newsletter_subscribers')
    .addColumn('id', t.id, t.idConstraint)
    .addColumn('edition_id', 'integer', (c) =>
      c.notNull().references('editions.id').onDelete('cascade'),
    )
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('reader_id', 'integer', (c) => c.references('readers.id').onDelete('set null'))
    .addColumn('digest', t.flag, (c) => c.notNull().defaultTo(t.falseValue))
    .addColumn('breaking', t.flag, (c) => c.notNull().defaultTo(t.falseValue))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    // When the subscriber agreed: the confirmation, or the date an import brought along.
    .addColumn('consent_at', t.timestamp)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('unsubscribed_at', t.timestamp)
    .addUniqueConstraint('newsletter_subscribers_email_key', ['edition_id', 'email'])
    .addCheckConstraint(
      'newsletter_subscribers_status_check',
      sql`status in ('pending', 'confirmed', 'unsubscribed', 'bounced')`,
    )
    .execute()
  await db.schema
    .createIndex('newsletter_subscribers_edition_idx')
    .on('newsletter_subscribers')
    .columns(['edition_id', 'status', 'id'])
    .execute()
  await db.schema
    .createIndex('newsletter_subscribers_email_idx')
    .on('newsletter_subscribers')
    .column('email')
    .execute()

  await db.schema
    .createTable('newsletter_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('subscriber_id', 'integer', (c) =>
      c.notNull().references('newsletter_subscribers.id').onDelete('cascade'),
    )
    // The lists the confirmation turns on: "digest,breaking".
    .addColumn('lists', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('expires_at', t.timestamp, (c) => c.notNull())
    .addColumn('used_at', t.timestamp)
    .execute()
  await db.schema
    .createIndex('newsletter_tokens_subscriber_idx')
    .on('newsletter_tokens')
    .column('subscriber_id')
    .execute()

  await db.schema
    .createTable('newsletter_suppressions')
    .addColumn('email', 'text', (c) => c.primaryKey())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addCheckConstraint(
      'newsletter_suppressions_reason_check',
      sql`reason in ('bounce', 'complaint')`,
    )
    .execute()

  await db.schema
    .createTable('newsletter_settings')
    .addColumn('edition_id', 'integer', (c) =>
      c.primaryKey().references('editions.id').onDelete('cascade'),
    )
    // Local time of the daily digest in the edition's time zone: "07:00".
    .addColumn('digest_time', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('newsletter_issues')
    .addColumn('id', t.id, t.idConstraint)
    .addColumn('edition_id', 'integer', (c) =>
      c.notNull().references('editions.id').onDelete('cascade'),
    )
    .addColumn('list', 'text', (c) => c.notNull())
    // The local day of a digest ("2026-02-14") or the story of an alert ("story:42").
    .addColumn('issue_key', 'text', (c) => c.notNull())
    .addColumn('article_id', 'integer')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('content', t.json)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addUniqueConstraint('newsletter_issues_key', ['edition_id', 'list', 'issue_key'])
    .addCheckConstraint('newsletter_issues_list_check', sql`list in ('digest', 'breaking')`)
    .execute()

  await db.schema
    .createTable('newsletter_sends')
    .addColumn('issue_id', 'integer', (c) =>
      c.notNull().references('newsletter_issues.id').onDelete('cascade'),
    )
    .addColumn('subscriber_id', 'integer', (c) =>
      c.notNull().references('newsletter_subscribers.id').onDelete('cascade'),
    )
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('sent_at', t.timestamp)
    .addPrimaryKeyConstraint('newsletter_sends_pkey', ['issue_id', 'subscriber_id'])
    .addCheckConstraint(
      'newsletter_sends_status_check',
      sql`status in ('sending', 'sent', 'failed')`,
    )
    .execute()
  await db.schema
    .createIndex('newsletter_sends_subscriber_idx')
    .on('newsletter_sends')
    .column('subscriber_id')
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'newsletter_sends',
    'newsletter_issues',
    'newsletter_settings',
    'newsletter_suppressions',
    'newsletter_tokens',
    'newsletter_subscribers',
  ])
    await db.schema.dropTable(table).execute()
}
