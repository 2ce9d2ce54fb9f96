import { copyFileSync, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import type { RestoreOptions } from './cli-args';
import { POSTGRES_BACKUP_ADVICE } from './cli-backup';
import { CliError } from './cli-error';
import { isPostgresUrl } from './db/dialect';
import { ETAG_PREFIX_SETTING } from './read-cache/etag-prefix';
import { formatBytes, removeSidecars, syncFile } from './cli-files';
import { MIGRATIONS } from './db/migrations';

/** What {@link restoreDatabase} did. */
export interface RestoreResult {
  readonly from: string;
  readonly to: string;
  readonly bytes: number;
  readonly users: number;
  /** `damaged`: the old file was not a readable database (so its lock could not be checked). */
  readonly previous: 'none' | 'replaced' | 'damaged';
}

/**
 * Replaces the database with a backup. The backup is copied beside the database first and the
 * copy is checked (`PRAGMA integrity_check`, our tables, no migrations newer than this server);
 * then, unless another process has the database open, its `-wal`/`-shm` are removed and the copy
 * is renamed over it, so the database is either the old file or the whole backup, never a mix.
 *
 * Limits of the "is a server using it" check: it relies on SQLite's POSIX advisory locks, so it
 * sees processes on this machine only (not over NFS or from another host), and a server started
 * in the moment between the check and the rename would keep the old file. Stop the server first.
 *
 * @example
 * restoreDatabase({ from: 'nightly.sqlite', db: 'diary.sqlite' });
 */
export function restoreDatabase(options: RestoreOptions): RestoreResult {
  if (isPostgresUrl(options.db)) throw new CliError(POSTGRES_BACKUP_ADVICE, 'postgres_backup');
  const from = resolve(options.from);
  const to = resolve(options.db);
  if (!existsSync(from)) throw new CliError(`no backup at ${from} (check --from)`, 'no_backup');
  if (from === to) throw new CliError('--from must be another file than --db', 'same_file');
  if (existsSync(`${from}-wal`))
    throw new CliError(
      `${from}-wal exists: that file is in use or was copied without its WAL; make the copy with \`school-diary-server backup\``,
      'live_file',
    );
  const temp = `${to}.restore-${process.pid}`;
  try {
    copyFileSync(from, temp);
    const users = checkBackup(temp, from);
    renewEtagPrefix(temp);
    const previous = existsSync(to) ? claim(to) : 'none';
    removeSidecars(to);
    syncFile(temp);
    renameSync(temp, to);
    syncFile(dirname(to));
    return { from, to, bytes: statSync(to).size, users, previous };
  } finally {
    rmSync(temp, { force: true });
    removeSidecars(temp);
  }
}

/** The lines printed after a restore. */
export function describeRestore(result: RestoreResult): string {
  const before = {
    none: 'there was no database there before',
    replaced: 'the previous database was replaced',
    damaged: 'the previous file was not a readable database and was replaced',
  }[result.previous];
  return [
    `Checked ${result.from}: integrity ok, schema known, ${result.users} users.`,
    `Restored ${result.to} (${formatBytes(result.bytes)}); ${before}.`,
  ].join('\n');
}

/** Checks a copy of a backup; returns its number of users. */
function checkBackup(file: string, shownAs: string): number {
  const db = new SQLite(file, { fileMustExist: true });
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok')
      throw new CliError(`${shownAs} fails the integrity check: ${String(integrity)}`, 'corrupt');
    const tables = new Set(
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all(),
    );
    if (!tables.has('users') || !tables.has('kysely_migration'))
      throw new CliError(`${shownAs} is a SQLite database but not a School Diary one`, 'schema');
    const applied = db.prepare('SELECT name FROM kysely_migration').pluck().all().map(String);
    const unknown = applied.filter((name) => !(name in MIGRATIONS));
    if (unknown.length)
      throw new CliError(
        `${shownAs} comes from a newer server (migrations ${unknown.join(', ')}): upgrade first`,
        'newer_schema',
      );
    return Number(db.prepare('SELECT count(*) FROM users').pluck().get());
  } catch (error) {
    if (isSqliteError(error, 'SQLITE_NOTADB', 'SQLITE_CORRUPT'))
      throw new CliError(`${shownAs} is not a SQLite database (${error.message})`, 'not_sqlite');
    throw error;
  } finally {
    db.close();
  }
}

/**
 * Makes sure no other process has the database open. WAL connections hold a shared lock on the
 * file while open, so an exclusive lock fails while a server runs, even an idle one. A plain
 * `BEGIN EXCLUSIVE` would not do: in WAL mode it only excludes other writers.
 */
function claim(file: string): 'replaced' | 'damaged' {
  const db = new SQLite(file, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 0');
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('ROLLBACK');
    return 'replaced';
  } catch (error) {
    if (isSqliteError(error, 'SQLITE_BUSY', 'SQLITE_LOCKED'))
      throw new CliError(
        `${file} is in use by another process (is the server running?): stop it, then restore`,
        'in_use',
      );
    if (isSqliteError(error, 'SQLITE_NOTADB', 'SQLITE_CORRUPT')) return 'damaged';
    throw error;
  } finally {
    db.close();
  }
}

function isSqliteError(
  error: unknown,
  ...codes: string[]
): error is InstanceType<typeof SQLite.SqliteError> {
  return error instanceof SQLite.SqliteError && codes.includes(error.code);
}

/**
 * Forgets the restored database's ETag prefix, so the server makes a new one: after a restore the
 * data versions start again from the backup's numbers, and a browser's ETag from before must not
 * match a different answer that reaches the same numbers.
 */
function renewEtagPrefix(file: string): void {
  const db = new SQLite(file, { fileMustExist: true });
  try {
    db.prepare('DELETE FROM settings WHERE key = ?').run(ETAG_PREFIX_SETTING);
  } finally {
    db.close();
  }
}
