import type { Kysely, Migration } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run before the typed schema exists */
type Db = Kysely<any>;

/**
 * 024: a school's calendar, set by its admins: holidays of a school year, the bell schedule, the
 * final-mark rounding thresholds, and each class's repeating week of lessons with its exceptions
 * (kept as the JSON the admin sent; lessons are made from it on request).
 */
export const schoolCalendarMigration: Migration = {
  async up(db: Db) {
    await db.schema
      .createTable('holidays')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('school_year_id', 'text', (c) => c.notNull().references('school_years.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('start_date', 'text', (c) => c.notNull())
      .addColumn('end_date', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('holidays_school_year')
      .on('holidays')
      .column('school_year_id')
      .execute();
    await db.schema
      .createTable('bells')
      .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id'))
      .addColumn('number', 'integer', (c) => c.notNull())
      .addColumn('start_time', 'text', (c) => c.notNull())
      .addColumn('end_time', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('bells_pk', ['school_id', 'number'])
      .execute();
    await db.schema
      .createTable('final_mark_rounding')
      .addColumn('school_id', 'text', (c) => c.primaryKey().references('schools.id'))
      .addColumn('five', 'real', (c) => c.notNull())
      .addColumn('four', 'real', (c) => c.notNull())
      .addColumn('three', 'real', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('timetable_templates')
      .addColumn('class_id', 'text', (c) => c.primaryKey().references('classes.id'))
      .addColumn('template', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
  },
};
