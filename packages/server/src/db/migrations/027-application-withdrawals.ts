import type { Kysely, Migration } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run before the typed schema exists */
type Db = Kysely<any>;

/**
 * 027: why a step of an application's history was taken, as a code (`child_unlinked` when the
 * parent's unlink or change of school withdrew it), and an index of applications by child and
 * school, which the withdrawal reads inside the unlink's transaction.
 */
export const applicationWithdrawalsMigration: Migration = {
  async up(db: Db) {
    await db.schema.alterTable('application_history').addColumn('reason_code', 'text').execute();
    await db.schema
      .createIndex('applications_child_school')
      .on('applications')
      .columns(['child_id', 'school_id'])
      .execute();
  },
};
