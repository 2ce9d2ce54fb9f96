import type { Kysely, Migration } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run before the typed schema exists */
type Db = Kysely<any>;

/**
 * 009: one person, one record. A second parent who registers a child already on the diary (the
 * same SNILS) files a claim that the child's school confirms, instead of making a second card.
 */
export const privacyMigration: Migration = {
  async up(db: Db) {
    await db.schema
      .createTable('guardian_claims')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('child_id', 'text', (c) => c.notNull().references('children.id'))
      .addColumn('parent_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('decided_by', 'text')
      .addColumn('decided_at', 'text')
      .addUniqueConstraint('guardian_claims_child_parent', ['child_id', 'parent_id'])
      .execute();
  },
};
