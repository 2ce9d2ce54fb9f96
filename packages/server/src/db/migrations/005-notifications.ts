import type { Kysely, Migration } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run before the typed schema exists */
type Db = Kysely<any>;

/**
 * 005: notification settings. Only what a user changed is stored (a row per kind they touched,
 * and their digest choice); everything else falls back to the defaults in code, so a new kind or
 * a new default needs no data migration.
 */
export const notificationsMigration: Migration = {
  async up(db: Db) {
    await db.schema
      .createTable('notification_settings')
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('in_app', 'integer', (c) => c.notNull())
      .addColumn('sms', 'integer', (c) => c.notNull())
      .addColumn('email', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('notification_settings_pk', ['user_id', 'kind'])
      .execute();
    await db.schema
      .createTable('digest_settings')
      .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id'))
      .addColumn('period', 'text', (c) => c.notNull())
      .execute();
  },
};
