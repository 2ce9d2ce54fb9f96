import { closeSync, existsSync, openSync } from 'node:fs';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { sqliteChangeGeneration, type SqliteChangeGeneration } from './change-generation';
import { isPostgresUrl } from './dialect';
import { migrateToLatest } from './migrations';
import type { PostgresDiaryDatabase } from './postgres';
import type { Database } from './schema';
import { cachedStatements } from './statement-cache';

/** An open SQLite diary database: the typed query layer and the engine handle for backups. */
export interface SqliteDiaryDatabase {
  readonly db: Kysely<Database>;
  readonly engine: 'sqlite';
  /** The underlying better-sqlite3 handle (backups, pragmas). */
  readonly sqlite: SQLite.Database;
  /** Moves when anything is written: this connection's writes, or another's commits. */
  readonly changes: SqliteChangeGeneration;
  close(): Promise<void>;
}

/**
 * An open diary database on either engine. Handlers only use `db`; the engine-specific parts
 * (backups, the live-event fan-out across instances) look at `engine`.
 */
export type DiaryDatabase = SqliteDiaryDatabase | PostgresDiaryDatabase;

/** Options for {@link openSqlite}. */
export interface OpenSqliteOptions {
  /** `synchronous=FULL` fsyncs every commit (survives power loss); NORMAL survives a process crash. */
  readonly durability?: 'normal' | 'full';
}

/**
 * Opens (creating if needed, mode 0600) a SQLite database file in WAL mode with foreign keys on, and runs
 * the migrations to the latest version.
 */
export async function openSqlite(
  file: string,
  options: OpenSqliteOptions = {},
): Promise<SqliteDiaryDatabase> {
  // A new database is readable by its owner only (SQLite gives its -wal and -shm the same mode).
  if (file !== ':memory:' && !existsSync(file)) closeSync(openSync(file, 'a', 0o600));
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`synchronous = ${options.durability === 'full' ? 'FULL' : 'NORMAL'}`);
  sqlite.pragma('busy_timeout = 5000');
  // Statements are kept per SQL text: Kysely asks better-sqlite3 to prepare every query anew.
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: cachedStatements(sqlite, 500) }),
  });
  await migrateToLatest(db);
  return {
    db,
    engine: 'sqlite',
    sqlite,
    changes: sqliteChangeGeneration(sqlite),
    async close() {
      await db.destroy();
    },
  };
}

/** Options for {@link openDatabase}. */
export interface OpenDatabaseOptions extends OpenSqliteOptions {
  /** Most PostgreSQL connections this process holds (ignored for SQLite). */
  readonly poolSize?: number;
}

/**
 * Opens the database a `--db` value names: a `postgres://` URL opens a connection pool to
 * PostgreSQL, anything else is a SQLite file. Either way the migrations run to the latest version.
 *
 * @example
 * const database = await openDatabase(process.env.DATABASE_URL ?? './diary.sqlite', { poolSize: 20 });
 */
export async function openDatabase(
  location: string,
  options: OpenDatabaseOptions = {},
): Promise<DiaryDatabase> {
  if (isPostgresUrl(location)) {
    const { openPostgres } = await import('./postgres');
    return openPostgres(location, { poolSize: options.poolSize });
  }
  return openSqlite(location, options);
}
