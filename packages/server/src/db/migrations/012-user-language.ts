import type { Kysely, Migration } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run before the typed schema exists */
type Db = Kysely<any>;

/**
 * 012: each user's language (`ru`, `en`), taken from the browser's `Accept-Language` at
 * registration and at every sign-in, so e-mail and SMS reach them in it. Null: Russian.
 */
export const userLanguageMigration: Migration = {
  async up(db: Db) {
    await db.schema.alterTable('users').addColumn('lang', 'text').execute();
  },
};
