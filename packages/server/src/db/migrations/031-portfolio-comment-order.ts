import type { Kysely, Migration } from 'kysely';
import { engineOf } from '../dialect';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run before the typed schema exists */
type Db = Kysely<any>;

/**
 * 031: a portfolio item's comments are read in the order they were written. Two comments of the
 * same millisecond share `created_at` and their random ids sort at random, so the order comes
 * from insertion: SQLite's `rowid`, and on PostgreSQL a `seq` column (as migration 006 gives the
 * other tables read that way; existing comments are numbered in the order PostgreSQL holds them).
 */
export const portfolioCommentOrderMigration: Migration = {
  async up(db: Db) {
    if (engineOf(db) === 'postgres')
      await db.schema.alterTable('portfolio_comments').addColumn('seq', 'bigserial').execute();
  },
};
