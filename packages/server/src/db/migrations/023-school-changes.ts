import type { Kysely, Migration } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run before the typed schema exists */
type Db = Kysely<any>;

/**
 * 023: a parent's pending change of a child's schools (link, unlink, or move to another school),
 * made only once the SMS code sent for it (`challenge_id`) is confirmed.
 */
export const schoolChangesMigration: Migration = {
  async up(db: Db) {
    await db.schema
      .createTable('school_changes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('challenge_id', 'text', (c) => c.notNull().unique())
      .addColumn('child_id', 'text', (c) => c.notNull().references('children.id'))
      .addColumn('parent_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('link_id', 'text')
      .addColumn('school_code', 'text')
      .addColumn('roster_id', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('done_at', 'text')
      .execute();
  },
};
