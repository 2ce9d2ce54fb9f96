import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { migrateToLatest } from './migrations';
import type { Database } from './schema';
import { cachedStatements } from './statement-cache';

/** An open diary database: the typed query layer and the engine handle for backups. */
export interface DiaryDatabase {
  readonly db: Kysely<Database>;
  readonly engine: 'sqlite';
  /** The underlying better-sqlite3 handle (backups, pragmas). */
  readonly sqlite: SQLite.Database;
  close(): Promise<void>;
}

/** Options for {@link openSqlite}. */
export interface OpenSqliteOptions {
  /** `synchronous=FULL` fsyncs every commit (survives power loss); NORMAL survives a process crash. */
  readonly durability?: 'normal' | 'full';
}

/**
 * Opens (creating if needed) a SQLite database file in WAL mode with foreign keys on, and runs
 * the migrations to the latest version.
 */
export async function openSqlite(
  file: string,
  options: OpenSqliteOptions = {},
): Promise<DiaryDatabase> {
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`synchronous = ${options.durability === 'full' ? 'FULL' : 'NORMAL'}`);
  sqlite.pragma('busy_timeout = 5000');
  // Statements are kept per SQL text: Kysely asks better-sqlite3 to prepare every query anew.
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: cachedStatements(sqlite) }),
  });
  await migrateToLatest(db);
  return {
    db,
    engine: 'sqlite',
    sqlite,
    async close() {
      await db.destroy();
    },
  };
}
