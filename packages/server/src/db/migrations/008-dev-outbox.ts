import type { Kysely, Migration } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run before the typed schema exists */
type Db = Kysely<any>;

/**
 * 008: the outbox keeps what each message is for and, for a one-time code, the code and its
 * challenge, so the dev outbox (`GET /api/v1/dev/outbox`) hands them over without anyone reading
 * them out of the Russian text. Messages kept before this are notifications or codes of unknown
 * purpose: they count as notifications.
 */
export const devOutboxMigration: Migration = {
  async up(db: Db) {
    await db.schema
      .alterTable('outbox')
      .addColumn('purpose', 'text', (c) => c.notNull().defaultTo('notification'))
      .execute();
    await db.schema.alterTable('outbox').addColumn('code', 'text').execute();
    await db.schema.alterTable('outbox').addColumn('challenge_id', 'text').execute();
  },
};
