import type { Kysely, Migration } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run before the typed schema exists */
type Db = Kysely<any>;

/**
 * 026: how many days before a planned test a user's reminder comes (absent: the day before).
 */
export const assessmentRemindersMigration: Migration = {
  async up(db: Db) {
    await db.schema
      .createTable('assessment_reminder_settings')
      .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id'))
      .addColumn('days_before', 'integer', (c) => c.notNull())
      .execute();
  },
};
