import type { Kysely, Migration } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run before the typed schema exists */
type Db = Kysely<any>;

/**
 * 036: a school year's and a period's id in the school's own records (a OneRoster academic
 * session's `sourcedId`), which imports match them on; a year's is unique in its school.
 */
export const calendarExternalIdsMigration: Migration = {
  async up(db: Db) {
    await db.schema.alterTable('school_years').addColumn('external_id', 'text').execute();
    await db.schema.alterTable('periods').addColumn('external_id', 'text').execute();
    await db.schema
      .createIndex('school_years_school_external_id')
      .on('school_years')
      .columns(['school_id', 'external_id'])
      .unique()
      .execute();
  },
};
