import type { Kysely, Migration } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run before the typed schema exists */
type Db = Kysely<any>;

/**
 * 014: homework ticked «сделано», per child (by a parent or the pupil), so the family's list shows
 * what is done and what is overdue.
 */
export const homeworkDoneMigration: Migration = {
  async up(db: Db) {
    await db.schema
      .createTable('homework_done')
      .addColumn('child_id', 'text', (c) => c.notNull().references('children.id'))
      .addColumn('homework_id', 'text', (c) => c.notNull().references('homework.id'))
      .addColumn('done_by', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('done_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('homework_done_pk', ['child_id', 'homework_id'])
      .execute();
    await db.schema
      .createIndex('homework_done_homework')
      .on('homework_done')
      .column('homework_id')
      .execute();
  },
};
