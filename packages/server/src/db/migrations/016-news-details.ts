import type { Kysely, Migration } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run before the typed schema exists */
type Db = Kysely<any>;

/** 016: an event's hours, and a news item's picture with its alt text. */
export const newsDetailsMigration: Migration = {
  async up(db: Db) {
    for (const column of ['start_time', 'end_time', 'image_url', 'image_alt']) {
      await db.schema.alterTable('news').addColumn(column, 'text').execute();
    }
  },
};
