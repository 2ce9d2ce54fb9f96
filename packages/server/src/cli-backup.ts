import { closeSync, existsSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import type { BackupOptions } from './cli-args';
import { CliError } from './cli-error';
import { isPostgresUrl } from './db/dialect';
import { formatBytes, removeSidecars, syncFile } from './cli-files';

/** What {@link backupDatabase} did. */
export interface BackupResult {
  readonly from: string;
  readonly to: string;
  readonly bytes: number;
  readonly milliseconds: number;
}

/**
 * What `backup` and `restore` say for a PostgreSQL database: they copy SQLite files only, and
 * PostgreSQL has its own tools for consistent online copies and point-in-time recovery.
 */
export const POSTGRES_BACKUP_ADVICE =
  'backup and restore copy SQLite files; this --db is PostgreSQL. Back it up with its own tools: ' +
  "pg_dump --format=custom --file=diary.dump 'postgres://…' for a consistent online dump " +
  '(restore with pg_restore --clean --dbname=…), or pg_basebackup plus WAL archiving ' +
  '(archive_mode=on, archive_command) for point-in-time recovery; see docs/scaling.md';

/** Pages per backup step: all of them, so writers cannot restart the copy between steps. */
const ALL_PAGES = 0x7fffffff;

/**
 * Copies the database with SQLite's online backup API on a connection of its own, so a server
 * may keep serving (and writing) meanwhile: the copy is one consistent snapshot taken during the
 * call. The copy is written beside the target and renamed into place, so the target is never
 * half-written.
 *
 * @example
 * const { bytes, milliseconds } = await backupDatabase({ db: 'diary.sqlite', to: 'nightly.sqlite', force: false });
 */
export async function backupDatabase(options: BackupOptions): Promise<BackupResult> {
  if (isPostgresUrl(options.db)) throw new CliError(POSTGRES_BACKUP_ADVICE, 'postgres_backup');
  const from = resolve(options.db);
  const to = resolve(options.to);
  if (!existsSync(from)) throw new CliError(`no database at ${from} (check --db)`, 'no_database');
  if (from === to) throw new CliError('--to must be another file than --db', 'same_file');
  if (existsSync(to) && !options.force)
    throw new CliError(`${to} already exists: choose another --to or add --force`, 'exists');
  if (!existsSync(dirname(to)))
    throw new CliError(`the folder of --to does not exist: ${dirname(to)}`, 'no_folder');

  const temp = `${to}.partial-${process.pid}`;
  const started = performance.now();
  // Read-write although it only reads: a read-only connection to a WAL database no server has
  // open would leave empty -wal/-shm files behind; this one removes them when it closes last.
  const source = new SQLite(from, { fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    // Made first, readable by its owner only: the backup holds every family's data.
    closeSync(openSync(temp, 'wx', 0o600));
    await source.backup(temp, { progress: () => ALL_PAGES });
    syncFile(temp);
    removeSidecars(to);
    renameSync(temp, to);
    syncFile(dirname(to));
  } catch (error) {
    rmSync(temp, { force: true });
    removeSidecars(temp);
    throw error;
  } finally {
    source.close();
  }
  const milliseconds = performance.now() - started;
  return { from, to, bytes: statSync(to).size, milliseconds };
}

/** The line printed after a backup. */
export function describeBackup(result: BackupResult): string {
  return `Backed up ${result.from} to ${result.to}: ${formatBytes(result.bytes)} in ${Math.round(result.milliseconds)} ms.`;
}
