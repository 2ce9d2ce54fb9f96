import type { Kysely, Migration } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run before the typed schema exists */
type Db = Kysely<any>;

/**
 * 022: a user's quiet hours (SMS and e-mail wait until they end), and an index of the audit log
 * by target, so a mark's history (its audited corrections) is found without a scan.
 */
export const quietHoursMigration: Migration = {
  async up(db: Db) {
    await db.schema
      .createTable('quiet_hours')
      .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id'))
      .addColumn('start_time', 'text', (c) => c.notNull())
      .addColumn('end_time', 'text', (c) => c.notNull())
      .addColumn('time_zone', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('audit_target').on('audit').columns(['target', 'at']).execute();
  },
};
