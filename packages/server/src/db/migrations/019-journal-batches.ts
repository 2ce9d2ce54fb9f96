import type { Kysely, Migration } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run before the typed schema exists */
type Db = Kysely<any>;

/**
 * 019: the class journal. A lesson keeps its topic and the weight and kind its marks get (a test
 * lesson), and each journal batch a teacher sent keeps its answer, so sending it again (a lost
 * answer, a reload, a second tab's outbox) changes nothing.
 */
export const journalBatchesMigration: Migration = {
  async up(db: Db) {
    await db.schema.alterTable('lessons').addColumn('topic', 'text').execute();
    await db.schema.alterTable('lessons').addColumn('mark_weight', 'real').execute();
    await db.schema.alterTable('lessons').addColumn('mark_kind', 'text').execute();
    await db.schema
      .createTable('journal_batches')
      .addColumn('teacher_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('lesson_id', 'text', (c) => c.notNull())
      .addColumn('response', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('journal_batches_pk', ['teacher_id', 'id'])
      .execute();
  },
};
