import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import type { BackupOptions } from './cli-args';
import { CliError } from './cli-error';
import { isPostgresUrl } from './db/dialect';
import { formatBytes, removeSidecars, syncFile } from './cli-files';
import { writeTar, type TarEntry, type TarSource } from './backup/tar';
import { defaultStorageDir } from './services/file-store';
import { serverVersion } from './server-version';

/** What {@link backupDatabase} did. */
export interface BackupResult {
  readonly from: string;
  readonly to: string;
  readonly bytes: number;
  /** Uploaded files in the archive. */
  readonly files: number;
  /** Files the database names that were gone when copied (deleted after the snapshot). */
  readonly missing: number;
  readonly milliseconds: number;
}

/** The archive's table of contents (`manifest.json`, its last entry). */
export interface BackupManifest {
  readonly format: 'school-diary-backup';
  readonly version: 1;
  readonly createdAt: string;
  readonly serverVersion: string;
  /** The migrations the database had: a restore refuses one from a newer server. */
  readonly migrations: readonly string[];
  /** `diary.sqlite` and every `files/<name>`, with size and SHA-256. */
  readonly entries: readonly TarEntry[];
  /** Storage names the database refers to whose files were gone. */
  readonly missing: readonly string[];
}

/** The archive entry of the database and the folder of the uploaded files in it. */
export const DATABASE_ENTRY = 'diary.sqlite';
export const MANIFEST_ENTRY = 'manifest.json';
export const FILES_PREFIX = 'files/';

/**
 * What `backup` and `restore` say for a PostgreSQL database: they archive SQLite files, and
 * PostgreSQL has its own tools for consistent online copies and point-in-time recovery.
 */
export const POSTGRES_BACKUP_ADVICE =
  'backup and restore archive SQLite databases; this --db is PostgreSQL. Back it up with its own ' +
  "tools: pg_dump --format=custom --file=diary.dump 'postgres://…' for a consistent online dump " +
  '(restore with pg_restore --clean --dbname=…), or pg_basebackup plus WAL archiving ' +
  '(archive_mode=on, archive_command) for point-in-time recovery, and copy the --files ' +
  'directory after the dump; see docs/operations.md';

/** Pages per backup step: all of them, so writers cannot restart the copy between steps. */
const ALL_PAGES = 0x7fffffff;

/** The storage directory of a SQLite database: `--files`, or `files/` beside it. */
export function filesDirOf(db: string, files: string | null): string {
  return files === null ? defaultStorageDir(resolve(db)) : resolve(files);
}

/** A consistent snapshot of the database (SQLite's online backup API, on its own connection). */
async function snapshot(from: string, to: string): Promise<string[]> {
  // Read-write although it only reads: a read-only connection to a WAL database no server has
  // open would leave empty -wal/-shm files behind; this one removes them when it closes last.
  const source = new SQLite(from, { fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    await source.backup(to, { progress: () => ALL_PAGES });
  } finally {
    source.close();
  }
  const copy = new SQLite(to, { fileMustExist: true });
  try {
    return copy.prepare('SELECT storage_path FROM attachments').pluck().all().map(String);
  } finally {
    copy.close();
  }
}

function migrationsOf(file: string): string[] {
  const db = new SQLite(file, { fileMustExist: true, readonly: true });
  try {
    return db.prepare('SELECT name FROM kysely_migration ORDER BY name').pluck().all().map(String);
  } finally {
    db.close();
  }
}

/**
 * Archives the database and the uploaded files it refers to, while a server may keep serving:
 * the database is one consistent snapshot (SQLite's online backup API), then every file the
 * snapshot names is added (uploads are written before the rows naming them, so all are there
 * unless deleted since: those are counted as missing). The archive (a gzip'd tar with a manifest
 * of SHA-256 sums, mode 0600) is written beside the target and renamed into place.
 *
 * @example
 * const { bytes, files } = await backupDatabase({ db: 'diary.sqlite', files: null, to: 'nightly.tar.gz', force: false });
 */
export async function backupDatabase(
  options: BackupOptions,
  now: () => Date = () => new Date(),
): Promise<BackupResult> {
  if (isPostgresUrl(options.db)) throw new CliError(POSTGRES_BACKUP_ADVICE, 'postgres_backup');
  const from = resolve(options.db);
  const to = resolve(options.to);
  if (!existsSync(from)) throw new CliError(`no database at ${from} (check --db)`, 'no_database');
  if (from === to) throw new CliError('--to must be another file than --db', 'same_file');
  if (existsSync(to) && !options.force)
    throw new CliError(`${to} already exists: choose another --to or add --force`, 'exists');
  if (!existsSync(dirname(to)))
    throw new CliError(`the folder of --to does not exist: ${dirname(to)}`, 'no_folder');

  const filesDir = filesDirOf(options.db, options.files);
  const temp = `${to}.partial-${process.pid}`;
  const copy = `${temp}.sqlite`;
  const started = performance.now();
  try {
    const named = await snapshot(from, copy);
    const sources: TarSource[] = [{ name: DATABASE_ENTRY, path: copy, size: statSync(copy).size }];
    const missing: string[] = [];
    for (const name of named) {
      const path = join(filesDir, name);
      if (!/^[0-9a-f]{32}$/.test(name) || !existsSync(path)) missing.push(name);
      else sources.push({ name: `${FILES_PREFIX}${name}`, path, size: statSync(path).size });
    }
    const migrations = migrationsOf(copy);
    const createdAt = now();
    await writeTar(
      temp,
      sources,
      (entries) => {
        const manifest: BackupManifest = {
          format: 'school-diary-backup',
          version: 1,
          createdAt: createdAt.toISOString(),
          serverVersion: serverVersion(),
          migrations,
          entries,
          missing,
        };
        return { name: MANIFEST_ENTRY, bytes: Buffer.from(JSON.stringify(manifest, null, 2)) };
      },
      createdAt,
    );
    syncFile(temp);
    renameSync(temp, to);
    syncFile(dirname(to));
    const milliseconds = performance.now() - started;
    const files = sources.length - 1;
    return { from, to, bytes: statSync(to).size, files, missing: missing.length, milliseconds };
  } finally {
    rmSync(temp, { force: true });
    rmSync(copy, { force: true });
    removeSidecars(copy);
  }
}

/** The line printed after a backup. */
export function describeBackup(result: BackupResult): string {
  const missing = result.missing
    ? ` (${result.missing} files named by the database were deleted meanwhile)`
    : '';
  return `Backed up ${result.from} and ${result.files} uploaded files to ${result.to}: ${formatBytes(result.bytes)} in ${Math.round(result.milliseconds)} ms${missing}.`;
}
