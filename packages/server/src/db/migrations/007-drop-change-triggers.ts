import { sql, type Kysely, type Migration } from 'kysely';
import { engineOf } from '../dialect';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run before the typed schema exists */
type Db = Kysely<any>;

/**
 * 007: on PostgreSQL, drops the `diary_changed` statement triggers (and their function) that
 * earlier versions installed on every table at start to notify `diary_changes` on each commit.
 * Nothing listens to that channel any more: reads revalidate against the `versions` table.
 */
export const dropChangeTriggersMigration: Migration = {
  async up(db: Db) {
    if (engineOf(db) !== 'postgres') return;
    const tables = await sql<{ name: string }>`
      select c.relname as name from pg_trigger t
      join pg_class c on c.oid = t.tgrelid
      join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = current_schema() and t.tgname = 'diary_changed'`.execute(db);
    for (const { name } of tables.rows)
      await sql`drop trigger if exists diary_changed on ${sql.id(name)}`.execute(db);
    await sql`drop function if exists diary_changed()`.execute(db);
  },
};
