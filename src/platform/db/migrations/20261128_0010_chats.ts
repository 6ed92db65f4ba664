// Chat rooms: rooms per edition with their settings, messages, reactions, each room's moderators
// and approved writers, mutes and bans, and the log of every moderation action.
import { type Kysely, sql } from 'kysely'
import { columnTypes } from '../dialect.ts'

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db)

  await db.schema
    .createTable('chat_rooms')
    .addColumn('id', t.id, t.idConstraint)
    .addColumn('edition_id', 'integer', (c) =>
      c.notNull().references('editions.id').onDelete('cascade'),
    )
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('section_id', 'integer', (c) => c.references('sections.id').onDelete('set null'))
    .addColumn('tag_id', 'integer', (c) => c.references('tags.id').onDelete('set null'))
    .addColumn('write_policy', 'text', (c) => c.notNull().defaultTo('readers'))
    .addColumn('slow_mode_seconds', 'integer', (c) => c.notNull().defaultTo(0))
    // One word or phrase per line, added to the edition's community word lists.
    .addColumn('banned_words', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('suspect_words', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('archived_at', t.timestamp)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addUniqueConstraint('chat_rooms_edition_slug_key', ['edition_id', 'slug'])
    .addCheckConstraint('chat_rooms_kind_check', sql`kind in ('general', 'topic')`)
    .addCheckConstraint(
      'chat_rooms_write_policy_check',
      sql`write_policy in ('readers', 'approved')`,
    )
    .execute()

  await db.schema
    .createTable('chat_messages')
    .addColumn('id', t.id, t.idConstraint)
    .addColumn('room_id', 'integer', (c) =>
      c.notNull().references('chat_rooms.id').onDelete('cascade'),
    )
    .addColumn('reader_id', 'integer', (c) => c.references('readers.id').onDelete('set null'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('reply_to_id', 'integer', (c) =>
      c.references('chat_messages.id').onDelete('set null'),
    )
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('deleted_at', t.timestamp)
    .addColumn('deleted_by', 'text')
    .execute()
  await db.schema
    .createIndex('chat_messages_room_idx')
    .on('chat_messages')
    .columns(['room_id', 'id'])
    .execute()
  await db.schema
    .createIndex('chat_messages_reader_idx')
    .on('chat_messages')
    .columns(['reader_id', 'id'])
    .execute()

  await db.schema
    .createTable('chat_reactions')
    .addColumn('message_id', 'integer', (c) =>
      c.notNull().references('chat_messages.id').onDelete('cascade'),
    )
    .addColumn('reader_id', 'integer', (c) =>
      c.notNull().references('readers.id').onDelete('cascade'),
    )
    .addColumn('emoji', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('chat_reactions_pkey', ['message_id', 'reader_id', 'emoji'])
    .execute()

  for (const table of ['chat_room_moderators', 'chat_room_writers'])
    await db.schema
      .createTable(table)
      .addColumn('room_id', 'integer', (c) =>
        c.notNull().references('chat_rooms.id').onDelete('cascade'),
      )
      .addColumn('reader_id', 'integer', (c) =>
        c.notNull().references('readers.id').onDelete('cascade'),
      )
      .addPrimaryKeyConstraint(`${table}_pkey`, ['room_id', 'reader_id'])
      .execute()

  await db.schema
    .createTable('chat_sanctions')
    .addColumn('room_id', 'integer', (c) =>
      c.notNull().references('chat_rooms.id').onDelete('cascade'),
    )
    .addColumn('reader_id', 'integer', (c) =>
      c.notNull().references('readers.id').onDelete('cascade'),
    )
    .addColumn('kind', 'text', (c) => c.notNull())
    // Null: until lifted.
    .addColumn('until', t.timestamp)
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('chat_sanctions_pkey', ['room_id', 'reader_id', 'kind'])
    .addCheckConstraint('chat_sanctions_kind_check', sql`kind in ('mute', 'ban')`)
    .execute()

  await db.schema
    .createTable('chat_moderation_log')
    .addColumn('id', t.id, t.idConstraint)
    .addColumn('room_id', 'integer', (c) =>
      c.notNull().references('chat_rooms.id').onDelete('cascade'),
    )
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('actor_kind', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    // No foreign keys: the log outlives the readers and messages it speaks of.
    .addColumn('reader_id', 'integer')
    .addColumn('message_id', 'integer')
    .addColumn('detail', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addCheckConstraint('chat_moderation_log_actor_check', sql`actor_kind in ('staff', 'reader')`)
    .execute()
  await db.schema
    .createIndex('chat_moderation_log_room_idx')
    .on('chat_moderation_log')
    .columns(['room_id', 'id'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'chat_moderation_log',
    'chat_sanctions',
    'chat_room_writers',
    'chat_room_moderators',
    'chat_reactions',
    'chat_messages',
    'chat_rooms',
  ])
    await db.schema.dropTable(table).execute()
}
