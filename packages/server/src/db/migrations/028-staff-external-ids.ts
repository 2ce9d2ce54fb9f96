import type { Kysely, Migration } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run before the typed schema exists */
type Db = Kysely<any>;

/**
 * 028: a staff member's id in the school's own records (a OneRoster `sourcedId`), which imports
 * match teachers and admins on, one per school.
 */
export const staffExternalIdsMigration: Migration = {
  async up(db: Db) {
    await db.schema.alterTable('users').addColumn('external_id', 'text').execute();
    await db.schema
      .createIndex('users_school_external_id')
      .on('users')
      .columns(['school_id', 'external_id'])
      .unique()
      .execute();
  },
};
