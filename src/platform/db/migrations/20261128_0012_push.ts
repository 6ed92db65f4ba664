// Web push: browsers' subscriptions per edition, the sections and tags each follows besides
// breaking news, and the stories pushed already (each alert once per story ever).
import { type Kysely, sql } from 'kysely'
import { columnTypes } from '../dialect.ts'

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db)

  await db.schema
    .createTable('push_subscriptions')
    .addColumn('id', t.id, t.idConstraint)
    .addColumn('edition_id', 'integer', (c) =>
      c.notNull().references('editions.id').onDelete('cascade'),
    )
    .addColumn('endpoint', 'text', (c) => c.notNull())
    // The browser's P-256 public key and auth secret, base64url: what each push is encrypted to.
    .addColumn('p256dh', 'text', (c) => c.notNull())
    .addColumn('auth', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addUniqueConstraint('push_subscriptions_endpoint_key', ['endpoint'])
    .execute()
  await db.schema
    .createIndex('push_subscriptions_edition_idx')
    .on('push_subscriptions')
    .columns(['edition_id', 'id'])
    .execute()

  await db.schema
    .createTable('push_subscription_topics')
    .addColumn('subscription_id', 'integer', (c) =>
      c.notNull().references('push_subscriptions.id').onDelete('cascade'),
    )
    // "section:{id}" or "tag:{id}".
    .addColumn('topic', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('push_subscription_topics_pkey', ['subscription_id', 'topic'])
    .execute()
  await db.schema
    .createIndex('push_subscription_topics_topic_idx')
    .on('push_subscription_topics')
    .columns(['topic', 'subscription_id'])
    .execute()

  await db.schema
    .createTable('push_alerts')
    .addColumn('article_id', 'integer', (c) =>
      c.notNull().references('articles.id').onDelete('cascade'),
    )
    // 'breaking': to every subscription of the edition; 'topics': to those following its section or tags.
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('push_alerts_pkey', ['article_id', 'audience'])
    .addCheckConstraint('push_alerts_audience_check', sql`audience in ('breaking', 'topics')`)
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('push_alerts').execute()
  await db.schema.dropTable('push_subscription_topics').execute()
  await db.schema.dropTable('push_subscriptions').execute()
}
