import type { Kysely, Migration } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run before the typed schema exists */
type Db = Kysely<any>;

/**
 * 017: the device (`User-Agent`) and IP address a session signed in from, so its owner can tell
 * their sessions apart in the account's list. Null for sessions opened before.
 */
export const sessionDevicesMigration: Migration = {
  async up(db: Db) {
    await db.schema.alterTable('sessions').addColumn('user_agent', 'text').execute();
    await db.schema.alterTable('sessions').addColumn('ip', 'text').execute();
  },
};
