import type { Kysely, Migration } from 'kysely';
import { engineOf } from '../dialect';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run before the typed schema exists */
type Db = Kysely<any>;

/** Tables read "in the order written" (SQLite answers that with its implicit `rowid`). */
export const INSERTION_ORDERED_TABLES = ['audit', 'notifications', 'ticket_messages'] as const;

/**
 * 006: what several server instances share. Rate-limit counters move from each process's memory
 * into the database (one row per route and client, a fixed window), and on PostgreSQL the tables
 * read in insertion order get the `seq` column that SQLite's `rowid` provides for free.
 */
export const scaleOutMigration: Migration = {
  async up(db: Db) {
    await db.schema
      .createTable('rate_limits')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('count', 'integer', (c) => c.notNull())
      .addColumn('reset_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('rate_limits_reset').on('rate_limits').column('reset_at').execute();
    if (engineOf(db) === 'postgres') {
      for (const table of INSERTION_ORDERED_TABLES)
        await db.schema.alterTable(table).addColumn('seq', 'bigserial').execute();
    }
  },
};
