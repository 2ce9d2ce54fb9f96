import { sql, type Kysely, type Migration } from 'kysely';

/** Migrations run before the typed schema exists, and schema changes need no table types. */
type Db = Kysely<unknown>;

async function chatTables(db: Db): Promise<void> {
  await db.schema
    .createTable('threads')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('child_id', 'text', (c) => c.notNull().references('children.id'))
    .addColumn('teacher_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('participant_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('subject_id', 'text', (c) => c.references('subjects.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_message_at', 'text')
    .execute();
  // One thread per child, teacher, family member and subject (or none): a second open returns it.
  await sql`create unique index threads_pair on threads
    (child_id, teacher_id, participant_id, coalesce(subject_id, ''))`.execute(db);
  await db.schema.createIndex('threads_teacher').on('threads').column('teacher_id').execute();
  await db.schema
    .createIndex('threads_participant')
    .on('threads')
    .column('participant_id')
    .execute();
  await db.schema
    .createTable('messages')
    .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('thread_id', 'text', (c) => c.notNull().references('threads.id'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('author_role', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    // The client-chosen id is unique per author: a replay is found, another author's id is not.
    .addUniqueConstraint('messages_author_id', ['author_id', 'id'])
    .execute();
  await db.schema
    .createIndex('messages_thread')
    .on('messages')
    .columns(['thread_id', 'seq'])
    .execute();
  await db.schema
    .createTable('message_reads')
    .addColumn('message_seq', 'integer', (c) => c.notNull().references('messages.seq'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('read_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('message_reads_pk', ['message_seq', 'user_id'])
    .execute();
  await db.schema
    .createIndex('message_reads_user')
    .on('message_reads')
    .columns(['user_id', 'message_seq'])
    .execute();
}

async function attachmentTables(db: Db): Promise<void> {
  await db.schema
    .createTable('attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('storage_path', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    // What claimed the upload (`message`, `portfolio`, `homework`); null while unattached.
    .addColumn('attached_to', 'text')
    .execute();
  await db.schema
    .createIndex('attachments_unattached')
    .on('attachments')
    .columns(['attached_to', 'created_at'])
    .execute();
  await db.schema
    .createTable('message_attachments')
    .addColumn('message_seq', 'integer', (c) => c.notNull().references('messages.seq'))
    .addColumn('attachment_id', 'text', (c) => c.notNull().unique().references('attachments.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('message_attachments_pk', ['message_seq', 'attachment_id'])
    .execute();
}

async function familyTables(db: Db): Promise<void> {
  await db.schema
    .createTable('portfolio_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('child_id', 'text', (c) => c.notNull().references('children.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.references('subjects.id'))
    .addColumn('period_id', 'text')
    .addColumn('level', 'text')
    .addColumn('attachment_id', 'text', (c) => c.unique().references('attachments.id'))
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('portfolio_items_child')
    .on('portfolio_items')
    .columns(['child_id', 'date'])
    .execute();
  await db.schema
    .createTable('portfolio_comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().references('portfolio_items.id'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('portfolio_comments_item')
    .on('portfolio_comments')
    .column('item_id')
    .execute();
  await db.schema
    .createTable('news')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('event_date', 'text')
    .addColumn('location', 'text')
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('published_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('news_school')
    .on('news')
    .columns(['school_id', 'published_at'])
    .execute();
  await db.schema
    .createTable('journal_notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('child_id', 'text', (c) => c.notNull().references('children.id'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('plan', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('journal_notes_author_child')
    .on('journal_notes')
    .columns(['author_id', 'child_id', 'date'])
    .execute();
}

/**
 * 004: chat with teachers (threads, messages with client-chosen ids, read receipts), uploaded
 * attachments, portfolio items with teachers' comments, school news, and parents' private notes.
 */
export const chatMigration: Migration = {
  async up(db: Db) {
    await chatTables(db);
    await attachmentTables(db);
    await familyTables(db);
  },
};
