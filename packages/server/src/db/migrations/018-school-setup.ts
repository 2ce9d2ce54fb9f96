import type { Kysely, Migration } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run before the typed schema exists */
type Db = Kysely<any>;

/**
 * 018: a school runs its own roster. A roster entry keeps the pupil's middle name, number in the
 * class list, the id in the school's own records (imports match on it) and the day they left;
 * a class name is unique in a school year, a subject name in a school.
 */
export const schoolSetupMigration: Migration = {
  async up(db: Db) {
    await db.schema.alterTable('roster').addColumn('middle_name', 'text').execute();
    await db.schema.alterTable('roster').addColumn('list_number', 'integer').execute();
    await db.schema.alterTable('roster').addColumn('external_id', 'text').execute();
    await db.schema.alterTable('roster').addColumn('left_at', 'text').execute();
    await db.schema
      .createIndex('roster_school_external_id')
      .unique()
      .on('roster')
      .columns(['school_id', 'external_id'])
      .execute();
    await db.schema
      .createIndex('classes_school_year_name')
      .unique()
      .on('classes')
      .columns(['school_id', 'school_year', 'name'])
      .execute();
    await db.schema
      .createIndex('subjects_school_name')
      .unique()
      .on('subjects')
      .columns(['school_id', 'name'])
      .execute();
  },
};
